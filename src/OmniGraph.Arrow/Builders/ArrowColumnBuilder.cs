using OmniGraph.Arrow.Internal;

namespace OmniGraph.Arrow;

/// <summary>
/// Appends values to a growable column and produces an immutable <see cref="ArrowColumn"/> with
/// <see cref="Build"/>. Builders amortize growth (doubling buffers), allocate a validity bitmap only once a
/// null is appended, and hand their buffers to the built column without copying. A builder is not thread-safe.
/// </summary>
public abstract class ArrowColumnBuilder
{
    // Every builder tracks its slots' validity the same way; derived builders append to it next to their values.
    private protected ValidityBuilder _validity;

    private protected ArrowColumnBuilder(ArrowType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        Type = type;
    }

    /// <summary>The type of the column being built.</summary>
    public ArrowType Type { get; }

    /// <summary>Slots appended so far.</summary>
    public int Length => _validity.Length;

    /// <summary>Null slots appended so far.</summary>
    public int NullCount => _validity.NullCount;

    /// <summary>Appends a null slot.</summary>
    public abstract void AppendNull();

    /// <summary>Appends <paramref name="count"/> null slots.</summary>
    public void AppendNulls(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        AppendPlaceholderSlots(count, nullSlots: true);
        _validity.AppendNulls(count);
    }

    /// <summary>
    /// Appends <paramref name="count"/> valid placeholder values (zero, <c>false</c>, empty string, bytes or list, a
    /// zero-filled fixed-size list). A null entry of a fixed-size list still reserves its child slots; when the child
    /// field is non-nullable those slots must hold valid values, not nulls.
    /// </summary>
    public void AppendEmptyValues(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        AppendPlaceholderSlots(count, nullSlots: false);
        _validity.AppendValid(count);
    }

    /// <summary>Returns the column built so far and resets this builder to empty (it can be reused).</summary>
    public abstract ArrowColumn Build();

    /// <summary>A builder for any supported type (nested types get builders for their values too).</summary>
    public static ArrowColumnBuilder Create(ArrowType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Id switch
        {
            ArrowTypeId.Utf8 => new Utf8ColumnBuilder(),
            ArrowTypeId.Binary => new BinaryColumnBuilder(),
            ArrowTypeId.Boolean => new BooleanColumnBuilder(),
            ArrowTypeId.Int32 or ArrowTypeId.Date32 => new PrimitiveColumnBuilder<int>(type),
            ArrowTypeId.Int64 or ArrowTypeId.Timestamp => new PrimitiveColumnBuilder<long>(type),
            ArrowTypeId.UInt32 => new PrimitiveColumnBuilder<uint>(type),
            ArrowTypeId.UInt64 => new PrimitiveColumnBuilder<ulong>(type),
            ArrowTypeId.Float32 => new PrimitiveColumnBuilder<float>(type),
            ArrowTypeId.Float64 => new PrimitiveColumnBuilder<double>(type),
            ArrowTypeId.List => new ListColumnBuilder(type),
            ArrowTypeId.FixedSizeList => new FixedSizeListColumnBuilder(type),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown type."),
        };
    }

    /// <summary>
    /// Appends the storage of <paramref name="count"/> placeholder slots (zero values, empty entries); the caller appends
    /// their validity. <paramref name="nullSlots"/> tells whether they are going to be null, which matters only where a
    /// slot owns child slots.
    /// </summary>
    private protected abstract void AppendPlaceholderSlots(int count, bool nullSlots);

    /// <summary>The validity appended so far, handed over to the column being built; the builder starts again empty.</summary>
    private protected (int Length, ReadOnlyMemory<byte> Bits, int NullCount) DetachValidity()
    {
        var length = _validity.Length;
        var (bits, nullCount) = _validity.Detach();
        return (length, bits, nullCount);
    }
}

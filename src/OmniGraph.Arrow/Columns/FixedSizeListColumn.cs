using System.Runtime.CompilerServices;

namespace OmniGraph.Arrow;

/// <summary>
/// A column of fixed-size lists (OmniGraph <c>Vector(N)</c> is a fixed-size list of Float32): entry i is
/// <c>Values[i * ListSize .. (i + 1) * ListSize]</c>. A null entry still occupies <see cref="ListSize"/> child slots.
/// </summary>
public sealed class FixedSizeListColumn : ArrowColumn
{
    /// <remarks>Exactly <c>length * type.ListSize</c> child values.</remarks>
    internal FixedSizeListColumn(ArrowType type, int length, ArrowColumn values, ReadOnlyMemory<byte> validity, int validityOffset, int nullCount)
        : base(type, length, validity, validityOffset, nullCount)
    {
        Values = values;
        ListSize = type.ListSize;
    }

    /// <summary>The child column, <c>Length * ListSize</c> values.</summary>
    public ArrowColumn Values { get; }

    /// <summary>Values per entry.</summary>
    public int ListSize { get; }

    /// <summary>Entry <paramref name="index"/> as a zero-copy slice of <see cref="Values"/>.</summary>
    public ArrowColumn GetValues(int index)
    {
        if ((uint)index >= (uint)Length)
        {
            Internal.ThrowHelper.ThrowIndexOutOfRange(index, Length);
        }

        return Values.Slice(index * ListSize, ListSize);
    }

    /// <summary>
    /// Entry <paramref name="index"/> of a Float32 fixed-size list (a vector) as a span over the underlying memory.
    /// Null child values read as whatever the memory holds; check <see cref="ArrowColumn.IsValid"/> for the entry.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<float> GetVector(int index)
    {
        if ((uint)index >= (uint)Length)
        {
            Internal.ThrowHelper.ThrowIndexOutOfRange(index, Length);
        }

        if (Values is not PrimitiveColumn<float> floats)
        {
            throw new InvalidOperationException($"{Type} is not a vector of Float32.");
        }

        return floats.Values.Slice(index * ListSize, ListSize);
    }

    public override FixedSizeListColumn Slice(int offset, int length)
    {
        CheckSliceRange(offset, length);
        var (bits, bitOffset, nulls) = SliceValidity(offset, length);
        return new FixedSizeListColumn(Type, length, Values.Slice(offset * ListSize, length * ListSize), bits, bitOffset, nulls);
    }

    public override FixedSizeListColumn Take(ReadOnlySpan<int> rowIndices)
    {
        CheckTakeIndices(rowIndices);
        var childRows = new int[checked(rowIndices.Length * ListSize)];
        var position = 0;
        foreach (var row in rowIndices)
        {
            var start = row * ListSize;
            for (var j = 0; j < ListSize; j++)
            {
                childRows[position++] = start + j;
            }
        }

        var (bits, nulls) = TakeValidity(rowIndices);
        return new FixedSizeListColumn(Type, rowIndices.Length, Values.Take(childRows), bits, 0, nulls);
    }

    private protected override ArrowColumn ConcatenateCore(IReadOnlyList<ArrowColumn> columns, int totalLength)
    {
        var children = new ArrowColumn[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            children[c] = ((FixedSizeListColumn)columns[c]).Values;
        }

        var (bits, nulls) = ConcatenateValidity(columns, totalLength);
        return new FixedSizeListColumn(Type, totalLength, Concatenate(children), bits, 0, nulls);
    }

    private protected override bool SlotEquals(int index, ArrowColumn other, int otherIndex) =>
        GetValues(index).ContentEquals(((FixedSizeListColumn)other).GetValues(otherIndex));
}

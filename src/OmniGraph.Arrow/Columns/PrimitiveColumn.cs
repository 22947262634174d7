using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OmniGraph.Arrow;

/// <summary>
/// A column of fixed-width values: <c>int</c> (Int32, Date32 days), <c>long</c> (Int64, Timestamp), <c>uint</c>,
/// <c>ulong</c>, <c>float</c>, <c>double</c>. <see cref="Values"/> is a span straight over the underlying memory
/// (the IPC file's bytes when read from one), so scans run at memory speed.
/// </summary>
public sealed class PrimitiveColumn<T> : ArrowColumn
    where T : unmanaged
{
    private readonly ReadOnlyMemory<byte> _values;

    /// <summary>Creates a column over <paramref name="values"/> (exactly <c>length * sizeof(T)</c> bytes, little-endian).</summary>
    internal PrimitiveColumn(ArrowType type, int length, ReadOnlyMemory<byte> values, ReadOnlyMemory<byte> validity, int validityOffset, int nullCount)
        : base(type, length, validity, validityOffset, nullCount)
    {
        _values = values;
    }

    /// <summary>The values, one per slot (null slots hold unspecified values).</summary>
    public ReadOnlySpan<T> Values
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => MemoryMarshal.Cast<byte, T>(_values.Span);
    }

    /// <summary>The raw little-endian value bytes.</summary>
    public ReadOnlySpan<byte> ValueBytes => _values.Span;

    internal ReadOnlyMemory<byte> ValueMemory => _values;

    /// <summary>The value at <paramref name="index"/> (unspecified for a null slot; check <see cref="ArrowColumn.IsValid"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T GetValue(int index) => Values[index];

    /// <summary>The value at <paramref name="index"/>, or null for a null slot.</summary>
    public T? GetValueOrNull(int index) => IsValid(index) ? Values[index] : null;

    public override PrimitiveColumn<T> Slice(int offset, int length)
    {
        CheckSliceRange(offset, length);
        var size = Unsafe.SizeOf<T>();
        var (bits, bitOffset, nulls) = SliceValidity(offset, length);
        return new PrimitiveColumn<T>(Type, length, _values.Slice(offset * size, length * size), bits, bitOffset, nulls);
    }

    public override PrimitiveColumn<T> Take(ReadOnlySpan<int> rowIndices)
    {
        CheckTakeIndices(rowIndices);
        var source = Values;
        var bytes = GC.AllocateUninitializedArray<byte>(checked(rowIndices.Length * Unsafe.SizeOf<T>()));
        var destination = MemoryMarshal.Cast<byte, T>(bytes.AsSpan());
        for (var i = 0; i < rowIndices.Length; i++)
        {
            destination[i] = source[rowIndices[i]];
        }

        var (bits, nulls) = TakeValidity(rowIndices);
        return new PrimitiveColumn<T>(Type, rowIndices.Length, bytes, bits, 0, nulls);
    }

    private protected override ArrowColumn ConcatenateCore(IReadOnlyList<ArrowColumn> columns, int totalLength)
    {
        var bytes = GC.AllocateUninitializedArray<byte>(checked(totalLength * Unsafe.SizeOf<T>()));
        var position = 0;
        foreach (var column in columns)
        {
            var source = ((PrimitiveColumn<T>)column).ValueBytes;
            source.CopyTo(bytes.AsSpan(position));
            position += source.Length;
        }

        var (bits, nulls) = ConcatenateValidity(columns, totalLength);
        return new PrimitiveColumn<T>(Type, totalLength, bytes, bits, 0, nulls);
    }

    private protected override bool SlotEquals(int index, ArrowColumn other, int otherIndex)
    {
        // Bitwise comparison: NaN equals NaN and -0.0 differs from 0.0, which is what "same stored value" means.
        var left = Values[index];
        var right = ((PrimitiveColumn<T>)other).Values[otherIndex];
        return MemoryMarshal.AsBytes(new ReadOnlySpan<T>(ref left)).SequenceEqual(MemoryMarshal.AsBytes(new ReadOnlySpan<T>(ref right)));
    }
}

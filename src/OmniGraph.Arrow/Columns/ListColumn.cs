using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OmniGraph.Arrow.Internal;

namespace OmniGraph.Arrow;

/// <summary>
/// A column of variable-length lists: 32-bit offsets into a child column (<see cref="Values"/>). Entry i is
/// <c>Values[ValueOffsets[i]..ValueOffsets[i + 1]]</c>; a null entry is empty.
/// </summary>
public sealed class ListColumn : ArrowColumn
{
    private readonly ReadOnlyMemory<byte> _offsets;

    /// <remarks>Exactly <c>(length + 1) * 4</c> bytes of non-decreasing offsets within <paramref name="values"/> (validated by the caller).</remarks>
    internal ListColumn(ArrowType type, int length, ReadOnlyMemory<byte> offsets, ArrowColumn values, ReadOnlyMemory<byte> validity, int validityOffset, int nullCount)
        : base(type, length, validity, validityOffset, nullCount)
    {
        _offsets = offsets;
        Values = values;
    }

    /// <summary>The child column all entries point into (it may hold more values than the entries reference).</summary>
    public ArrowColumn Values { get; }

    /// <summary>Length + 1 offsets into <see cref="Values"/>.</summary>
    public ReadOnlySpan<int> ValueOffsets
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => MemoryMarshal.Cast<byte, int>(_offsets.Span);
    }

    internal ReadOnlyMemory<byte> OffsetMemory => _offsets;

    /// <summary>Where entry <paramref name="index"/> lies in <see cref="Values"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (int Start, int Length) GetValueRange(int index)
    {
        if ((uint)index >= (uint)Length)
        {
            ThrowHelper.ThrowIndexOutOfRange(index, Length);
        }

        var offsets = ValueOffsets;
        var start = offsets[index];
        return (start, offsets[index + 1] - start);
    }

    /// <summary>Entry <paramref name="index"/> as a zero-copy slice of <see cref="Values"/> (empty for a null entry).</summary>
    public ArrowColumn GetValues(int index)
    {
        var (start, length) = GetValueRange(index);
        return Values.Slice(start, length);
    }

    public override ListColumn Slice(int offset, int length)
    {
        CheckSliceRange(offset, length);
        var (bits, bitOffset, nulls) = SliceValidity(offset, length);
        return new ListColumn(Type, length, OffsetBuffers.Slice(_offsets, offset, length), Values, bits, bitOffset, nulls);
    }

    public override ListColumn Take(ReadOnlySpan<int> rowIndices)
    {
        CheckTakeIndices(rowIndices);
        var offsets = ValueOffsets;
        var newOffsetBytes = OffsetBuffers.Gather(offsets, rowIndices, out var total);
        var childRows = new int[total];
        var position = 0;
        foreach (var row in rowIndices)
        {
            for (var child = offsets[row]; child < offsets[row + 1]; child++)
            {
                childRows[position++] = child;
            }
        }

        var (bits, nulls) = TakeValidity(rowIndices);
        return new ListColumn(Type, rowIndices.Length, newOffsetBytes, Values.Take(childRows), bits, 0, nulls);
    }

    private protected override ArrowColumn ConcatenateCore(IReadOnlyList<ArrowColumn> columns, int totalLength)
    {
        var children = new ArrowColumn[columns.Count];
        var newOffsetBytes = new byte[(totalLength + 1) * sizeof(int)];
        var newOffsets = MemoryMarshal.Cast<byte, int>(newOffsetBytes.AsSpan());
        var row = 0;
        long position = 0;
        for (var c = 0; c < columns.Count; c++)
        {
            var source = (ListColumn)columns[c];
            var offsets = source.ValueOffsets;
            OffsetBuffers.CopyRebased(offsets, newOffsets[row..], (int)position);
            row += source.Length;
            var first = offsets[0];
            var childLength = offsets[^1] - first;
            children[c] = source.Values.Slice(first, childLength);
            position += childLength;
            if (position > int.MaxValue)
            {
                ThrowHelper.ThrowColumnTooLarge();
            }
        }

        newOffsets[row] = (int)position;
        var (bits, nulls) = ConcatenateValidity(columns, totalLength);
        return new ListColumn(Type, totalLength, newOffsetBytes, Concatenate(children), bits, 0, nulls);
    }

    private protected override bool SlotEquals(int index, ArrowColumn other, int otherIndex) =>
        GetValues(index).ContentEquals(((ListColumn)other).GetValues(otherIndex));
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OmniGraph.Arrow.Hashing;
using OmniGraph.Arrow.Internal;

namespace OmniGraph.Arrow;

/// <summary>
/// The shared layout of <see cref="Utf8Column"/> and <see cref="BinaryColumn"/>: 32-bit offsets into one data
/// buffer. Value access never allocates: <see cref="GetBytes"/> returns a span into the data, and
/// <see cref="ValueEquals"/> / <see cref="GetValueHash64"/> serve key lookups without materializing strings.
/// </summary>
public abstract class VariableBinaryColumn : ArrowColumn
{
    private readonly ReadOnlyMemory<byte> _offsets;
    private readonly ReadOnlyMemory<byte> _data;

    /// <remarks>Exactly <c>(length + 1) * 4</c> bytes of non-decreasing offsets into <paramref name="data"/> (validated by the caller).</remarks>
    private protected VariableBinaryColumn(ArrowType type, int length, ReadOnlyMemory<byte> offsets, ReadOnlyMemory<byte> data, ReadOnlyMemory<byte> validity, int validityOffset, int nullCount)
        : base(type, length, validity, validityOffset, nullCount)
    {
        _offsets = offsets;
        _data = data;
    }

    /// <summary>Length + 1 offsets; value i spans <c>Data[Offsets[i]..Offsets[i + 1]]</c>. They need not start at 0 after a slice.</summary>
    public ReadOnlySpan<int> Offsets
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => MemoryMarshal.Cast<byte, int>(_offsets.Span);
    }

    /// <summary>The whole data buffer the offsets point into.</summary>
    public ReadOnlySpan<byte> Data => _data.Span;

    internal ReadOnlyMemory<byte> OffsetMemory => _offsets;

    internal ReadOnlyMemory<byte> DataMemory => _data;

    /// <summary>The bytes of value <paramref name="index"/> (empty for a null slot).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> GetBytes(int index)
    {
        if ((uint)index >= (uint)Length)
        {
            ThrowHelper.ThrowIndexOutOfRange(index, Length);
        }

        var offsets = Offsets;
        var start = offsets[index];
        return _data.Span[start..offsets[index + 1]];
    }

    /// <summary>Byte length of value <paramref name="index"/>.</summary>
    public int GetValueLength(int index)
    {
        if ((uint)index >= (uint)Length)
        {
            ThrowHelper.ThrowIndexOutOfRange(index, Length);
        }

        var offsets = Offsets;
        return offsets[index + 1] - offsets[index];
    }

    /// <summary>True when value <paramref name="index"/> is exactly <paramref name="value"/> (a null slot compares as empty).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool ValueEquals(int index, ReadOnlySpan<byte> value) => GetBytes(index).SequenceEqual(value);

    /// <summary>
    /// XXH64 of value <paramref name="index"/>'s bytes: equal to <see cref="XxHash64.Hash"/> of the same bytes, so an
    /// index can hash a probe key with <see cref="XxHash64"/> and compare without allocating.
    /// </summary>
    public ulong GetValueHash64(int index, ulong seed = 0) => XxHash64.Hash(GetBytes(index), seed);

    /// <summary>Creates a column of this column's concrete kind over the given (already valid) buffers.</summary>
    private protected abstract VariableBinaryColumn Create(int length, ReadOnlyMemory<byte> offsets, ReadOnlyMemory<byte> data, ReadOnlyMemory<byte> validity, int validityOffset, int nullCount);

    private protected VariableBinaryColumn SliceCore(int offset, int length)
    {
        CheckSliceRange(offset, length);
        var (bits, bitOffset, nulls) = SliceValidity(offset, length);
        return Create(length, OffsetBuffers.Slice(_offsets, offset, length), _data, bits, bitOffset, nulls);
    }

    private protected VariableBinaryColumn TakeCore(ReadOnlySpan<int> rowIndices)
    {
        CheckTakeIndices(rowIndices);
        var offsets = Offsets;
        var newOffsetBytes = OffsetBuffers.Gather(offsets, rowIndices, out var total);
        var data = GC.AllocateUninitializedArray<byte>(total);
        var source = _data.Span;
        var position = 0;
        foreach (var row in rowIndices)
        {
            var value = source[offsets[row]..offsets[row + 1]];
            value.CopyTo(data.AsSpan(position));
            position += value.Length;
        }

        var (bits, nulls) = TakeValidity(rowIndices);
        return Create(rowIndices.Length, newOffsetBytes, data, bits, 0, nulls);
    }

    private protected override ArrowColumn ConcatenateCore(IReadOnlyList<ArrowColumn> columns, int totalLength)
    {
        long totalBytes = 0;
        foreach (var column in columns)
        {
            var offsets = ((VariableBinaryColumn)column).Offsets;
            totalBytes += offsets[^1] - offsets[0];
        }

        if (totalBytes > Array.MaxLength || totalBytes > int.MaxValue)
        {
            ThrowHelper.ThrowColumnTooLarge();
        }

        var data = GC.AllocateUninitializedArray<byte>((int)totalBytes);
        var newOffsetBytes = new byte[(totalLength + 1) * sizeof(int)];
        var newOffsets = MemoryMarshal.Cast<byte, int>(newOffsetBytes.AsSpan());
        var row = 0;
        var position = 0;
        foreach (var column in columns)
        {
            var source = (VariableBinaryColumn)column;
            var offsets = source.Offsets;
            OffsetBuffers.CopyRebased(offsets, newOffsets[row..], position);
            row += source.Length;
            var bytes = source.Data[offsets[0]..offsets[^1]];
            bytes.CopyTo(data.AsSpan(position));
            position += bytes.Length;
        }

        newOffsets[row] = position;
        var (bits, nulls) = ConcatenateValidity(columns, totalLength);
        return Create(totalLength, newOffsetBytes, data, bits, 0, nulls);
    }

    private protected override bool SlotEquals(int index, ArrowColumn other, int otherIndex) =>
        GetBytes(index).SequenceEqual(((VariableBinaryColumn)other).GetBytes(otherIndex));
}

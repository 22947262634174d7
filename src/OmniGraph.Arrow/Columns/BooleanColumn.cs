using System.Runtime.CompilerServices;
using OmniGraph.Arrow.Internal;

namespace OmniGraph.Arrow;

/// <summary>A column of bit-packed booleans (least-significant bit first).</summary>
public sealed class BooleanColumn : ArrowColumn
{
    private readonly ReadOnlyMemory<byte> _values;
    private readonly int _valueOffset;

    internal BooleanColumn(int length, ReadOnlyMemory<byte> values, int valueOffset, ReadOnlyMemory<byte> validity, int validityOffset, int nullCount)
        : base(ArrowType.Boolean, length, validity, validityOffset, nullCount)
    {
        _values = values;
        _valueOffset = valueOffset;
    }

    /// <summary>The packed value bits; slot i is bit <c>ValueBitOffset + i</c>.</summary>
    public ReadOnlySpan<byte> ValueBits => _values.Span;

    /// <summary>Bit position of slot 0 within <see cref="ValueBits"/>.</summary>
    public int ValueBitOffset => _valueOffset;

    internal ReadOnlyMemory<byte> ValueMemory => _values;

    /// <summary>The value at <paramref name="index"/> (unspecified for a null slot).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool GetValue(int index)
    {
        if ((uint)index >= (uint)Length)
        {
            ThrowHelper.ThrowIndexOutOfRange(index, Length);
        }

        return BitUtility.GetBit(_values.Span, _valueOffset + index);
    }

    /// <summary>The value at <paramref name="index"/>, or null for a null slot.</summary>
    public bool? GetValueOrNull(int index) => IsValid(index) ? GetValue(index) : null;

    public override BooleanColumn Slice(int offset, int length)
    {
        CheckSliceRange(offset, length);
        var (bits, bitOffset, nulls) = SliceValidity(offset, length);
        return new BooleanColumn(length, _values, _valueOffset + offset, bits, bitOffset, nulls);
    }

    public override BooleanColumn Take(ReadOnlySpan<int> rowIndices)
    {
        CheckTakeIndices(rowIndices);
        var source = _values.Span;
        var values = new byte[BitUtility.BytesForBits(rowIndices.Length)];
        for (var i = 0; i < rowIndices.Length; i++)
        {
            if (BitUtility.GetBit(source, _valueOffset + rowIndices[i]))
            {
                BitUtility.SetBit(values, i);
            }
        }

        var (bits, nulls) = TakeValidity(rowIndices);
        return new BooleanColumn(rowIndices.Length, values, 0, bits, 0, nulls);
    }

    private protected override ArrowColumn ConcatenateCore(IReadOnlyList<ArrowColumn> columns, int totalLength)
    {
        var values = new byte[BitUtility.BytesForBits(totalLength)];
        var position = 0;
        foreach (var column in columns)
        {
            var source = (BooleanColumn)column;
            BitUtility.CopyBits(source.ValueBits, source.ValueBitOffset, values, position, source.Length);
            position += source.Length;
        }

        var (bits, nulls) = ConcatenateValidity(columns, totalLength);
        return new BooleanColumn(totalLength, values, 0, bits, 0, nulls);
    }

    private protected override bool SlotEquals(int index, ArrowColumn other, int otherIndex) =>
        GetValue(index) == ((BooleanColumn)other).GetValue(otherIndex);
}

using System.Runtime.CompilerServices;
using OmniGraph.Arrow.Internal;

namespace OmniGraph.Arrow;

/// <summary>
/// An immutable, typed column of values with an optional validity bitmap (Arrow "array"). Columns read from
/// an IPC file are zero-copy views over the file's memory; <see cref="Slice(int, int)"/> is zero-copy too, while
/// <see cref="Take"/> and <see cref="Concatenate"/> gather into new memory. Values in null slots are unspecified.
/// </summary>
/// <remarks>
/// Concrete columns: <see cref="PrimitiveColumn{T}"/> (integers, floats, dates, timestamps), <see cref="BooleanColumn"/>,
/// <see cref="Utf8Column"/> and <see cref="BinaryColumn"/> (both <see cref="VariableBinaryColumn"/>), <see cref="ListColumn"/>
/// and <see cref="FixedSizeListColumn"/>. Build them with the matching <see cref="ArrowColumnBuilder"/>.
/// </remarks>
public abstract partial class ArrowColumn
{
    // Empty when NullCount is 0, even if the source had a bitmap: every validity check then short-circuits.
    private readonly ReadOnlyMemory<byte> _validity;
    private readonly int _validityOffset;

    private protected ArrowColumn(ArrowType type, int length, ReadOnlyMemory<byte> validity, int validityOffset, int nullCount)
    {
        Type = type;
        Length = length;
        NullCount = nullCount;
        if (nullCount != 0)
        {
            _validity = validity;
            _validityOffset = validityOffset;
        }
    }

    /// <summary>The logical type of every value.</summary>
    public ArrowType Type { get; }

    /// <summary>Number of values (slots), nulls included.</summary>
    public int Length { get; }

    /// <summary>Number of null slots.</summary>
    public int NullCount { get; }

    /// <summary>The validity bitmap bytes (bit <c>ValidityBitOffset + i</c> set = slot i valid); empty when <see cref="NullCount"/> is 0.</summary>
    public ReadOnlySpan<byte> ValidityBits => _validity.Span;

    /// <summary>Bit position of slot 0 within <see cref="ValidityBits"/> (non-zero after a slice).</summary>
    public int ValidityBitOffset => _validityOffset;

    internal ReadOnlyMemory<byte> ValidityMemory => _validity;

    /// <summary>True when slot <paramref name="index"/> holds a value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsValid(int index)
    {
        if ((uint)index >= (uint)Length)
        {
            ThrowHelper.ThrowIndexOutOfRange(index, Length);
        }

        return NullCount == 0 || BitUtility.GetBit(_validity.Span, _validityOffset + index);
    }

    /// <summary>True when slot <paramref name="index"/> is null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsNull(int index) => !IsValid(index);

    /// <summary>A zero-copy view of <paramref name="length"/> slots starting at <paramref name="offset"/>.</summary>
    public abstract ArrowColumn Slice(int offset, int length);

    /// <summary>A zero-copy view of the slots from <paramref name="offset"/> to the end.</summary>
    public ArrowColumn Slice(int offset) => Slice(offset, Length - offset);

    /// <summary>A new column holding the slots at <paramref name="rowIndices"/>, in that order (indices may repeat).</summary>
    public abstract ArrowColumn Take(ReadOnlySpan<int> rowIndices);

    /// <summary>
    /// Value equality: same type, length and null positions, and equal values in every valid slot (floats compare
    /// bit patterns, so NaN equals NaN). Memory layout (offsets, slicing, bitmap presence) does not matter.
    /// </summary>
    public bool ContentEquals(ArrowColumn other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Type.Equals(other.Type) || Length != other.Length || NullCount != other.NullCount)
        {
            return false;
        }

        for (var i = 0; i < Length; i++)
        {
            var valid = IsValid(i);
            if (valid != other.IsValid(i) || (valid && !SlotEquals(i, other, i)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Value equality of one slot with a slot of <paramref name="other"/>: both null, or both valid with equal values
    /// under the rules of <see cref="ContentEquals"/> (same type; floats compare bit patterns). Allocates nothing.
    /// </summary>
    public bool ValueEquals(int index, ArrowColumn other, int otherIndex)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!Type.Equals(other.Type))
        {
            return false;
        }

        var valid = IsValid(index);
        return valid == other.IsValid(otherIndex) && (!valid || SlotEquals(index, other, otherIndex));
    }

    /// <summary>A short description for diagnostics, for example <c>Int64[3] (1 null)</c>.</summary>
    public override string ToString() => $"{Type}[{Length}]{(NullCount > 0 ? $" ({NullCount} null)" : string.Empty)}";

    /// <summary>Compares the valid value at <paramref name="index"/> with <paramref name="other"/>'s valid value at <paramref name="otherIndex"/>; the types are equal.</summary>
    private protected abstract bool SlotEquals(int index, ArrowColumn other, int otherIndex);

    private protected void CheckSliceRange(int offset, int length)
    {
        if (offset < 0 || length < 0 || offset > Length - length)
        {
            ThrowHelper.ThrowSliceOutOfRange(offset, length, Length);
        }
    }

    private protected void CheckTakeIndices(ReadOnlySpan<int> rowIndices)
    {
        var length = (uint)Length;
        for (var i = 0; i < rowIndices.Length; i++)
        {
            if ((uint)rowIndices[i] >= length)
            {
                ThrowHelper.ThrowTakeIndexOutOfRange(i, rowIndices[i], Length);
            }
        }
    }

    /// <summary>The validity of a slice: the same bitmap at a shifted bit offset, dropped when the slice holds no null.</summary>
    private protected (ReadOnlyMemory<byte> Bits, int BitOffset, int NullCount) SliceValidity(int offset, int length)
    {
        if (NullCount == 0 || length == 0)
        {
            return (ReadOnlyMemory<byte>.Empty, 0, 0);
        }

        var bitOffset = _validityOffset + offset;
        var nulls = length - BitUtility.CountSetBits(_validity.Span, bitOffset, length);
        return nulls == 0 ? (ReadOnlyMemory<byte>.Empty, 0, 0) : (_validity, bitOffset, nulls);
    }

    /// <summary>The validity of a gather, in a new bitmap (or none when no gathered slot is null).</summary>
    private protected (ReadOnlyMemory<byte> Bits, int NullCount) TakeValidity(ReadOnlySpan<int> rowIndices)
    {
        if (NullCount == 0)
        {
            return (ReadOnlyMemory<byte>.Empty, 0);
        }

        var source = _validity.Span;
        var bits = new byte[BitUtility.BytesForBits(rowIndices.Length)];
        var nulls = 0;
        for (var i = 0; i < rowIndices.Length; i++)
        {
            if (BitUtility.GetBit(source, _validityOffset + rowIndices[i]))
            {
                BitUtility.SetBit(bits, i);
            }
            else
            {
                nulls++;
            }
        }

        return nulls == 0 ? (ReadOnlyMemory<byte>.Empty, 0) : (bits, nulls);
    }
}

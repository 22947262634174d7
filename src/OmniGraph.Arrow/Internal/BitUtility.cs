using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace OmniGraph.Arrow.Internal;

/// <summary>Arrow bitmaps: least-significant bit first within each byte (validity bitmaps and boolean values).</summary>
internal static class BitUtility
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool GetBit(ReadOnlySpan<byte> bits, int index) =>
        (bits[index >> 3] & (1 << (index & 7))) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SetBit(Span<byte> bits, int index) =>
        bits[index >> 3] |= (byte)(1 << (index & 7));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ClearBit(Span<byte> bits, int index) =>
        bits[index >> 3] &= (byte)~(1 << (index & 7));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteBit(Span<byte> bits, int index, bool value)
    {
        if (value)
        {
            SetBit(bits, index);
        }
        else
        {
            ClearBit(bits, index);
        }
    }

    /// <summary>Bytes needed to hold <paramref name="bitCount"/> bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long BytesForBits(long bitCount) => (bitCount + 7) >> 3;

    /// <summary>Number of set bits in [<paramref name="bitOffset"/>, <paramref name="bitOffset"/> + <paramref name="length"/>).</summary>
    public static int CountSetBits(ReadOnlySpan<byte> bits, int bitOffset, int length)
    {
        if (length == 0)
        {
            return 0;
        }

        var count = 0;
        var position = bitOffset;
        var end = bitOffset + length;

        // Leading bits up to the first byte boundary.
        while ((position & 7) != 0 && position < end)
        {
            if (GetBit(bits, position))
            {
                count++;
            }

            position++;
        }

        var byteIndex = position >> 3;
        var fullBytes = (end - position) >> 3;
        var wholeBytes = bits.Slice(byteIndex, fullBytes);
        var i = 0;
        for (; i + sizeof(ulong) <= wholeBytes.Length; i += sizeof(ulong))
        {
            count += BitOperations.PopCount(BinaryPrimitives.ReadUInt64LittleEndian(wholeBytes[i..]));
        }

        for (; i < wholeBytes.Length; i++)
        {
            count += BitOperations.PopCount(wholeBytes[i]);
        }

        position += fullBytes << 3;
        while (position < end)
        {
            if (GetBit(bits, position))
            {
                count++;
            }

            position++;
        }

        return count;
    }

    /// <summary>
    /// Copies <paramref name="length"/> bits from <paramref name="source"/> at <paramref name="sourceOffset"/> into
    /// <paramref name="destination"/> at <paramref name="destinationOffset"/>. Bits of the destination outside that
    /// range are left as they were.
    /// </summary>
    public static void CopyBits(ReadOnlySpan<byte> source, int sourceOffset, Span<byte> destination, int destinationOffset, int length)
    {
        if (length == 0)
        {
            return;
        }

        if ((sourceOffset & 7) == 0 && (destinationOffset & 7) == 0)
        {
            var wholeBytes = length >> 3;
            source.Slice(sourceOffset >> 3, wholeBytes).CopyTo(destination.Slice(destinationOffset >> 3, wholeBytes));
            for (var i = wholeBytes << 3; i < length; i++)
            {
                WriteBit(destination, destinationOffset + i, GetBit(source, sourceOffset + i));
            }

            return;
        }

        if ((destinationOffset & 7) == 0)
        {
            // Shifted byte-at-a-time copy: the usual case (materializing a slice into a fresh buffer).
            var shift = sourceOffset & 7;
            var sourceByte = sourceOffset >> 3;
            var destinationByte = destinationOffset >> 3;
            var wholeBytes = length >> 3;
            var lastSourceByte = (int)BytesForBits(sourceOffset + (long)length) - 1;
            for (var i = 0; i < wholeBytes; i++)
            {
                var low = source[sourceByte + i] >> shift;
                var highIndex = sourceByte + i + 1;
                var high = highIndex <= lastSourceByte ? source[highIndex] << (8 - shift) : 0;
                destination[destinationByte + i] = (byte)(low | high);
            }

            for (var i = wholeBytes << 3; i < length; i++)
            {
                WriteBit(destination, destinationOffset + i, GetBit(source, sourceOffset + i));
            }

            return;
        }

        for (var i = 0; i < length; i++)
        {
            WriteBit(destination, destinationOffset + i, GetBit(source, sourceOffset + i));
        }
    }

    /// <summary>Sets every bit in [<paramref name="bitOffset"/>, <paramref name="bitOffset"/> + <paramref name="length"/>).</summary>
    public static void SetBits(Span<byte> bits, int bitOffset, int length)
    {
        var position = bitOffset;
        var end = bitOffset + length;
        while ((position & 7) != 0 && position < end)
        {
            SetBit(bits, position++);
        }

        var wholeBytes = (end - position) >> 3;
        bits.Slice(position >> 3, wholeBytes).Fill(0xFF);
        position += wholeBytes << 3;
        while (position < end)
        {
            SetBit(bits, position++);
        }
    }
}

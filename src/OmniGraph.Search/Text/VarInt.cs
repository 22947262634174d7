using System.Runtime.CompilerServices;

namespace OmniGraph.Search;

/// <summary>LEB128 unsigned variable-length integers: postings deltas are small, so most take one byte.</summary>
internal static class VarInt
{
    public static void Write(ByteBuffer buffer, uint value)
    {
        while (value >= 0x80)
        {
            buffer.Add((byte)(value | 0x80));
            value >>= 7;
        }

        buffer.Add((byte)value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Read(byte[] data, ref int position)
    {
        uint b = data[position++];
        if (b < 0x80)
        {
            return b;
        }

        var value = b & 0x7F;
        var shift = 7;
        do
        {
            b = data[position++];
            value |= (b & 0x7F) << shift;
            shift += 7;
        }
        while (b >= 0x80);
        return value;
    }

    /// <summary>Moves <paramref name="position"/> past <paramref name="count"/> values without decoding them.</summary>
    public static void Skip(byte[] data, ref int position, int count)
    {
        while (count > 0)
        {
            if (data[position++] < 0x80)
            {
                count--;
            }
        }
    }
}

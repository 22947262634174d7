using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ArmCrc32 = System.Runtime.Intrinsics.Arm.Crc32;
using X86Sse42 = System.Runtime.Intrinsics.X86.Sse42;

namespace OmniGraph;

/// <summary>
/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum of iSCSI, ext4 and many storage formats.
/// Uses the CPU's CRC32 instruction (SSE4.2 on x64, the CRC extension on Arm64) so verifying a file costs far
/// less than reading it, with a table-driven software path everywhere else. Shared by the Arrow file checksum and the
/// local object store's per-object checksum.
/// </summary>
public static class Crc32C
{
    private const uint ReflectedPolynomial = 0x82F63B78u;

    // Slicing-by-8 tables for the software path: s_table[k][b] is the CRC contribution of byte b seen k bytes earlier.
    private static readonly uint[] s_table = BuildTable();

    /// <summary>CRC-32C of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

    /// <summary>Extends <paramref name="crc"/> (the CRC-32C of some prefix, 0 for none) with <paramref name="data"/>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data) => ~Update(~crc, data);

    /// <summary>Extends <paramref name="crc"/> using only the software tables (exposed to test it against the hardware path).</summary>
    internal static uint AppendSoftware(uint crc, ReadOnlySpan<byte> data) => ~UpdateSoftware(~crc, data);

    private static uint Update(uint state, ReadOnlySpan<byte> data)
    {
        if (X86Sse42.X64.IsSupported)
        {
            return UpdateX64(state, data);
        }

        if (ArmCrc32.Arm64.IsSupported)
        {
            return UpdateArm64(state, data);
        }

        return UpdateSoftware(state, data);
    }

    private static uint UpdateX64(uint state, ReadOnlySpan<byte> data)
    {
        ulong crc = state;
        var words = MemoryMarshal.Cast<byte, ulong>(data);
        foreach (var word in words)
        {
            crc = X86Sse42.X64.Crc32(crc, BitConverter.IsLittleEndian ? word : BinaryPrimitives.ReverseEndianness(word));
        }

        var result = (uint)crc;
        foreach (var b in data[(words.Length * sizeof(ulong))..])
        {
            result = X86Sse42.Crc32(result, b);
        }

        return result;
    }

    private static uint UpdateArm64(uint state, ReadOnlySpan<byte> data)
    {
        var crc = state;
        var words = MemoryMarshal.Cast<byte, ulong>(data);
        foreach (var word in words)
        {
            crc = ArmCrc32.Arm64.ComputeCrc32C(crc, BitConverter.IsLittleEndian ? word : BinaryPrimitives.ReverseEndianness(word));
        }

        foreach (var b in data[(words.Length * sizeof(ulong))..])
        {
            crc = ArmCrc32.ComputeCrc32C(crc, b);
        }

        return crc;
    }

    private static uint UpdateSoftware(uint state, ReadOnlySpan<byte> data)
    {
        var table = s_table;
        var crc = state;
        while (data.Length >= 8)
        {
            var low = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ crc;
            var high = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            crc = Lookup(table, 7, low & 0xFF) ^ Lookup(table, 6, (low >> 8) & 0xFF)
                ^ Lookup(table, 5, (low >> 16) & 0xFF) ^ Lookup(table, 4, low >> 24)
                ^ Lookup(table, 3, high & 0xFF) ^ Lookup(table, 2, (high >> 8) & 0xFF)
                ^ Lookup(table, 1, (high >> 16) & 0xFF) ^ Lookup(table, 0, high >> 24);
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = Lookup(table, 0, (crc ^ b) & 0xFF) ^ (crc >> 8);
        }

        return crc;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Lookup(uint[] table, int slice, uint index) => table[(slice << 8) + (int)index];

    private static uint[] BuildTable()
    {
        var table = new uint[8 * 256];
        for (uint b = 0; b < 256; b++)
        {
            var crc = b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ ReflectedPolynomial : crc >> 1;
            }

            table[b] = crc;
        }

        for (var slice = 1; slice < 8; slice++)
        {
            for (var b = 0; b < 256; b++)
            {
                var previous = table[((slice - 1) << 8) + b];
                table[(slice << 8) + b] = (previous >> 8) ^ table[previous & 0xFF];
            }
        }

        return table;
    }
}

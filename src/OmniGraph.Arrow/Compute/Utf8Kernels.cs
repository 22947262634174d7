using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using OmniGraph.Arrow.Internal;

namespace OmniGraph.Arrow.Compute;

/// <summary>
/// Column kernels over UTF-8 strings: each reads the column's offsets and data buffers once and writes a new column,
/// with no string per value. Nulls go through unchanged (a null slot of the input is a null slot of the result, sharing
/// the input's validity bitmap); what a null slot holds is never read as a value.
/// </summary>
/// <remarks>
/// Case mapping is Unicode simple case mapping, culture-invariant (the mapping of <see cref="char.ToLowerInvariant"/>),
/// so the result of one value has as many UTF-16 units as the value but may differ in UTF-8 bytes. A column whose bytes
/// are all ASCII is mapped in one vectorized pass over its data buffer and keeps its offsets.
/// </remarks>
public static partial class Utf8Kernels
{
    /// <summary>Each value in lower case (Unicode simple case mapping, invariant).</summary>
    public static Utf8Column ToLower(Utf8Column strings) => MapCase(strings, upper: false);

    /// <summary>Each value in upper case (Unicode simple case mapping, invariant).</summary>
    public static Utf8Column ToUpper(Utf8Column strings) => MapCase(strings, upper: true);

    /// <summary>Each value without its leading and trailing Unicode white space (<see cref="Rune.IsWhiteSpace"/>).</summary>
    public static Utf8Column Trim(Utf8Column strings)
    {
        ArgumentNullException.ThrowIfNull(strings);
        var length = strings.Length;
        var offsets = strings.Offsets;
        var data = strings.Data;
        var starts = new int[length];
        var ends = new int[length];
        var changed = false;
        long total = 0;
        for (var i = 0; i < length; i++)
        {
            var start = offsets[i];
            var end = offsets[i + 1];
            var (trimmedStart, trimmedEnd) = TrimRange(data, start, end);
            starts[i] = trimmedStart;
            ends[i] = trimmedEnd;
            changed |= trimmedStart != start || trimmedEnd != end;
            total += trimmedEnd - trimmedStart;
        }

        if (!changed)
        {
            return strings;
        }

        var newOffsets = new byte[(length + 1) * sizeof(int)];
        var written = MemoryMarshal.Cast<byte, int>(newOffsets.AsSpan());
        var newData = GC.AllocateUninitializedArray<byte>((int)total);
        var position = 0;
        for (var i = 0; i < length; i++)
        {
            written[i] = position;
            var value = data[starts[i]..ends[i]];
            value.CopyTo(newData.AsSpan(position));
            position += value.Length;
        }

        written[length] = position;
        return new Utf8Column(length, newOffsets, newData, strings.ValidityMemory, strings.ValidityBitOffset, strings.NullCount);
    }

    /// <summary>The number of Unicode code points of each value (not UTF-16 units, not bytes), as Int64.</summary>
    public static PrimitiveColumn<long> CodePointLength(Utf8Column strings)
    {
        ArgumentNullException.ThrowIfNull(strings);
        var length = strings.Length;
        var offsets = strings.Offsets;
        var data = strings.Data;
        var values = new byte[length * sizeof(long)];
        var counts = MemoryMarshal.Cast<byte, long>(values.AsSpan());
        var ascii = Ascii.IsValid(data[offsets[0]..offsets[length]]);
        for (var i = 0; i < length; i++)
        {
            var value = data[offsets[i]..offsets[i + 1]];
            counts[i] = ascii ? value.Length : value.Length - CountContinuationBytes(value);
        }

        return new PrimitiveColumn<long>(ArrowType.Int64, length, values, strings.ValidityMemory, strings.ValidityBitOffset, strings.NullCount);
    }

    private static Utf8Column MapCase(Utf8Column strings, bool upper)
    {
        ArgumentNullException.ThrowIfNull(strings);
        var (offsets, first, last) = OffsetBuffers.ZeroBased(strings.OffsetMemory);
        var source = strings.Data[first..last];
        if (Ascii.IsValid(source))
        {
            var mapped = GC.AllocateUninitializedArray<byte>(source.Length);
            _ = upper ? Ascii.ToUpper(source, mapped, out _) : Ascii.ToLower(source, mapped, out _);
            return new Utf8Column(strings.Length, offsets, mapped, strings.ValidityMemory, strings.ValidityBitOffset, strings.NullCount);
        }

        return MapCaseByValue(strings, upper);
    }

    /// <summary>The general path: ASCII values are mapped in place, others through UTF-16 (a value's mapping can change its UTF-8 length).</summary>
    private static Utf8Column MapCaseByValue(Utf8Column strings, bool upper)
    {
        var length = strings.Length;
        var offsets = strings.Offsets;
        var data = strings.Data;
        var newOffsets = new byte[(length + 1) * sizeof(int)];
        var written = MemoryMarshal.Cast<byte, int>(newOffsets.AsSpan());
        var output = new ArrayBufferWriter<byte>(Math.Max(16, offsets[length] - offsets[0]));
        char[]? rented = null;
        try
        {
            for (var i = 0; i < length; i++)
            {
                written[i] = output.WrittenCount;
                var value = data[offsets[i]..offsets[i + 1]];
                if (Ascii.IsValid(value))
                {
                    var destination = output.GetSpan(value.Length);
                    _ = upper ? Ascii.ToUpper(value, destination, out _) : Ascii.ToLower(value, destination, out _);
                    output.Advance(value.Length);
                    continue;
                }

                var charCount = Encoding.UTF8.GetCharCount(value);
                if (rented is null || rented.Length < charCount * 2)
                {
                    if (rented is not null)
                    {
                        ArrayPool<char>.Shared.Return(rented);
                    }

                    rented = ArrayPool<char>.Shared.Rent(charCount * 2);
                }

                var chars = rented.AsSpan(0, charCount);
                var mapped = rented.AsSpan(charCount, charCount);
                Encoding.UTF8.GetChars(value, chars);
                ReadOnlySpan<char> original = chars;
                _ = upper ? original.ToUpperInvariant(mapped) : original.ToLowerInvariant(mapped);

                // A UTF-16 unit needs at most 3 UTF-8 bytes (a surrogate pair, two units, needs 4).
                var bytes = output.GetSpan(charCount * 3);
                output.Advance(Encoding.UTF8.GetBytes(mapped, bytes));
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }

        written[length] = output.WrittenCount;
        return new Utf8Column(length, newOffsets, output.WrittenMemory.ToArray(), strings.ValidityMemory, strings.ValidityBitOffset, strings.NullCount);
    }

    private static (int Start, int End) TrimRange(ReadOnlySpan<byte> data, int start, int end)
    {
        while (start < end)
        {
            var lead = data[start];
            if (lead < 0x80)
            {
                if (!IsAsciiWhiteSpace(lead))
                {
                    break;
                }

                start++;
                continue;
            }

            Rune.DecodeFromUtf8(data[start..end], out var rune, out var consumed);
            if (!Rune.IsWhiteSpace(rune))
            {
                break;
            }

            start += consumed;
        }

        while (end > start)
        {
            var tail = data[end - 1];
            if (tail < 0x80)
            {
                if (!IsAsciiWhiteSpace(tail))
                {
                    break;
                }

                end--;
                continue;
            }

            Rune.DecodeLastFromUtf8(data[start..end], out var rune, out var consumed);
            if (!Rune.IsWhiteSpace(rune))
            {
                break;
            }

            end -= consumed;
        }

        return (start, end);
    }

    /// <summary>The ASCII members of Unicode White_Space: tab, line feed, vertical tab, form feed, carriage return, space.</summary>
    private static bool IsAsciiWhiteSpace(byte value) => value == (byte)' ' || (value >= 0x09 && value <= 0x0D);

    /// <summary>UTF-8 continuation bytes (<c>10xxxxxx</c>): every byte that does not start a code point.</summary>
    private static int CountContinuationBytes(ReadOnlySpan<byte> value)
    {
        var count = 0;
        foreach (var b in value)
        {
            count += (b & 0xC0) == 0x80 ? 1 : 0;
        }

        return count;
    }
}

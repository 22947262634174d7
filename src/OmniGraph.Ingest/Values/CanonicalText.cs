using System.Buffers.Text;
using System.Globalization;

namespace OmniGraph.Ingest;

/// <summary>
/// The canonical text of typed values, as used in node ids derived from <c>@key</c> and in <c>@unique</c> tuples:
/// integers in decimal, booleans as <c>true</c>/<c>false</c>, Date as its epoch-day integer, DateTime as its
/// epoch-millisecond integer, floats as the shortest spelling that round-trips at the stored width, written
/// without an exponent and without a trailing <c>.0</c> (<c>-0</c> is <c>0</c>).
/// </summary>
internal static class CanonicalText
{
    /// <summary>Large enough for any float spelled without an exponent (5e-324 needs 327 bytes).</summary>
    public const int MaxFloatLength = 400;

    /// <summary>Large enough for any 64-bit integer.</summary>
    public const int MaxIntegerLength = 20;

    public static int WriteInt64(long value, Span<byte> destination)
    {
        Utf8Formatter.TryFormat(value, destination, out var written);
        return written;
    }

    public static int WriteUInt64(ulong value, Span<byte> destination)
    {
        Utf8Formatter.TryFormat(value, destination, out var written);
        return written;
    }

    /// <summary>An integer of at most 64 bits (either sign) held in an Int128: the same digits as <see cref="WriteInt64"/>/<see cref="WriteUInt64"/>.</summary>
    public static int WriteInteger(Int128 value, Span<byte> destination)
    {
        value.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture);
        return written;
    }

    public static int WriteBoolean(bool value, Span<byte> destination)
    {
        var text = value ? "true"u8 : "false"u8;
        text.CopyTo(destination);
        return text.Length;
    }

    /// <summary>Writes a finite double (<paramref name="isSingle"/>: its float32 value) in canonical form.</summary>
    public static int WriteFloat(double value, bool isSingle, Span<byte> destination)
    {
        if (value == 0)
        {
            destination[0] = (byte)'0';
            return 1;
        }

        Span<byte> shortest = stackalloc byte[40];
        int length;
        if (isSingle)
        {
            ((float)value).TryFormat(shortest, out length, "R", CultureInfo.InvariantCulture);
        }
        else
        {
            value.TryFormat(shortest, out length, "R", CultureInfo.InvariantCulture);
        }

        return ExpandExponent(shortest[..length], destination);
    }

    /// <summary>The canonical float text as a string (cold paths: messages).</summary>
    public static string FormatFloat(double value, bool isSingle)
    {
        Span<byte> buffer = stackalloc byte[MaxFloatLength];
        var length = WriteFloat(value, isSingle, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer[..length]);
    }

    /// <summary>
    /// Appends <paramref name="value"/> as a JSON string literal the way the reference implementation escapes it:
    /// <c>"</c> and <c>\</c> escaped, control characters as <c>\b \f \n \r \t</c> or <c>\u00XX</c>, everything else
    /// (non-ASCII included) written as is.
    /// </summary>
    public static void AppendJsonString(ReadOnlySpan<byte> value, ByteBuffer destination)
    {
        destination.Append((byte)'"');
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var b = value[i];
            if (b >= 0x20 && b != (byte)'"' && b != (byte)'\\')
            {
                continue;
            }

            destination.Append(value[start..i]);
            switch (b)
            {
                case (byte)'"':
                    destination.Append("\\\""u8);
                    break;
                case (byte)'\\':
                    destination.Append("\\\\"u8);
                    break;
                case (byte)'\b':
                    destination.Append("\\b"u8);
                    break;
                case (byte)'\f':
                    destination.Append("\\f"u8);
                    break;
                case (byte)'\n':
                    destination.Append("\\n"u8);
                    break;
                case (byte)'\r':
                    destination.Append("\\r"u8);
                    break;
                case (byte)'\t':
                    destination.Append("\\t"u8);
                    break;
                default:
                    destination.Append("\\u00"u8);
                    destination.Append((byte)"0123456789abcdef"[b >> 4]);
                    destination.Append((byte)"0123456789abcdef"[b & 0xF]);
                    break;
            }

            start = i + 1;
        }

        destination.Append(value[start..]);
        destination.Append((byte)'"');
    }

    /// <summary>Rewrites a shortest round-trip spelling such as <c>1.5E-07</c> as plain decimal (<c>0.00000015</c>).</summary>
    private static int ExpandExponent(ReadOnlySpan<byte> shortest, Span<byte> destination)
    {
        var e = shortest.IndexOfAny((byte)'E', (byte)'e');
        if (e < 0)
        {
            shortest.CopyTo(destination);
            return shortest.Length;
        }

        var mantissa = shortest[..e];
        var exponentText = shortest[(e + 1)..];
        var exponentNegative = exponentText[0] == (byte)'-';
        if (exponentText[0] is (byte)'-' or (byte)'+')
        {
            exponentText = exponentText[1..];
        }

        var exponent = 0;
        foreach (var b in exponentText)
        {
            exponent = (exponent * 10) + (b - '0');
        }

        if (exponentNegative)
        {
            exponent = -exponent;
        }

        var written = 0;
        if (mantissa[0] == (byte)'-')
        {
            destination[written++] = (byte)'-';
            mantissa = mantissa[1..];
        }

        Span<byte> digits = stackalloc byte[24];
        var digitCount = 0;
        var pointPosition = -1;
        foreach (var b in mantissa)
        {
            if (b == (byte)'.')
            {
                pointPosition = digitCount;
            }
            else
            {
                digits[digitCount++] = b;
            }
        }

        if (pointPosition < 0)
        {
            pointPosition = digitCount;
        }

        var point = pointPosition + exponent;
        if (point <= 0)
        {
            destination[written++] = (byte)'0';
            destination[written++] = (byte)'.';
            destination.Slice(written, -point).Fill((byte)'0');
            written += -point;
            digits[..digitCount].CopyTo(destination[written..]);
            written += digitCount;
        }
        else if (point >= digitCount)
        {
            digits[..digitCount].CopyTo(destination[written..]);
            written += digitCount;
            destination.Slice(written, point - digitCount).Fill((byte)'0');
            written += point - digitCount;
        }
        else
        {
            digits[..point].CopyTo(destination[written..]);
            written += point;
            destination[written++] = (byte)'.';
            digits[point..digitCount].CopyTo(destination[written..]);
            written += digitCount - point;
        }

        return written;
    }
}

namespace OmniGraph.Ingest;

/// <summary>
/// Reads a JSON number token as an exact integer. Strict JSON distinguishes integers from floats by spelling:
/// <c>1.0</c> and <c>1e2</c> are floats, so a property of an integer type rejects them as the wrong kind of value,
/// while <c>3000000000</c> for an I32 is the right kind but out of range.
/// </summary>
internal static class JsonIntegerLiteral
{
    /// <summary>
    /// Parses the raw token bytes (JSON grammar already checked by the reader). Returns <c>false</c> when the literal
    /// has a fraction or an exponent. Otherwise <paramref name="magnitude"/> is the absolute value, or
    /// <paramref name="overflow"/> is set when it does not fit 64 bits (out of range for every integer kind).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> raw, out bool negative, out ulong magnitude, out bool overflow)
    {
        negative = raw.Length > 0 && raw[0] == (byte)'-';
        var digits = negative ? raw[1..] : raw;
        magnitude = 0;
        overflow = false;
        if (digits.Length <= 19)
        {
            // Nineteen decimal digits always fit in 64 bits: no overflow checks on the common path.
            foreach (var b in digits)
            {
                var digit = (uint)(b - '0');
                if (digit > 9)
                {
                    return false;
                }

                magnitude = (magnitude * 10) + digit;
            }

            return true;
        }

        foreach (var b in digits)
        {
            var digit = (uint)(b - '0');
            if (digit > 9)
            {
                overflow = false;
                return false;
            }

            if (!overflow)
            {
                if (magnitude > (ulong.MaxValue - digit) / 10)
                {
                    overflow = true;
                }
                else
                {
                    magnitude = (magnitude * 10) + digit;
                }
            }
        }

        return true;
    }

    /// <summary>Converts a parsed magnitude to a signed value within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static bool TryToSigned(bool negative, ulong magnitude, long min, long max, out long value)
    {
        if (negative)
        {
            if (magnitude > (ulong)-(min + 1) + 1)
            {
                value = 0;
                return false;
            }

            value = magnitude == 0 ? 0 : (long)(0UL - magnitude);
            return true;
        }

        if (magnitude > (ulong)max)
        {
            value = 0;
            return false;
        }

        value = (long)magnitude;
        return true;
    }

    /// <summary>Converts a parsed magnitude to an unsigned value at most <paramref name="max"/> (<c>-0</c> is 0).</summary>
    public static bool TryToUnsigned(bool negative, ulong magnitude, ulong max, out ulong value)
    {
        if ((negative && magnitude != 0) || magnitude > max)
        {
            value = 0;
            return false;
        }

        value = magnitude;
        return true;
    }
}

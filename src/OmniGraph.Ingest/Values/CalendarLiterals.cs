namespace OmniGraph.Ingest;

/// <summary>
/// Parses the textual Date and DateTime forms straight from UTF-8: <c>YYYY-MM-DD</c> (days since 1970-01-01) and
/// RFC 3339 date-times (milliseconds since the Unix epoch). Calendar arithmetic is proleptic Gregorian.
/// </summary>
internal static class CalendarLiterals
{
    private const long MillisecondsPerDay = 86_400_000;

    /// <summary>Parses exactly <c>YYYY-MM-DD</c> (a real calendar date) into days since 1970-01-01.</summary>
    public static bool TryParseDate(ReadOnlySpan<byte> text, out int days)
    {
        days = 0;
        if (text.Length != 10 || !TryParseDatePart(text, out var year, out var month, out var day))
        {
            return false;
        }

        days = (int)DaysFromCivil(year, month, day);
        return true;
    }

    /// <summary>
    /// Parses an RFC 3339 date-time: <c>YYYY-MM-DD</c>, <c>T</c> (or <c>t</c> or a space), <c>HH:MM:SS</c>, an
    /// optional fraction of any length (truncated to milliseconds), then <c>Z</c>/<c>z</c> or an offset
    /// <c>±HH:MM</c>. Leap seconds (<c>:60</c>) are not representable and are rejected.
    /// </summary>
    public static bool TryParseDateTime(ReadOnlySpan<byte> text, out long milliseconds)
    {
        milliseconds = 0;
        if (text.Length < 20 || !TryParseDatePart(text, out var year, out var month, out var day))
        {
            return false;
        }

        if (text[10] is not ((byte)'T' or (byte)'t' or (byte)' ')
            || !TryTwoDigits(text, 11, out var hour) || text[13] != (byte)':'
            || !TryTwoDigits(text, 14, out var minute) || text[16] != (byte)':'
            || !TryTwoDigits(text, 17, out var second)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var position = 19;
        long fractionMs = 0;
        if (text[position] == (byte)'.')
        {
            position++;
            var start = position;
            var scale = 100;
            while (position < text.Length && IsDigit(text[position]))
            {
                if (scale > 0)
                {
                    fractionMs += (text[position] - '0') * scale;
                    scale /= 10;
                }

                position++;
            }

            if (position == start)
            {
                return false;
            }
        }

        if (position >= text.Length)
        {
            return false;
        }

        long offsetMinutes;
        var designator = text[position];
        if (designator is (byte)'Z' or (byte)'z')
        {
            offsetMinutes = 0;
            position++;
        }
        else if (designator is (byte)'+' or (byte)'-')
        {
            if (text.Length - position != 6
                || !TryTwoDigits(text, position + 1, out var offsetHour) || text[position + 3] != (byte)':'
                || !TryTwoDigits(text, position + 4, out var offsetMinute)
                || offsetHour > 23 || offsetMinute > 59)
            {
                return false;
            }

            offsetMinutes = (offsetHour * 60) + offsetMinute;
            if (designator == (byte)'-')
            {
                offsetMinutes = -offsetMinutes;
            }

            position += 6;
        }
        else
        {
            return false;
        }

        if (position != text.Length)
        {
            return false;
        }

        var days = DaysFromCivil(year, month, day);
        milliseconds = (days * MillisecondsPerDay)
            + (((hour * 3600L) + (minute * 60L) + second) * 1000L)
            + fractionMs
            - (offsetMinutes * 60_000L);
        return true;
    }

    /// <summary>Days from 1970-01-01 to the given proleptic Gregorian date (negative before the epoch).</summary>
    public static long DaysFromCivil(int year, int month, int day)
    {
        // Shift the year to start in March so the leap day is the last day of the shifted year.
        long y = month <= 2 ? year - 1 : year;
        var era = (y >= 0 ? y : y - 399) / 400;
        var yearOfEra = y - (era * 400);
        var dayOfYear = ((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146_097) + dayOfEra - 719_468;
    }

    private static bool TryParseDatePart(ReadOnlySpan<byte> text, out int year, out int month, out int day)
    {
        year = month = day = 0;
        if (!TryTwoDigits(text, 0, out var century) || !TryTwoDigits(text, 2, out var yearOfCentury)
            || text[4] != (byte)'-' || !TryTwoDigits(text, 5, out month)
            || text[7] != (byte)'-' || !TryTwoDigits(text, 8, out day))
        {
            return false;
        }

        year = (century * 100) + yearOfCentury;
        return month is >= 1 and <= 12 && day >= 1 && day <= DaysInMonth(year, month);
    }

    private static int DaysInMonth(int year, int month) => month switch
    {
        2 => (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    private static bool TryTwoDigits(ReadOnlySpan<byte> text, int index, out int value)
    {
        value = 0;
        if (index + 1 >= text.Length || !IsDigit(text[index]) || !IsDigit(text[index + 1]))
        {
            return false;
        }

        value = ((text[index] - '0') * 10) + (text[index + 1] - '0');
        return true;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}

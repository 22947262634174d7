using System.Globalization;

namespace OmniGraph.Query.Values;

/// <summary>
/// Parsing and formatting of <c>Date</c> (days since 1970-01-01) and <c>DateTime</c> (milliseconds since the
/// epoch, UTC) text, culture-free and for the whole proleptic Gregorian calendar of years 0000–9999.
/// </summary>
/// <remarks>
/// Accepted forms: dates <c>YYYY-MM-DD</c>; timestamps <c>YYYY-MM-DD</c> followed optionally by <c>T</c> (or a
/// space) <c>HH:MM[:SS[.fraction]]</c> and an optional zone <c>Z</c>, <c>±HH:MM</c> or <c>±HHMM</c>. A timestamp
/// without a zone is UTC; fractions below a millisecond are truncated.
/// </remarks>
public static class TemporalText
{
    private const long MillisecondsPerDay = 86_400_000;

    /// <summary>Parses <c>YYYY-MM-DD</c>.</summary>
    public static bool TryParseDate(ReadOnlySpan<char> text, out int daysSinceEpoch)
    {
        daysSinceEpoch = 0;
        if (text.Length != 10 || !TryParseDatePart(text, out var days))
        {
            return false;
        }

        daysSinceEpoch = days;
        return true;
    }

    /// <summary>Parses an RFC 3339 / ISO 8601 timestamp (see the type remarks).</summary>
    public static bool TryParseDateTime(ReadOnlySpan<char> text, out long millisecondsSinceEpoch)
    {
        millisecondsSinceEpoch = 0;
        if (text.Length < 10 || !TryParseDatePart(text[..10], out var days))
        {
            return false;
        }

        long millisOfDay = 0;
        var rest = text[10..];
        if (!rest.IsEmpty)
        {
            if (rest[0] is not ('T' or 't' or ' ') || rest.Length < 6
                || !TryDigits(rest.Slice(1, 2), out var hour) || rest[3] != ':' || !TryDigits(rest.Slice(4, 2), out var minute)
                || hour > 23 || minute > 59)
            {
                return false;
            }

            millisOfDay = (hour * 3600L + minute * 60L) * 1000;
            rest = rest[6..];
            if (rest.Length >= 3 && rest[0] == ':')
            {
                if (!TryDigits(rest.Slice(1, 2), out var second) || second > 59)
                {
                    return false;
                }

                millisOfDay += second * 1000L;
                rest = rest[3..];
                if (rest.Length >= 2 && rest[0] == '.')
                {
                    var digits = 1;
                    while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
                    {
                        digits++;
                    }

                    if (digits == 1)
                    {
                        return false;
                    }

                    var fraction = rest[1..digits];
                    long millis = 0;
                    for (var i = 0; i < 3; i++)
                    {
                        millis = millis * 10 + (i < fraction.Length ? fraction[i] - '0' : 0);
                    }

                    millisOfDay += millis;
                    rest = rest[digits..];
                }
            }

            if (!TryParseZone(rest, out var offsetMinutes))
            {
                return false;
            }

            millisOfDay -= offsetMinutes * 60_000L;
        }

        millisecondsSinceEpoch = days * MillisecondsPerDay + millisOfDay;
        return true;
    }

    /// <summary>Formats days since the epoch as <c>YYYY-MM-DD</c>.</summary>
    public static string FormatDate(int daysSinceEpoch)
    {
        var (year, month, day) = CivilFromDays(daysSinceEpoch);
        return string.Create(CultureInfo.InvariantCulture, $"{FormatYear(year)}-{month:D2}-{day:D2}");
    }

    /// <summary>Formats milliseconds since the epoch as <c>YYYY-MM-DDTHH:MM:SS.sssZ</c>.</summary>
    public static string FormatDateTime(long millisecondsSinceEpoch)
    {
        var days = Math.DivRem(millisecondsSinceEpoch, MillisecondsPerDay, out var millisOfDay);
        if (millisOfDay < 0)
        {
            days--;
            millisOfDay += MillisecondsPerDay;
        }

        var (year, month, day) = CivilFromDays(days);
        var hour = millisOfDay / 3_600_000;
        var minute = millisOfDay / 60_000 % 60;
        var second = millisOfDay / 1000 % 60;
        var millis = millisOfDay % 1000;
        return string.Create(CultureInfo.InvariantCulture, $"{FormatYear(year)}-{month:D2}-{day:D2}T{hour:D2}:{minute:D2}:{second:D2}.{millis:D3}Z");
    }

    /// <summary>Days since 1970-01-01 of a proleptic Gregorian date (no range check).</summary>
    public static long DaysFromCivil(long year, int month, int day)
    {
        // Howard Hinnant's days_from_civil: exact for every year, no lookup tables.
        year -= month <= 2 ? 1 : 0;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yearOfEra = year - era * 400;
        var dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        var dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097 + dayOfEra - 719468;
    }

    private static (long Year, int Month, int Day) CivilFromDays(long days)
    {
        days += 719468;
        var era = (days >= 0 ? days : days - 146096) / 146097;
        var dayOfEra = days - era * 146097;
        var yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
        var dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        var monthIndex = (5 * dayOfYear + 2) / 153;
        var day = (int)(dayOfYear - (153 * monthIndex + 2) / 5 + 1);
        var month = (int)(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day);
    }

    private static string FormatYear(long year) =>
        year is >= 0 and <= 9999 ? year.ToString("D4", CultureInfo.InvariantCulture) : year.ToString(CultureInfo.InvariantCulture);

    private static bool TryParseDatePart(ReadOnlySpan<char> text, out int days)
    {
        days = 0;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || month is < 1 or > 12 || day < 1 || day > DaysInMonth(year, month))
        {
            return false;
        }

        days = (int)DaysFromCivil(year, month, day);
        return true;
    }

    private static bool TryParseZone(ReadOnlySpan<char> text, out int offsetMinutes)
    {
        offsetMinutes = 0;
        if (text.IsEmpty || text is "Z" or "z")
        {
            return true;
        }

        if (text[0] is not ('+' or '-'))
        {
            return false;
        }

        int hours, minutes;
        if (text.Length == 6 && text[3] == ':')
        {
            if (!TryDigits(text.Slice(1, 2), out hours) || !TryDigits(text.Slice(4, 2), out minutes))
            {
                return false;
            }
        }
        else if (text.Length == 5)
        {
            if (!TryDigits(text.Slice(1, 2), out hours) || !TryDigits(text.Slice(3, 2), out minutes))
            {
                return false;
            }
        }
        else
        {
            return false;
        }

        if (hours > 23 || minutes > 59)
        {
            return false;
        }

        offsetMinutes = (hours * 60 + minutes) * (text[0] == '-' ? -1 : 1);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = value * 10 + (c - '0');
        }

        return !text.IsEmpty;
    }

    private static int DaysInMonth(int year, int month) => month switch
    {
        2 => (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };
}

using System.Globalization;
using System.Text;

namespace OmniGraph.Ingest.Tests.Values;

/// <summary>The Date and DateTime parsers, cross-checked against the runtime's calendar over many seeded values.</summary>
public sealed class CalendarLiteralsTests
{
    [Fact]
    public void Dates_MatchTheRuntimeCalendar()
    {
        var random = new Random(1234);
        for (var i = 0; i < 5000; i++)
        {
            var date = DateOnly.MinValue.AddDays(random.Next(DateOnly.MaxValue.DayNumber));
            var text = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

            Assert.True(CalendarLiterals.TryParseDate(Encoding.ASCII.GetBytes(text), out var days), text);
            Assert.Equal(date.DayNumber - new DateOnly(1970, 1, 1).DayNumber, days);
        }
    }

    [Fact]
    public void DateTimes_MatchTheRuntimeCalendar()
    {
        var random = new Random(5678);
        for (var i = 0; i < 5000; i++)
        {
            var utc = DateTimeOffset.FromUnixTimeMilliseconds(random.NextInt64(-62_135_596_800_000 + 86_400_000, 253_402_300_799_000 - 86_400_000));
            var offset = TimeSpan.FromMinutes(random.Next(-14 * 60, (14 * 60) + 1));
            var local = utc.ToOffset(offset);
            var text = local.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture)
                + (offset == TimeSpan.Zero && random.Next(2) == 0 ? "Z" : local.ToString("zzz", CultureInfo.InvariantCulture));

            Assert.True(CalendarLiterals.TryParseDateTime(Encoding.ASCII.GetBytes(text), out var milliseconds), text);
            Assert.Equal(utc.ToUnixTimeMilliseconds(), milliseconds);
        }
    }

    [Theory]
    [InlineData("0000-03-01", -719468)]
    [InlineData("9999-12-31", 2932896)]
    [InlineData("1600-02-29", -135081)]
    public void Dates_CoverFourDigitYears(string text, int expected)
    {
        Assert.True(CalendarLiterals.TryParseDate(Encoding.ASCII.GetBytes(text), out var days));
        Assert.Equal(expected, days);
    }

    [Theory]
    [InlineData("1900-02-29")]
    [InlineData("2024-04-31")]
    [InlineData("2024-00-10")]
    [InlineData("2024-01-00")]
    [InlineData("+2024-01-01")]
    [InlineData("2024/01/01")]
    [InlineData("")]
    public void Dates_RejectInvalidText(string text) =>
        Assert.False(CalendarLiterals.TryParseDate(Encoding.ASCII.GetBytes(text), out _));
}

using OmniGraph.Query.Values;

namespace OmniGraph.Query.Tests.Values;

/// <summary>Date and timestamp text, culture-free, over the whole calendar.</summary>
public sealed class TemporalTextTests
{
    [Theory]
    [InlineData("1970-01-01", 0)]
    [InlineData("1969-12-31", -1)]
    [InlineData("2024-02-29", 19782)]
    [InlineData("2000-03-01", 11017)]
    [InlineData("0001-01-01", -719162)]
    [InlineData("9999-12-31", 2932896)]
    public void Dates_RoundTrip(string text, int days)
    {
        Assert.True(TemporalText.TryParseDate(text, out var parsed));
        Assert.Equal(days, parsed);
        Assert.Equal(text, TemporalText.FormatDate(days));
        Assert.Equal(DateOnly.ParseExact(text, "yyyy-MM-dd").DayNumber - DateOnly.FromDayNumber(0).AddYears(1969).DayNumber, days);
    }

    [Theory]
    [InlineData("2023-02-29")]
    [InlineData("1900-02-29")]
    [InlineData("2024-13-01")]
    [InlineData("2024-00-10")]
    [InlineData("2024-1-01")]
    [InlineData("24-01-01")]
    [InlineData("2024/01/01")]
    [InlineData("2024-01-01T00:00:00Z")]
    [InlineData("")]
    public void Dates_RejectMalformedText(string text) => Assert.False(TemporalText.TryParseDate(text, out _));

    [Theory]
    [InlineData("2024-06-01T12:00:00Z", 1_717_243_200_000)]
    [InlineData("2024-06-01T12:00:00.123Z", 1_717_243_200_123)]
    [InlineData("2024-06-01T12:00:00.1239Z", 1_717_243_200_123)]
    [InlineData("2024-06-01T12:00:00.5Z", 1_717_243_200_500)]
    [InlineData("2024-06-01T14:00:00+02:00", 1_717_243_200_000)]
    [InlineData("2024-06-01T10:00:00-0200", 1_717_243_200_000)]
    [InlineData("2024-06-01 12:00:00", 1_717_243_200_000)]
    [InlineData("2024-06-01t12:00z", 1_717_243_200_000)]
    [InlineData("2024-06-01", 1_717_200_000_000)]
    [InlineData("1969-12-31T23:59:59.999Z", -1)]
    public void Timestamps_Parse(string text, long millis)
    {
        Assert.True(TemporalText.TryParseDateTime(text, out var parsed));
        Assert.Equal(millis, parsed);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(millis).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"), TemporalText.FormatDateTime(millis));
    }

    [Theory]
    [InlineData("2024-06-01T24:00:00Z")]
    [InlineData("2024-06-01T12:60:00Z")]
    [InlineData("2024-06-01T12:00:60Z")]
    [InlineData("2024-06-01T12:00:00.Z")]
    [InlineData("2024-06-01T12:00:00+25:00")]
    [InlineData("2024-06-01T12:00:00 UTC")]
    [InlineData("2024-06-01X12:00:00Z")]
    [InlineData("2024-06-01T12")]
    public void Timestamps_RejectMalformedText(string text) => Assert.False(TemporalText.TryParseDateTime(text, out _));
}

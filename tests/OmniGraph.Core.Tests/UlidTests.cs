namespace OmniGraph.Core.Tests;

public sealed class UlidTests
{
    [Fact]
    public void NewUlid_TextIs26CrockfordCharacters()
    {
        var text = Ulid.NewUlid().ToString();

        Assert.Equal(Ulid.Length, text.Length);
        Assert.All(text, c => Assert.Contains(c, "0123456789ABCDEFGHJKMNPQRSTVWXYZ"));
    }

    /// <summary>Ids minted in the same millisecond must still sort in minting order (commit ids rely on it).</summary>
    [Fact]
    public void NewUlid_IsMonotonicWithinOneMillisecond()
    {
        var previous = Ulid.NewUlid(1_700_000_000_000);
        for (var i = 0; i < 10_000; i++)
        {
            var next = Ulid.NewUlid(1_700_000_000_000);
            Assert.True(next > previous);
            Assert.True(string.CompareOrdinal(next.ToString(), previous.ToString()) > 0);
            previous = next;
        }
    }

    [Fact]
    public void NewUlid_EncodesTimestamp()
    {
        var ulid = Ulid.NewUlid(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 60_000);

        Assert.InRange(ulid.TimestampMilliseconds, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), long.MaxValue);
    }

    [Fact]
    public void Parse_RoundTripsAndIgnoresCase()
    {
        var ulid = Ulid.NewUlid();

        Assert.Equal(ulid, Ulid.Parse(ulid.ToString()));
        Assert.Equal(ulid, Ulid.Parse(ulid.ToString().ToLowerInvariant()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("01ARZ3NDEKTSV4RRFFQ69G5FA")]
    [InlineData("01ARZ3NDEKTSV4RRFFQ69G5FAVX")]
    [InlineData("01ARZ3NDEKTSV4RRFFQ69G5FAU")]
    [InlineData("81ARZ3NDEKTSV4RRFFQ69G5FAV")]
    public void TryParse_RejectsMalformedText(string text)
    {
        Assert.False(Ulid.TryParse(text, out _));
        Assert.Throws<FormatException>(() => Ulid.Parse(text));
    }

    [Fact]
    public void TryFormatUtf8_WritesTheTextFormAsBytes()
    {
        var ulid = Ulid.NewUlid();
        Span<byte> buffer = stackalloc byte[Ulid.Length];

        Assert.True(ulid.TryFormatUtf8(buffer, out var written));
        Assert.Equal(Ulid.Length, written);
        Assert.Equal(ulid.ToString(), System.Text.Encoding.ASCII.GetString(buffer));
        Assert.False(ulid.TryFormatUtf8(stackalloc byte[Ulid.Length - 1], out written));
        Assert.Equal(0, written);
    }
}

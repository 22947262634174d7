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

    /// <summary>The byte form is the text form for every digit position, the highest values included.</summary>
    [Fact]
    public void TryFormatUtf8_MatchesTheTextFormAcrossTheWholeRange()
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        var random = new Random(18);
        string[] texts =
        [
            "00000000000000000000000000",
            "7ZZZZZZZZZZZZZZZZZZZZZZZZZ",
            "0000000000000G000000000000",
            "0000000000000F000000000000",
            .. Enumerable.Range(0, 2000).Select(_ => string.Create(Ulid.Length, random, static (span, r) =>
            {
                span[0] = alphabet[r.Next(8)];
                for (var i = 1; i < span.Length; i++)
                {
                    span[i] = alphabet[r.Next(32)];
                }
            })),
        ];
        Span<byte> buffer = stackalloc byte[Ulid.Length + 4];
        foreach (var text in texts)
        {
            var ulid = Ulid.Parse(text);
            Assert.True(ulid.TryFormatUtf8(buffer, out var written));
            Assert.Equal(text, System.Text.Encoding.ASCII.GetString(buffer[..written]));
            Assert.Equal(text, ulid.ToString());
        }
    }

    /// <summary>A range is consecutive ids, and every id minted afterwards sorts after the whole range.</summary>
    [Fact]
    public void NewUlidRange_ReservesConsecutiveIdsAheadOfLaterOnes()
    {
        var first = Ulid.NewUlidRange(1_800_000_000_000, 1000);
        var last = first.Plus(999);
        for (uint i = 1; i < 1000; i++)
        {
            Assert.True(first.Plus(i) > first.Plus(i - 1));
            Assert.True(string.CompareOrdinal(first.Plus(i).ToString(), first.Plus(i - 1).ToString()) > 0);
        }

        Assert.Equal(1_800_000_000_000, last.TimestampMilliseconds);

        // Other tests may mint meanwhile: later ids sort after the range, not necessarily right after it.
        var sameMillisecond = Ulid.NewUlid(1_800_000_000_000);
        Assert.True(sameMillisecond > last);
        var nextRange = Ulid.NewUlidRange(1_800_000_000_000, 5);
        Assert.True(nextRange > sameMillisecond);
        Assert.True(Ulid.NewUlid() > nextRange.Plus(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => Ulid.NewUlidRange(0));
    }
}

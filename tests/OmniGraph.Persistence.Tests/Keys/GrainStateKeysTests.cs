using System.Text;
using OmniGraph.Storage;
using OmniGraph.Testing.Errors;

namespace OmniGraph.Persistence.Tests.Keys;

/// <summary>The grain-state object key mapping: readable for plain names, valid and injective for any input.</summary>
public sealed class GrainStateKeysTests
{
    [Theory]
    [InlineData("profile", "user", "alice", "profile-user/alice.json")]
    [InlineData("state", "manifest", "g1", "state-manifest/g1.json")]
    [InlineData("heads", "tablebranch", "g1/node:Person@main", "heads-tablebranch/g1/node:Person@main.json")]
    [InlineData("my-state", "user", "bob", "my-state-user/bob.json")]
    [InlineData("state", "user", "trailing/", "state-user/trailing/.json")]
    [InlineData("state", "user", "", "state-user/.json")]
    [InlineData("state", "user", "ключ", "state-user/ключ.json")]
    public void PlainNames_StayReadable(string stateName, string grainType, string grainKey, string expected)
        => Assert.Equal(expected, GrainStateKeys.For(stateName, grainType, grainKey));

    [Theory]
    [InlineData("state", "user", "/leading", "state-user/%2Fleading.json")]
    [InlineData("state", "user", "a//b", "state-user/a/%2Fb.json")]
    [InlineData("state", "user", "a/../b", "state-user/a/%2E./b.json")]
    [InlineData("state", "user", "./x", "state-user/%2E/x.json")]
    [InlineData("state", "user", "a\\b", "state-user/a%5Cb.json")]
    [InlineData("state", "user", "100%", "state-user/100%25.json")]
    [InlineData("state", "user", "tab\there", "state-user/tab%09here.json")]
    [InlineData("state", "user", "x.og-y", "state-user/x%2Eog-y.json")]
    [InlineData("st/ate", "user", "k", "st%2Fate-user/k.json")]
    [InlineData("state", "my-type", "k", "state-my%2Dtype/k.json")]
    [InlineData("state.og", "user", "k", "state%2Eog-user/k.json")]
    public void OffendingCharacters_AreEscaped(string stateName, string grainType, string grainKey, string expected)
        => Assert.Equal(expected, GrainStateKeys.For(stateName, grainType, grainKey));

    [Fact]
    public void GrainId_UsesItsTypeAndKey_UnderThePrefix()
        => Assert.Equal("grainstate/profile-user/alice.json", GrainStateKeys.For("profile", GrainId.Create("user", "alice"), "grainstate/"));

    [Fact]
    public void LongSegments_AreSplitBySoftBreaks_AndStayValid()
    {
        var longKey = new string('k', 700);
        var key = GrainStateKeys.For("state", "user", longKey);

        Assert.True(ObjectKey.IsValid(key));
        Assert.All(key.Split('/'), segment => Assert.InRange(Encoding.UTF8.GetByteCount(segment), 1, ObjectKey.MaxSegmentBytes));
        Assert.True(GrainStateKeys.TryParse(key, string.Empty, out _, out _, out var parsed));
        Assert.Equal(longKey, parsed);
    }

    [Fact]
    public void TooLongKey_IsATypedError()
    {
        var error = ErrorAssert.Throws(ErrorCodes.GrainStateKeyTooLong, () => GrainStateKeys.For("state", "user", new string('k', 1100)));

        Assert.Equal("grain_state_key_too_long", error.Code);
        Assert.Equal("state", error.Get(ErrorDetail.StateName));
    }

    /// <summary>
    /// Injectivity, proved by a left inverse: for thousands of random (state, type, key) triples drawn from an alphabet
    /// full of characters the store rejects, the key is valid and parses back to exactly the same triple.
    /// </summary>
    [Fact]
    public void RandomInputs_GiveValidKeys_ThatParseBackExactly()
    {
        const string Alphabet = "ab/-.%\\og:@ ~\t\u0000\u007f\u0085é€😀";
        var random = new Random(20250101);
        var seen = new Dictionary<string, (string, string, string)>(StringComparer.Ordinal);
        for (var i = 0; i < 5000; i++)
        {
            var stateName = Draw(random, Alphabet, 1, 12);
            var grainType = Draw(random, Alphabet, 1, 8);
            var grainKey = Draw(random, Alphabet, 0, 40);
            if (random.Next(10) == 0)
            {
                grainKey += new string('x', random.Next(200, 400));
            }

            var key = GrainStateKeys.For(stateName, grainType, grainKey, "pre/");

            Assert.True(ObjectKey.IsValid(key), $"invalid key {key}: {ObjectKey.FindKeyViolation(key)}");
            Assert.True(GrainStateKeys.TryParse(key, "pre/", out var s, out var t, out var k), $"cannot parse {key}");
            Assert.Equal((stateName, grainType, grainKey), (s, t, k));
            if (seen.TryGetValue(key, out var other))
            {
                Assert.Equal(other, (stateName, grainType, grainKey));
            }

            seen[key] = (stateName, grainType, grainKey);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("state-user/k")]
    [InlineData("nodash/k.json")]
    [InlineData("state-user/bad%zz.json")]
    [InlineData("other/state-user/k.json")]
    public void NonKeys_DoNotParse(string key)
        => Assert.False(GrainStateKeys.TryParse(key, string.Empty, out _, out _, out _));

    private static string Draw(Random random, string alphabet, int min, int max)
    {
        var length = random.Next(min, max + 1);
        var builder = new StringBuilder(length);
        while (builder.Length < length)
        {
            var index = random.Next(alphabet.Length);
            if (char.IsHighSurrogate(alphabet[index]))
            {
                builder.Append(alphabet, index, 2);
            }
            else if (char.IsLowSurrogate(alphabet[index]))
            {
                // An unpaired surrogate: must be escaped, never passed through.
                builder.Append(alphabet[index]);
            }
            else
            {
                builder.Append(alphabet[index]);
            }
        }

        return builder.ToString();
    }
}

using System.Security.Cryptography;
using System.Text;

namespace OmniGraph.Security.Tests.Authentication;

/// <summary>Header checking and the constant-time comparison against every entry.</summary>
public sealed class BearerTokenRegistryTests
{
    private static BearerTokenEntry Entry(string actor, string token) => new(SHA256.HashData(Encoding.UTF8.GetBytes(token)), actor, "test");

    [Theory]
    [InlineData(null, BearerAuthenticationOutcome.Missing)]
    [InlineData("", BearerAuthenticationOutcome.Missing)]
    [InlineData("token-a", BearerAuthenticationOutcome.Missing)]
    [InlineData("bearer token-a", BearerAuthenticationOutcome.Missing)]
    [InlineData("Basic dXNlcjpwYXNz", BearerAuthenticationOutcome.Missing)]
    [InlineData("Bearer", BearerAuthenticationOutcome.Missing)]
    [InlineData("Bearer ", BearerAuthenticationOutcome.Invalid)]
    [InlineData("Bearer wrong", BearerAuthenticationOutcome.Invalid)]
    [InlineData("Bearer  token-a", BearerAuthenticationOutcome.Invalid)]
    [InlineData("Bearer token-a ", BearerAuthenticationOutcome.Invalid)]
    [InlineData("Bearer token-a", BearerAuthenticationOutcome.Authenticated)]
    public void Header_IsExactlyBearerAndTheToken(string? header, BearerAuthenticationOutcome outcome)
    {
        var registry = new BearerTokenRegistry([Entry("act-a", "token-a"), Entry("act-b", "token-b")], [], []);

        var result = registry.Authenticate(header);

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(outcome == BearerAuthenticationOutcome.Authenticated ? "act-a" : null, result.Actor);
        Assert.Equal(
            outcome switch
            {
                BearerAuthenticationOutcome.Missing => "missing bearer token",
                BearerAuthenticationOutcome.Invalid => "invalid bearer token",
                _ => null,
            },
            result.FailureMessage);
    }

    /// <summary>The match may be the first, a middle or the last entry, or none: every entry is compared each time.</summary>
    [Theory]
    [InlineData("token-0", "act-0")]
    [InlineData("token-3", "act-3")]
    [InlineData("token-7", "act-7")]
    [InlineData("nope", null)]
    public void EveryEntry_IsCompared_WhereverTheMatchIs(string token, string? actor)
    {
        var compared = new List<byte[]>();
        var entries = Enumerable.Range(0, 8).Select(static i => Entry($"act-{i}", $"token-{i}")).ToList();
        var registry = new BearerTokenRegistry(entries, [], [], (left, right) =>
        {
            compared.Add(left.ToArray());
            return CryptographicOperations.FixedTimeEquals(left, right);
        });

        var result = registry.Authenticate("Bearer " + token);

        Assert.Equal(actor, result.Actor);
        Assert.Equal(entries.Select(static e => Convert.ToHexString(e.Hash)), compared.Select(Convert.ToHexString));
    }

    [Fact]
    public void LongToken_IsHashedOffTheStack()
    {
        var token = new string('x', 5000) + "é";
        var registry = new BearerTokenRegistry([Entry("act-long", token)], [], []);

        Assert.Equal("act-long", registry.Authenticate("Bearer " + token).Actor);
        Assert.False(registry.Authenticate("Bearer " + token[..^1]).IsAuthenticated);
    }

    [Fact]
    public void Empty_AuthenticatesNothing()
    {
        Assert.Equal(BearerAuthenticationOutcome.Invalid, BearerTokenRegistry.Empty.Authenticate("Bearer x").Outcome);
        Assert.Equal(0, BearerTokenRegistry.Empty.Count);
    }
}

namespace OmniGraph.Security.Tests.Authentication;

/// <summary>The runtime-state table of operations.md §3.2, row by row.</summary>
public sealed class ServerRuntimeStateTests
{
    [Theory]
    [InlineData(false, false, false, null, ErrorCodes.AuthNoCredentials)]
    [InlineData(false, false, true, ServerAuthMode.Open, null)]
    [InlineData(true, false, false, ServerAuthMode.DefaultDeny, null)]
    [InlineData(true, false, true, ServerAuthMode.DefaultDeny, null)]
    [InlineData(false, true, false, null, ErrorCodes.AuthPolicyWithoutTokens)]
    [InlineData(false, true, true, null, ErrorCodes.AuthPolicyWithoutTokens)]
    [InlineData(true, true, false, ServerAuthMode.PolicyEnabled, null)]
    [InlineData(true, true, true, ServerAuthMode.PolicyEnabled, null)]
    public void Table(bool tokens, bool policy, bool unauthenticated, ServerAuthMode? mode, string? code)
    {
        if (code is null)
        {
            Assert.Equal(mode, ServerRuntimeState.Decide(tokens, policy, unauthenticated));
        }
        else
        {
            var error = Assert.Throws<OmniGraphException>(() => ServerRuntimeState.Decide(tokens, policy, unauthenticated));
            Assert.Equal(code, error.Code);
        }
    }

    [Fact]
    public void RefusalWithoutCredentials_SaysWhatToSet()
    {
        var error = Assert.Throws<OmniGraphException>(() => ServerRuntimeState.Decide(false, false, false));

        Assert.StartsWith("server has no bearer tokens and no policy file configured", error.Message, StringComparison.Ordinal);
        Assert.Contains("--unauthenticated", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("0", false)]
    [InlineData("false", false)]
    [InlineData("FALSE", false)]
    [InlineData(" ", false)]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("yes", true)]
    public void EnvironmentFlag_IsTrueWhenNonEmptyAndNotZeroOrFalse(string? value, bool expected) =>
        Assert.Equal(expected, ServerRuntimeState.IsTruthy(value));
}

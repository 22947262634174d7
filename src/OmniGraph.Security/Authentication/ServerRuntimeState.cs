namespace OmniGraph.Security;

/// <summary>The runtime-state table of operations.md §3.2 as a pure function: what the server runs as, or why it must not start.</summary>
public static class ServerRuntimeState
{
    /// <summary>
    /// Decides the mode from whether tokens are configured, whether any policy (server or graph) is bound, and whether
    /// unauthenticated mode was asked for (<c>--unauthenticated</c> or <c>OMNIGRAPH_UNAUTHENTICATED</c>).
    /// </summary>
    /// <exception cref="OmniGraphException">
    /// <c>auth_no_credentials</c> (no tokens, no policy, not unauthenticated) or <c>auth_policy_without_tokens</c>.
    /// </exception>
    public static ServerAuthMode Decide(bool hasTokens, bool anyPolicyBound, bool unauthenticated) => (hasTokens, anyPolicyBound) switch
    {
        (true, true) => ServerAuthMode.PolicyEnabled,
        (true, false) => ServerAuthMode.DefaultDeny,
        (false, true) => throw SecurityErrors.AuthConfiguration(
            ErrorCodes.AuthPolicyWithoutTokens,
            "a policy is configured but the server has no bearer tokens, so every request would be refused (401): set OMNIGRAPH_SERVER_BEARER_TOKEN, OMNIGRAPH_SERVER_BEARER_TOKENS_FILE or OMNIGRAPH_SERVER_BEARER_TOKENS_JSON"),
        (false, false) when unauthenticated => ServerAuthMode.Open,
        _ => throw SecurityErrors.AuthConfiguration(
            ErrorCodes.AuthNoCredentials,
            "server has no bearer tokens and no policy file configured: set OMNIGRAPH_SERVER_BEARER_TOKEN (or _TOKENS_FILE / _TOKENS_JSON), or pass --unauthenticated (OMNIGRAPH_UNAUTHENTICATED=1) to serve without authentication"),
    };

    /// <summary>
    /// Whether an environment flag (<c>OMNIGRAPH_UNAUTHENTICATED</c>, <c>OMNIGRAPH_REQUIRE_ALL_GRAPHS</c>) is set: a value
    /// counts as true when it is non-empty and not <c>0</c> or <c>false</c> (case-insensitive).
    /// </summary>
    public static bool IsTruthy(string? value)
    {
        var text = value?.Trim();
        return !string.IsNullOrEmpty(text) && text != "0" && !string.Equals(text, "false", StringComparison.OrdinalIgnoreCase);
    }
}

namespace OmniGraph.Security;

/// <summary>The outcome of checking an <c>Authorization</c> header.</summary>
public enum BearerAuthenticationOutcome
{
    /// <summary>No header, or it does not start with <c>Bearer </c> (case-sensitive): 401 <c>missing bearer token</c>.</summary>
    Missing,

    /// <summary>A bearer token that matches no configured token: 401 <c>invalid bearer token</c>.</summary>
    Invalid,

    /// <summary>The token matched; <see cref="BearerAuthentication.Actor"/> is its actor.</summary>
    Authenticated,
}

/// <summary>The outcome of <see cref="BearerTokenRegistry.Authenticate(string?)"/>.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Actor">The matched token's actor, only when authenticated: the only source of a request's actor.</param>
public sealed record BearerAuthentication(BearerAuthenticationOutcome Outcome, string? Actor)
{
    /// <summary>The 401 message for a missing header.</summary>
    public const string MissingMessage = "missing bearer token";

    /// <summary>The 401 message for a token that matches nothing.</summary>
    public const string InvalidMessage = "invalid bearer token";

    /// <summary>Whether the request is authenticated.</summary>
    public bool IsAuthenticated => Outcome == BearerAuthenticationOutcome.Authenticated;

    /// <summary>The 401 message, or <c>null</c> when authenticated.</summary>
    public string? FailureMessage => Outcome switch
    {
        BearerAuthenticationOutcome.Missing => MissingMessage,
        BearerAuthenticationOutcome.Invalid => InvalidMessage,
        _ => null,
    };
}

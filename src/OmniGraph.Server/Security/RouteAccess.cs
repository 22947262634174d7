namespace OmniGraph.Server.Security;

/// <summary>
/// Endpoint metadata: what a route needs. Every endpoint the server maps carries one (the server refuses to start
/// otherwise, <see cref="RouteAccessGuard"/>): either <see cref="Public"/> (health, readiness, the OpenAPI document and
/// the reference page: no token) or the policy action its requests are decided on (operations.md §2.4). The action is
/// read from here by <see cref="RequestAuthorization"/>, so the route → action mapping lives in one place, the
/// <c>Map…</c> line.
/// </summary>
/// <param name="Action">The policy action; <c>null</c> for a public route.</param>
public sealed record RouteAccess(PolicyAction? Action)
{
    /// <summary>A route anyone may call, without a token.</summary>
    public static RouteAccess Public { get; } = new((PolicyAction?)null);

    /// <summary>
    /// A service endpoint that authenticates and decides each call itself, because its clients read failures in its
    /// own protocol rather than as the HTTP error envelope (the Arrow Flight service: gRPC statuses). The same tokens
    /// and policy apply; the HTTP middleware only leaves the answer to the service.
    /// </summary>
    public static RouteAccess InService { get; } = new((PolicyAction?)null) { AuthenticatesInService = true };

    /// <summary>Whether the endpoint authenticates in its own protocol (<see cref="InService"/>).</summary>
    public bool AuthenticatesInService { get; init; }

    /// <summary>Whether the HTTP middleware checks a bearer token (every route but the public and in-service ones).</summary>
    public bool RequiresToken => Action is not null;
}

/// <summary>Declares <see cref="RouteAccess"/> on a route.</summary>
public static class RouteAccessExtensions
{
    /// <summary>The route's requests are authenticated and decided on <paramref name="action"/>.</summary>
    public static TBuilder RequiresAccess<TBuilder>(this TBuilder builder, PolicyAction action)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new RouteAccess(action));

    /// <summary>The endpoint authenticates and decides each call itself (<see cref="RouteAccess.InService"/>).</summary>
    public static TBuilder AuthenticatesInService<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(RouteAccess.InService);

    /// <summary>The route needs no token and no decision.</summary>
    public static TBuilder AllowsAnyone<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(RouteAccess.Public);
}

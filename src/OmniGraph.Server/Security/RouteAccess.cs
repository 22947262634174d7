using Microsoft.AspNetCore.Builder;
using OmniGraph.Security;

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

    /// <summary>Whether a bearer token is needed (every route but the public ones).</summary>
    public bool RequiresToken => Action is not null;
}

/// <summary>Declares <see cref="RouteAccess"/> on a route.</summary>
public static class RouteAccessExtensions
{
    /// <summary>The route's requests are authenticated and decided on <paramref name="action"/>.</summary>
    public static TBuilder RequiresAccess<TBuilder>(this TBuilder builder, PolicyAction action)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new RouteAccess(action));

    /// <summary>The route needs no token and no decision.</summary>
    public static TBuilder AllowsAnyone<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(RouteAccess.Public);
}

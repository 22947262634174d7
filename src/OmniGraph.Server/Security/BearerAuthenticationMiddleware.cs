using Microsoft.Net.Http.Headers;
using OmniGraph.Server.Endpoints;

namespace OmniGraph.Server.Security;

/// <summary>
/// Authenticates every request to a route that needs a token (<see cref="RouteAccess"/>), after routing and before
/// the handler resolves the graph — so a request without a valid token gets 401 even for an unknown graph, and learns
/// nothing. The token is checked against every configured hash in constant time (<see cref="OmniGraph.Security.BearerTokenRegistry"/>);
/// its actor becomes the request's actor, the only one the server believes (headers and body fields naming an actor
/// are never read). In open mode nothing is checked and requests have no actor.
/// </summary>
internal sealed class BearerAuthenticationMiddleware(RequestDelegate next, ServerAccess access)
{
    public Task InvokeAsync(HttpContext context)
    {
        // No endpoint: the framework's own 404 or 405, which reveals nothing about graphs.
        if (!access.RequiresTokens || context.GetEndpoint()?.Metadata.GetMetadata<RouteAccess>() is not { RequiresToken: true })
        {
            return next(context);
        }

        Authenticate(context, access);
        return next(context);
    }

    /// <summary>
    /// Authenticates <paramref name="context"/>'s bearer token and records its actor (nothing in open mode); for this
    /// middleware and the services that authenticate in their own protocol (<see cref="RouteAccess.InService"/>).
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>unauthorized</c>: no token, or one that matches none configured.</exception>
    public static void Authenticate(HttpContext context, ServerAccess access)
    {
        if (!access.RequiresTokens)
        {
            return;
        }

        var header = context.Request.Headers[HeaderNames.Authorization];
        var authentication = access.Tokens.Authenticate(header.Count == 1 ? header[0] : null);
        if (!authentication.IsAuthenticated)
        {
            throw new OmniGraphException(ErrorCodes.Unauthorized, authentication.FailureMessage!);
        }

        context.SetActor(authentication.Actor!);
    }
}

namespace OmniGraph.Server.Security;

/// <summary>Refuses to serve a route that does not say what it needs: an endpoint without <see cref="RouteAccess"/> would be open by accident.</summary>
internal static class RouteAccessGuard
{
    /// <summary>Every endpoint of <paramref name="routes"/> declares its access.</summary>
    /// <exception cref="InvalidOperationException">One does not (a bug of the server, found at start).</exception>
    public static void RequireDeclared(IEndpointRouteBuilder routes)
    {
        var undeclared = routes.DataSources
            .SelectMany(static source => source.Endpoints)
            .Where(static endpoint => endpoint.Metadata.GetMetadata<RouteAccess>() is null)
            .Select(static endpoint => endpoint is RouteEndpoint route ? route.RoutePattern.RawText ?? endpoint.DisplayName : endpoint.DisplayName)
            .ToList();
        if (undeclared.Count > 0)
        {
            throw new InvalidOperationException($"routes without a declared access (RequiresAccess or AllowsAnyone): {string.Join(", ", undeclared)}");
        }
    }
}

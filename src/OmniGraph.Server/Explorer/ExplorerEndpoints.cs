using Microsoft.Net.Http.Headers;

namespace OmniGraph.Server.Explorer;

/// <summary>
/// Serves the graph explorer (docs/explorer.md): the page at <c>/</c> and its files under <c>/explorer/</c>. The files
/// hold no data, so they need no token; every request the page makes for data goes to the authenticated routes with the
/// bearer token the page asks for when the server answers 401.
/// </summary>
internal static class ExplorerEndpoints
{
    // The page loads only its own scripts and styles and talks only to this server.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>Maps <c>GET /</c> and <c>GET /explorer/{**path}</c>.</summary>
    public static void MapOmniGraphExplorer(this IEndpointRouteBuilder routes)
    {
        // Read the embedded files now, not on the first page load.
        _ = ExplorerAssets.Embedded;
        routes.MapGet("/", static (HttpContext context) => Serve(context, "index.html"))
            .WithName("explorer").WithTags("explorer").WithSummary("The graph explorer page").ExcludeFromDescription().AllowsAnyone();
        routes.MapGet("/explorer/{**path}", static (string path, HttpContext context) => Serve(context, path))
            .WithName("explorerAsset").WithTags("explorer").WithSummary("A file of the graph explorer").ExcludeFromDescription().AllowsAnyone();
    }

    private static IResult Serve(HttpContext context, string path)
    {
        if (ExplorerAssets.Embedded.Find(path) is not { } asset)
        {
            return Results.NotFound();
        }

        var headers = context.Response.Headers;
        headers[HeaderNames.ETag] = asset.ETag;

        // Revalidated on every load (a 304 is cheap on loopback), so an upgraded server never runs an old script.
        headers[HeaderNames.CacheControl] = "no-cache";
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        if (context.Request.Headers[HeaderNames.IfNoneMatch] == asset.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(asset.Content, asset.ContentType);
    }
}

using System.Collections.Immutable;
using Microsoft.Extensions.Hosting;
using OmniGraph.Tables.Storage;

namespace OmniGraph.Server.Endpoints;

/// <summary>
/// The routes of the HTTP interface (docs/server.md, operations.md §2.4). The flat routes are here; every per-graph
/// route is under <c>/graphs/{graphId}</c> (<see cref="GraphEndpoints"/>). Adding a route: a handler in the file of its
/// concern, one <c>Map…</c> line with its operation id, tag, response types and access (<c>RequiresAccess(action)</c>
/// or <c>AllowsAnyone()</c>: the server refuses to start with a route that declares neither), a row in docs/server.md,
/// and tests in tests/OmniGraph.Server.Tests (its bad inputs and its auth matrix).
/// </summary>
internal static class ServerEndpoints
{
    /// <summary>Maps every route.</summary>
    public static void MapOmniGraph(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", Health).WithName("health").WithTags("health").WithSummary("Liveness: the server is up").AllowsAnyone();
        routes.MapGet("/readyz", Ready).WithName("ready").WithTags("health").WithSummary("Readiness: every graph opened and the server is not stopping").AllowsAnyone();
        routes.MapGet("/graphs", ListGraphs).WithName("listGraphs").WithTags("management").WithSummary("The served graphs, sorted by id (the server policy's graph_list)")
            .RequiresAccess(PolicyAction.GraphList);
        GraphEndpoints.Map(routes.MapGroup("/graphs/{graphId}"));
    }

    private static JsonHttpResult<HealthOutput> Health() =>
        TypedResults.Json(new HealthOutput("ok", ServerInfo.Version, StorageFormatVersion.Current), WireJsonContext.Default.HealthOutput);

    private static IResult Ready(ServedGraphs graphs, IHostApplicationLifetime lifetime)
    {
        var stopping = lifetime.ApplicationStopping.IsCancellationRequested;
        var output = new ReadinessOutput(stopping ? "stopping" : "ready", graphs.All.Count);
        return TypedResults.Json(output, WireJsonContext.Default.ReadinessOutput, statusCode: stopping ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }

    private static async Task<JsonHttpResult<GraphListOutput>> ListGraphs(ServedGraphs graphs, HttpContext context)
    {
        // Closed unless a server policy grants graph_list (even in open mode): which graphs exist is itself information.
        await context.AuthorizeAsync(graphId: null);
        var entries = graphs.All.Select(static g => new GraphListEntry(g.Id, new Uri(g.Location).AbsoluteUri)).ToImmutableArray();
        return TypedResults.Json(new GraphListOutput(entries), WireJsonContext.Default.GraphListOutput);
    }
}

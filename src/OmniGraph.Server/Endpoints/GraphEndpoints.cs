using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OmniGraph.Client.Wire;
using OmniGraph.Engine;
using Microsoft.Extensions.Options;
using OmniGraph.Server.Graphs;
using OmniGraph.Server.Hosting;

namespace OmniGraph.Server.Endpoints;

/// <summary>
/// The per-graph routes under <c>/graphs/{graphId}</c>. Each handler first resolves the graph (400 for a bad id, 404
/// for one not served), then authorizes, admits (writes), reads its input, and only then calls the engine. The partial
/// files group the handlers: reads here, writes (<c>GraphEndpoints.Writes.cs</c>), loads and exports
/// (<c>GraphEndpoints.Loads.cs</c>), routes later versions fill (<c>GraphEndpoints.Planned.cs</c>).
/// </summary>
internal static partial class GraphEndpoints
{
    /// <summary>Maps the per-graph routes on <paramref name="graph"/>.</summary>
    public static void Map(RouteGroupBuilder graph)
    {
        graph.MapGet("/snapshot", Snapshot).WithName("cluster_snapshot").WithTags("snapshots").WithSummary("Each table's version and entity count at a branch head");
        graph.MapPost("/query", Query).WithName("cluster_query").WithTags("queries").WithSummary("Run a read query (JSON ReadOutput, or Arrow IPC when Accept asks for it)")
            .RequestBody<QueryRequestBody>(WireNames.Json).Produces(StatusCodes.Status200OK, contentType: WireNames.Json, additionalContentTypes: [WireNames.ArrowStream]);
        graph.MapGet("/commits", ListCommits).WithName("cluster_listCommits").WithTags("commits").WithSummary("The commits of a branch, newest first");
        graph.MapGet("/commits/{commitId}", GetCommit).WithName("cluster_getCommit").WithTags("commits").WithSummary("One commit");
        graph.MapGet("/schema", Schema).WithName("cluster_schema").WithTags("schema").WithSummary("The schema source of a branch head");
        graph.MapGet("/branches", ListBranches).WithName("cluster_listBranches").WithTags("branches").WithSummary("The branch names, sorted");
        MapWrites(graph);
        MapLoads(graph);
        MapPlanned(graph);
    }

    private static async Task<JsonHttpResult<SnapshotOutput>> Snapshot(string graphId, string? branch, HttpContext context, ServedGraphs graphs)
    {
        var graph = graphs.Get(graphId);
        var output = await graph.Service.GetSnapshotAsync(BranchOrMain(branch), context.RequestAborted);
        return TypedResults.Json(output, WireJsonContext.Default.SnapshotOutput);
    }

    private static async Task<IResult> Query(string graphId, HttpContext context, ServedGraphs graphs, IOptions<OmniGraphServerOptions> options)
    {
        var graph = graphs.Get(graphId);
        var body = await Http.RequestBodies.ReadJsonAsync(context, WireJsonContext.Default.QueryRequestBody, options.Value.MaxRequestBodyBytes);
        var source = Required(body.Query, "query");
        var target = body.Snapshot is null ? QueryTarget.Head(BranchOrMain(body.Branch)) : new QueryTarget(body.Branch, body.Snapshot);
        var result = await graph.Service.QueryAsync(new QueryRequest(source, body.Name, body.Params?.GetRawText(), target), context.RequestAborted);
        if (WantsArrow(context.Request))
        {
            foreach (var (name, value) in QueryResultWire.Headers(result))
            {
                context.Response.Headers[name] = value;
            }

            return TypedResults.Bytes(QueryResultWire.ToBody(result), WireNames.ArrowStream);
        }

        return TypedResults.Text(Execution.Output.ReadOutputWriter.Json(result, indented: false), WireNames.Json, System.Text.Encoding.UTF8);
    }

    private static async Task<JsonHttpResult<CommitListOutput>> ListCommits(string graphId, string? branch, HttpContext context, ServedGraphs graphs)
    {
        var graph = graphs.Get(graphId);
        return TypedResults.Json(await graph.Service.ListCommitsAsync(BranchOrMain(branch), context.RequestAborted), WireJsonContext.Default.CommitListOutput);
    }

    private static async Task<JsonHttpResult<CommitOutput>> GetCommit(string graphId, string commitId, HttpContext context, ServedGraphs graphs)
    {
        var graph = graphs.Get(graphId);
        return TypedResults.Json(await graph.Service.GetCommitAsync(commitId, context.RequestAborted), WireJsonContext.Default.CommitOutput);
    }

    private static async Task<JsonHttpResult<SchemaOutput>> Schema(string graphId, string? branch, HttpContext context, ServedGraphs graphs)
    {
        var graph = graphs.Get(graphId);
        return TypedResults.Json(await graph.Service.GetSchemaAsync(BranchOrMain(branch), context.RequestAborted), WireJsonContext.Default.SchemaOutput);
    }

    private static async Task<JsonHttpResult<BranchListOutput>> ListBranches(string graphId, HttpContext context, ServedGraphs graphs)
    {
        var graph = graphs.Get(graphId);
        return TypedResults.Json(new BranchListOutput(await graph.Service.ListBranchesAsync(context.RequestAborted)), WireJsonContext.Default.BranchListOutput);
    }

    /// <summary>A branch parameter, <c>main</c> when absent; an empty one is refused.</summary>
    private static string BranchOrMain(string? branch) => branch switch
    {
        null => BranchNames.Main,
        "" => throw Http.ServerErrors.InvalidBody("an empty branch name was given; omit it for main"),
        _ => branch,
    };

    private static string Required(string? value, string member) =>
        string.IsNullOrEmpty(value) ? throw Http.ServerErrors.InvalidBody($"the request body needs '{member}'") : value;

    private static bool WantsArrow(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(static accept => string.Equals(accept.MediaType.Value, WireNames.ArrowStream, StringComparison.OrdinalIgnoreCase));
}

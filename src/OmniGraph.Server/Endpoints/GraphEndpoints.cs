using Microsoft.Extensions.DependencyInjection;

namespace OmniGraph.Server.Endpoints;

/// <summary>
/// The per-graph routes under <c>/graphs/{graphId}</c>. Each handler first resolves the graph (400 for a bad id, 404
/// for one not served), reads what names the branch, authorizes (<see cref="RequestAuthorization"/>; the action is
/// the route's <see cref="RouteAccess"/>), admits (writes), reads the rest of its input, and only then calls the
/// engine. The partial files group the handlers: reads here, writes (<c>GraphEndpoints.Writes.cs</c>), loads and
/// exports (<c>GraphEndpoints.Loads.cs</c>), branches (<c>GraphEndpoints.Branches.cs</c>), promotions (<c>GraphEndpoints.Promotions.cs</c>), diffs and changes
/// (<c>GraphEndpoints.Changes.cs</c>), routes later versions fill (<c>GraphEndpoints.Planned.cs</c>).
/// </summary>
internal static partial class GraphEndpoints
{
    /// <summary>Maps the per-graph routes on <paramref name="graph"/>.</summary>
    public static void Map(RouteGroupBuilder graph)
    {
        graph.MapGet("/snapshot", Snapshot).WithName("cluster_snapshot").WithTags("snapshots").WithSummary("Each table's version and entity count at a branch head")
            .RequiresAccess(PolicyAction.Read);
        graph.MapPost("/query", Query).WithName("cluster_query").WithTags("queries").WithSummary("Run a read query (JSON ReadOutput, or Arrow IPC when Accept asks for it)")
            .RequestBody<QueryRequestBody>(WireNames.Json).Produces(StatusCodes.Status200OK, contentType: WireNames.Json, additionalContentTypes: [WireNames.ArrowStream])
            .RequiresAccess(PolicyAction.Read);
        graph.MapGet("/commits", ListCommits).WithName("cluster_listCommits").WithTags("commits").WithSummary("The commits of a branch, newest first")
            .RequiresAccess(PolicyAction.Read);
        graph.MapGet("/commits/{commitId}", GetCommit).WithName("cluster_getCommit").WithTags("commits").WithSummary("One commit")
            .RequiresAccess(PolicyAction.Read);
        graph.MapGet("/schema", Schema).WithName("cluster_schema").WithTags("schema").WithSummary("The schema source of a branch head")
            .RequiresAccess(PolicyAction.Read);
        graph.MapGet("/branches", ListBranches).WithName("cluster_listBranches").WithTags("branches").WithSummary("The branch names, sorted")
            .RequiresAccess(PolicyAction.Read);
        MapWrites(graph);
        MapSchemaApply(graph);
        MapBranches(graph);
        MapPromotions(graph);
        MapChanges(graph);
        MapLoads(graph);
        MapQueries(graph);
        MapExplorer(graph);
        MapPlanned(graph);

        graph.AddEndpointFilter(CountRequest);
    }

    /// <summary>Counts each request to a served graph for the placement route's rates (unknown ids are not counted).</summary>
    private static ValueTask<object?> CountRequest(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var services = invocation.HttpContext.RequestServices;
        if (invocation.HttpContext.Request.RouteValues["graphId"] is string id && services.GetRequiredService<ServedGraphs>().IsServed(id))
        {
            services.GetRequiredService<GraphRequestRates>().Record(id);
        }

        return next(invocation);
    }

    private static async Task<JsonHttpResult<SnapshotOutput>> Snapshot(string graphId, string? branch, HttpContext context, ServedGraphs graphs)
    {
        var graph = graphs.Get(graphId);
        var target = BranchOrMain(branch);
        await context.AuthorizeAsync(graph.Id, target);
        var output = await graph.Service.GetSnapshotAsync(target, context.RequestAborted);
        return TypedResults.Json(output, WireJsonContext.Default.SnapshotOutput);
    }

    private static async Task<IResult> Query(string graphId, HttpContext context, ServedGraphs graphs, IOptions<OmniGraphServerOptions> options)
    {
        var graph = graphs.Get(graphId);
        var body = await Http.RequestBodies.ReadJsonAsync(context, WireJsonContext.Default.QueryRequestBody, options.Value.MaxRequestBodyBytes);
        var result = await RunReadAsync(context, graph, body);
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
        var target = BranchOrMain(branch);
        await context.AuthorizeAsync(graph.Id, target);
        return TypedResults.Json(await graph.Service.ListCommitsAsync(target, context.RequestAborted), WireJsonContext.Default.CommitListOutput);
    }

    private static async Task<JsonHttpResult<CommitOutput>> GetCommit(string graphId, string commitId, HttpContext context, ServedGraphs graphs)
    {
        var graph = graphs.Get(graphId);
        await context.AuthorizeAsync(graph.Id);
        return TypedResults.Json(await graph.Service.GetCommitAsync(commitId, context.RequestAborted), WireJsonContext.Default.CommitOutput);
    }

    private static async Task<JsonHttpResult<SchemaOutput>> Schema(string graphId, string? branch, HttpContext context, ServedGraphs graphs)
    {
        var graph = graphs.Get(graphId);
        await context.AuthorizeAsync(graph.Id);
        return TypedResults.Json(await graph.Service.GetSchemaAsync(BranchOrMain(branch), context.RequestAborted), WireJsonContext.Default.SchemaOutput);
    }

    private static async Task<JsonHttpResult<BranchListOutput>> ListBranches(string graphId, HttpContext context, ServedGraphs graphs)
    {
        var graph = graphs.Get(graphId);
        await context.AuthorizeAsync(graph.Id);
        return TypedResults.Json(new BranchListOutput(await graph.Service.ListBranchesAsync(context.RequestAborted)), WireJsonContext.Default.BranchListOutput);
    }

    /// <summary>
    /// Decides <c>read</c> on the branch the read names (<see cref="ReadBranchAsync"/>) — before the query is parsed, so a
    /// denied caller gets 403 even for a malformed query — and runs it. Every read surface runs reads through here: the
    /// query route, stored reads, the Flight service and the MCP tools.
    /// </summary>
    internal static async Task<QueryResult> RunReadAsync(HttpContext context, ServedGraph graph, QueryRequestBody body)
    {
        await context.AuthorizeAsync(PolicyAction.Read, graph.Id, await ReadBranchAsync(graph, body, context.RequestAborted));
        var source = Required(body.Query, "query");
        var target = body.Snapshot is null ? QueryTarget.Head(BranchOrMain(body.Branch)) : new QueryTarget(body.Branch, body.Snapshot);
        return await graph.Service.QueryAsync(new QueryRequest(source, body.Name, body.Params?.GetRawText(), target), context.RequestAborted);
    }

    /// <summary>
    /// The branch a read is decided on (operations.md §3.5): the branch of the snapshot when a commit id names one (a
    /// commit the caller cannot see is then 404 before the decision, as the commit route would answer), else the
    /// branch read (<c>main</c> when absent).
    /// </summary>
    internal static async Task<string> ReadBranchAsync(ServedGraph graph, QueryRequestBody body, CancellationToken cancellationToken)
    {
        if (body.Snapshot is { } snapshot && Ulid.TryParse(snapshot, out _))
        {
            return (await graph.Service.GetCommitAsync(snapshot, cancellationToken)).GraphBranch ?? BranchNames.Main;
        }

        return BranchOrMain(body.Branch);
    }

    /// <summary>A branch parameter, <c>main</c> when absent; an empty one is refused.</summary>
    internal static string BranchOrMain(string? branch) => branch switch
    {
        null => BranchNames.Main,
        "" => throw Http.ServerErrors.InvalidBody("an empty branch name was given; omit it for main"),
        _ => branch,
    };

    internal static string Required(string? value, string member) =>
        string.IsNullOrEmpty(value) ? throw Http.ServerErrors.InvalidBody($"the request body needs '{member}'") : value;

    private static bool WantsArrow(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(static accept => string.Equals(accept.MediaType.Value, WireNames.ArrowStream, StringComparison.OrdinalIgnoreCase));
}

using OmniGraph.Server.Queries;

namespace OmniGraph.Server.Endpoints;

internal static partial class GraphEndpoints
{
    /// <summary>The stored-query routes (operations.md §2.7): the catalogue and invocation by name.</summary>
    private static void MapQueries(RouteGroupBuilder graph)
    {
        graph.MapGet("/queries", ListQueries).WithName("cluster_listQueries").WithTags("queries")
            .WithSummary("The graph's stored queries: name, tool name, kind, parameters, description, instruction").RequiresAccess(PolicyAction.Read);
        graph.MapPost("/queries/{name}", InvokeQuery).WithName("cluster_invokeQuery").WithTags("queries")
            .WithSummary("Invoke a stored query by name (ReadOutput or ChangeOutput; 404 for an unknown name or a denied invoke)")
            .RequestBody<InvokeStoredQueryRequest>(WireNames.Json).Produces(StatusCodes.Status200OK, contentType: WireNames.Json).RequiresAccess(PolicyAction.InvokeQuery);
        graph.MapPost("/queries/{name}/if-graph-commit", InvokeQueryIfGraphCommit).WithName("cluster_invokeQueryIfGraphCommit").WithTags("queries")
            .WithSummary("Invoke a stored mutation only if the branch head is the commit in Omnigraph-If-Graph-Commit (412 otherwise)")
            .RequestBody<InvokeStoredQueryRequest>(WireNames.Json).Produces<ChangeOutput>().RequiresAccess(PolicyAction.InvokeQuery);
    }

    private static async Task<JsonHttpResult<QueriesCatalogOutput>> ListQueries(string graphId, HttpContext context, ServedGraphs graphs, ServedStoredQueries catalogues)
    {
        var graph = graphs.Get(graphId);

        // Read-gated on main and not filtered per query: a reader may list a query it cannot invoke.
        await context.AuthorizeAsync(graph.Id, BranchNames.Main);
        var queries = await (await catalogues.ForAsync(graph.Id, context.RequestAborted)).ListAsync(context.RequestAborted);
        return TypedResults.Json(new QueriesCatalogOutput([.. queries.Select(static q => q.ToEntry())]), StoredQueryJsonContext.Default.QueriesCatalogOutput);
    }

    private static Task<IResult> InvokeQuery(string graphId, string name, HttpContext context, ServedGraphs graphs, StoredQueryInvoker invoker, IOptions<OmniGraphServerOptions> options)
    {
        if (context.Request.Headers.ContainsKey(WireNames.IfGraphCommitHeader))
        {
            // Fail closed: this route would ignore the precondition.
            throw ServerErrors.InvalidBody($"the {WireNames.IfGraphCommitHeader} header requires the fail-closed conditional route POST /graphs/{{id}}/queries/{{name}}/if-graph-commit");
        }

        return InvokeAsync(graphId, name, expectedHead: null, context, graphs, invoker, options.Value);
    }

    private static Task<IResult> InvokeQueryIfGraphCommit(string graphId, string name, HttpContext context, ServedGraphs graphs, StoredQueryInvoker invoker, IOptions<OmniGraphServerOptions> options) =>
        InvokeAsync(graphId, name, RequiredIfGraphCommit(context), context, graphs, invoker, options.Value);

    private static async Task<IResult> InvokeAsync(string graphId, string name, string? expectedHead, HttpContext context, ServedGraphs graphs, StoredQueryInvoker invoker, OmniGraphServerOptions options)
    {
        var graph = graphs.Get(graphId);

        // The body is optional: none (no content) is an invocation without parameters on main.
        var request = context.Request.ContentLength == 0 || (context.Request.ContentLength is null && context.Request.ContentType is null)
            ? new InvokeStoredQueryRequest()
            : await RequestBodies.ReadJsonAsync(context, StoredQueryJsonContext.Default.InvokeStoredQueryRequest, options.MaxRequestBodyBytes);
        var outcome = await invoker.InvokeAsync(context, graph, name, request, expectedHead);
        return TypedResults.Text(outcome.ToJson(), WireNames.Json, System.Text.Encoding.UTF8);
    }
}

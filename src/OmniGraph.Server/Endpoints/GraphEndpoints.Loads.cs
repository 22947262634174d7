using System.Text;
using OmniGraph.Server.Admission;

namespace OmniGraph.Server.Endpoints;

internal static partial class GraphEndpoints
{
    private static readonly HashSet<string> s_ndjsonLoadParameters = new(StringComparer.Ordinal) { "branch", "mode", "from" };

    private static void MapLoads(RouteGroupBuilder graph)
    {
        graph.MapPost("/load", Load).WithName("cluster_load").WithTags("mutations").WithSummary("Load JSONL given inside a JSON body, as one commit")
            .RequestBody<LoadRequestBody>(WireNames.Json).RequiresAccess(PolicyAction.Change);
        graph.MapPost("/load/ndjson", LoadNdjson).WithName("cluster_loadNdjson").WithTags("mutations")
            .WithSummary("Load an application/x-ndjson body, streamed, as one commit (query: branch, mode)")
            .RequestBody<string>(WireNames.Ndjson).Produces<LoadOutput>().RequiresAccess(PolicyAction.Change);
        graph.MapPost("/export", Export).WithName("cluster_export").WithTags("queries").WithSummary("Stream a branch as load-compatible NDJSON")
            .RequestBody<ExportRequestBody>(WireNames.Json).Produces(StatusCodes.Status200OK, contentType: WireNames.Ndjson)
            .RequiresAccess(PolicyAction.Export);
    }

    private static async Task<JsonHttpResult<IngestOutput>> Load(string graphId, HttpContext context, ServedGraphs graphs, ActorAdmission admission, IOptions<OmniGraphServerOptions> options)
    {
        var graph = graphs.Get(graphId);
        var body = await RequestBodies.ReadJsonAsync(context, WireJsonContext.Default.LoadRequestBody, options.Value.MaxLoadBodyBytes, RequestBodies.LoadBytes);
        var branch = BranchOrMain(body.Branch);
        await context.AuthorizeAsync(graph.Id, branch);
        var from = body.From?.Trim();
        await AuthorizeForkAsync(context, graph, from, branch);
        var data = body.Data ?? throw ServerErrors.InvalidBody("the request body needs 'data' (the JSONL text)");
        var mode = LoadMode(body.Mode);
        var actor = context.Actor();
        var bytes = Encoding.UTF8.GetBytes(data);
        using var lease = admission.Admit(actor, bytes.Length);
        var load = await graph.Service.LoadAsync(new MemoryStream(bytes, writable: false), mode, branch, new GraphLoadOptions { Actor = actor, BaseBranch = from }, context.RequestAborted);
        return TypedResults.Json(IngestOutput.From(new Uri(graph.Location).AbsoluteUri, load), WireJsonContext.Default.IngestOutput);
    }

    private static async Task<JsonHttpResult<LoadOutput>> LoadNdjson(string graphId, HttpContext context, ServedGraphs graphs, ActorAdmission admission, IOptions<OmniGraphServerOptions> options)
    {
        var graph = graphs.Get(graphId);
        var query = context.Request.Query;
        if (query.Keys.FirstOrDefault(key => !s_ndjsonLoadParameters.Contains(key)) is { } unknown)
        {
            throw ServerErrors.InvalidBody($"unknown query parameter '{ErrorText.Quote(unknown)}' (expected branch, mode, from)");
        }

        var mode = LoadMode(Single(query, "mode"));
        var branch = BranchOrMain(Single(query, "branch"));

        // Decided before a byte of the body is read: a denied load costs the server nothing.
        await context.AuthorizeAsync(graph.Id, branch);
        var from = Single(query, "from")?.Trim();
        await AuthorizeForkAsync(context, graph, from, branch);
        RequestBodies.RequireContentType(context.Request, WireNames.Ndjson);
        var limit = options.Value.MaxLoadBodyBytes;
        var body = RequestBodies.OpenLimited(context, limit, RequestBodies.LoadBytes);
        var actor = context.Actor();
        using var lease = admission.Admit(actor, context.Request.ContentLength ?? 0);
        var load = await graph.Service.LoadAsync(body, mode, branch, new GraphLoadOptions { Actor = actor, BaseBranch = from }, context.RequestAborted);
        return TypedResults.Json(load, WireJsonContext.Default.LoadOutput);
    }

    private static async Task Export(string graphId, HttpContext context, ServedGraphs graphs, IOptions<OmniGraphServerOptions> options)
    {
        var graph = graphs.Get(graphId);
        var body = await RequestBodies.ReadJsonAsync(context, WireJsonContext.Default.ExportRequestBody, options.Value.MaxRequestBodyBytes);
        var request = new ExportRequest(BranchOrMain(body.Branch?.Trim()), [.. body.TypeNames ?? []]);
        await context.AuthorizeAsync(graph.Id, request.Branch);

        // The headers go out with the first chunk: an unknown branch or type fails before it, as an error response.
        context.Response.ContentType = WireNames.NdjsonUtf8;
        await graph.Service.ExportAsync(context.Response.Body, request, context.RequestAborted);
    }

    internal static GraphLoadMode LoadMode(string? mode)
    {
        if (mode is null)
        {
            return GraphLoadMode.Merge;
        }

        return GraphLoadModes.TryParse(mode, out var parsed)
            ? parsed
            : throw ServerErrors.InvalidBody($"unknown load mode '{ErrorText.Quote(mode)}' (expected {string.Join(", ", GraphLoadModes.Names)})");
    }

    private static string? Single(IQueryCollection query, string name)
    {
        var values = query[name];
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw ServerErrors.InvalidBody($"the query parameter '{name}' is given {values.Count} times"),
        };
    }
}

using OmniGraph.Server.Admission;

namespace OmniGraph.Server.Endpoints;

internal static partial class GraphEndpoints
{
    private static void MapWrites(RouteGroupBuilder graph)
    {
        graph.MapPost("/mutate", Mutate).WithName("cluster_mutate").WithTags("mutations").WithSummary("Run a mutation as one commit")
            .RequestBody<MutateRequestBody>(WireNames.Json).RequiresAccess(PolicyAction.Change);
        graph.MapPost("/mutate/if-graph-commit", MutateIfGraphCommit).WithName("cluster_mutateIfGraphCommit").WithTags("mutations")
            .WithSummary("Run a mutation only if the branch head is the commit in Omnigraph-If-Graph-Commit (412 otherwise)")
            .RequestBody<MutateRequestBody>(WireNames.Json).RequiresAccess(PolicyAction.Change);
    }

    private static Task<JsonHttpResult<ChangeOutput>> Mutate(string graphId, HttpContext context, ServedGraphs graphs, ActorAdmission admission, IOptions<OmniGraphServerOptions> options)
    {
        if (context.Request.Headers.ContainsKey(WireNames.IfGraphCommitHeader))
        {
            // Fail closed: a server must never ignore a precondition the client relies on.
            throw ServerErrors.InvalidBody($"the {WireNames.IfGraphCommitHeader} header is taken only by POST /graphs/{{id}}/mutate/if-graph-commit; this route would ignore it");
        }

        return MutateAsync(graphId, expectedHead: null, context, graphs, admission, options.Value);
    }

    private static Task<JsonHttpResult<ChangeOutput>> MutateIfGraphCommit(string graphId, HttpContext context, ServedGraphs graphs, ActorAdmission admission, IOptions<OmniGraphServerOptions> options) =>
        MutateAsync(graphId, RequiredIfGraphCommit(context), context, graphs, admission, options.Value);

    /// <summary>The one raw commit id of the <c>Omnigraph-If-Graph-Commit</c> header a conditional route requires.</summary>
    /// <exception cref="OmniGraphException">Code <c>invalid_request_body</c>: missing, repeated, a list, quoted, weak or <c>*</c>.</exception>
    internal static string RequiredIfGraphCommit(HttpContext context)
    {
        var values = context.Request.Headers[WireNames.IfGraphCommitHeader];
        if (values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            throw ServerErrors.InvalidBody($"this route needs exactly one {WireNames.IfGraphCommitHeader} header holding the expected head commit id");
        }

        var expected = values[0]!;
        if (!Ulid.TryParse(expected, out _))
        {
            throw ServerErrors.InvalidBody($"{WireNames.IfGraphCommitHeader} must be one raw commit id (a 26-character ULID; no list, quotes, weak tag or *), not '{ErrorText.Quote(expected)}'");
        }

        return expected;
    }

    private static async Task<JsonHttpResult<ChangeOutput>> MutateAsync(
        string graphId, string? expectedHead, HttpContext context, ServedGraphs graphs, ActorAdmission admission, OmniGraphServerOptions options)
    {
        var graph = graphs.Get(graphId);
        var body = await RequestBodies.ReadJsonAsync(context, WireJsonContext.Default.MutateRequestBody, options.MaxRequestBodyBytes);
        return TypedResults.Json(await RunMutationAsync(context, graph, body, expectedHead, admission), WireJsonContext.Default.ChangeOutput);
    }

    /// <summary>
    /// Decides <c>change</c> on the branch the mutation names (before the query is parsed), admits it and runs it as one
    /// commit: the mutate routes and the MCP mutation tool.
    /// </summary>
    internal static async Task<ChangeOutput> RunMutationAsync(HttpContext context, ServedGraph graph, MutateRequestBody body, string? expectedHead, ActorAdmission admission)
    {
        var branch = BranchOrMain(body.Branch);
        await context.AuthorizeAsync(PolicyAction.Change, graph.Id, branch);
        var source = Required(body.Query, "query");
        var parameters = body.Params?.GetRawText();
        var actor = context.Actor();
        using var lease = admission.Admit(actor, source.Length + (parameters?.Length ?? 0));
        var request = new MutationRequest(source, body.Name)
        {
            Parameters = parameters,
            Branch = branch,
            ExpectedHeadCommit = expectedHead,
            Actor = actor,
        };
        return await graph.Service.MutateAsync(request, context.RequestAborted);
    }
}

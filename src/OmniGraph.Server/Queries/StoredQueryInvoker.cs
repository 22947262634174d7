using OmniGraph.Server.Admission;
using OmniGraph.Server.Endpoints;

namespace OmniGraph.Server.Queries;

/// <summary>
/// Invokes a stored query by name for an authenticated request, in the order of operations.md §2.7: the
/// <c>invoke_query</c> gate (a denial is the same 404 as an unknown name) → the lookup → the <c>expect_mutation</c>
/// check → for a mutation, the <c>change</c> gate, admission and the mutation (as <c>/mutate</c>); for a read, the
/// <c>read</c> gate and the read (as <c>/query</c>). The HTTP routes and the MCP tools both invoke through here.
/// </summary>
internal sealed class StoredQueryInvoker(ServedStoredQueries catalogues, ActorAdmission admission)
{
    /// <summary>Invokes <paramref name="name"/> on <paramref name="graph"/>.</summary>
    /// <param name="http">The request (its actor and endpoint).</param>
    /// <param name="graph">The graph.</param>
    /// <param name="name">The stored query's name.</param>
    /// <param name="request">The parameters and target.</param>
    /// <param name="expectedHead">The head a conditional invocation requires (the if-graph-commit route), or <c>null</c>.</param>
    /// <returns>The read's result, or the mutation's receipt.</returns>
    public async Task<StoredQueryOutcome> InvokeAsync(HttpContext http, ServedGraph graph, string name, InvokeStoredQueryRequest request, string? expectedHead)
    {
        var cancellationToken = http.RequestAborted;
        try
        {
            await http.AuthorizeAsync(PolicyAction.InvokeQuery, graph.Id);
        }
        catch (OmniGraphException denied) when (denied.Code == ErrorCodes.Forbidden)
        {
            // Indistinguishable from an unknown name: a caller who may not invoke learns nothing about the catalogue.
            throw StoredQueryCatalog.NotFound();
        }

        var catalogue = await catalogues.ForAsync(graph.Id, cancellationToken);
        var query = await catalogue.FindAsync(name, cancellationToken) ?? throw StoredQueryCatalog.NotFound();
        if (request.ExpectMutation is { } expectMutation && expectMutation != query.IsMutation)
        {
            throw new OmniGraphException(ErrorCodes.QueryKindMismatch, query.IsMutation
                ? $"'{query.Name}' is a mutation — use omnigraph mutate {query.Name}"
                : $"'{query.Name}' is a read — use omnigraph query {query.Name}");
        }

        var parameters = request.Params?.GetRawText();
        if (query.IsMutation)
        {
            if (request.Snapshot is not null)
            {
                throw ServerErrors.InvalidBody("a stored mutation cannot target a snapshot");
            }

            var branch = GraphEndpoints.BranchOrMain(request.Branch);
            await http.AuthorizeAsync(PolicyAction.Change, graph.Id, branch);
            var actor = http.Actor();
            using var lease = admission.Admit(actor, query.Source.Length + (parameters?.Length ?? 0));
            var mutation = new MutationRequest(query.Source, query.Name) { Parameters = parameters, Branch = branch, ExpectedHeadCommit = expectedHead, Actor = actor };
            return new StoredQueryOutcome(null, await graph.Service.MutateAsync(mutation, cancellationToken));
        }

        if (expectedHead is not null)
        {
            throw ServerErrors.InvalidBody($"'{query.Name}' is a read: a read takes no {WireNames.IfGraphCommitHeader} precondition (that needs a stored mutation)");
        }

        var body = new QueryRequestBody(query.Source, query.Name, request.Params, request.Branch, request.Snapshot);
        return new StoredQueryOutcome(await GraphEndpoints.RunReadAsync(http, graph, body), null);
    }
}

/// <summary>What a stored query answered: a read's result or a mutation's receipt.</summary>
/// <param name="Read">The read's result, or <c>null</c>.</param>
/// <param name="Change">The mutation's receipt, or <c>null</c>.</param>
internal sealed record StoredQueryOutcome(QueryResult? Read, ChangeOutput? Change)
{
    /// <summary>The answer as JSON: <c>ReadOutput</c> or <c>ChangeOutput</c>, as <c>/query</c> and <c>/mutate</c> answer.</summary>
    public string ToJson() => Read is not null
        ? Execution.Output.ReadOutputWriter.Json(Read, indented: false)
        : System.Text.Json.JsonSerializer.Serialize(Change!, WireJsonContext.Default.ChangeOutput);
}

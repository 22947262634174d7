using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace OmniGraph.Server.Endpoints;

internal static partial class GraphEndpoints
{
    private static readonly HashSet<string> s_diffParameters = new(StringComparer.Ordinal) { "from", "to", "kind", "type", "op" };
    private static readonly HashSet<string> s_commitChangesParameters = new(StringComparer.Ordinal) { "page_token", "limit", "kind", "type", "op" };
    private static readonly HashSet<string> s_feedParameters = new(StringComparer.Ordinal) { "branch", "cursor", "start", "page_token", "limit", "max_commits", "kind", "type", "op" };

    /// <summary>Routes 27–29 of operations.md §2.4 (a commit's changes, the change feed, a baseline) and the net diff.</summary>
    private static void MapChanges(RouteGroupBuilder graph)
    {
        graph.MapGet("/diff", Diff).WithName("cluster_diff").WithTags("changes")
            .WithSummary("The net difference between two read targets (query: from, to: a branch, a commit id or a manifest version; kind, type, op)")
            .Produces<ChangeSetOutput>().RequiresAccess(PolicyAction.Read);
        graph.MapGet("/commits/{commitId}/changes", CommitChanges).WithName("cluster_commitChanges").WithTags("changes")
            .WithSummary("A page of a commit's changes against its first parent (query: page_token, limit, kind, type, op)")
            .Produces<CommitChangesOutput>().RequiresAccess(PolicyAction.Read);
        graph.MapGet("/changes", ChangeFeed).WithName("cluster_changes").WithTags("changes")
            .WithSummary("A page of a branch's change feed (query: branch, one of cursor|start|page_token, limit, max_commits, kind, type, op)")
            .Produces<ChangeFeedOutput>().RequiresAccess(PolicyAction.Read);
        graph.MapPost("/changes/baseline", ChangeBaseline).WithName("cluster_changesBaseline").WithTags("changes")
            .WithSummary("Stream a branch head's entities as NDJSON, ending with {\"baseline\":{snapshot_commit_id, resume_cursor}}")
            .RequestBody<ChangeBaselineRequestBody>(WireNames.Json).Produces(StatusCodes.Status200OK, contentType: WireNames.Ndjson)
            .RequiresAccess(PolicyAction.Export);
    }

    private static async Task<JsonHttpResult<ChangeSetOutput>> Diff(string graphId, HttpContext context, ServedGraphs graphs)
    {
        var graph = graphs.Get(graphId);
        var query = Parameters(context.Request.Query, s_diffParameters);
        var from = Single(query, "from") ?? throw ServerErrors.InvalidBody("the query needs 'from' (a branch, a commit id or a manifest version)");
        var to = Single(query, "to") ?? throw ServerErrors.InvalidBody("the query needs 'to' (a branch, a commit id or a manifest version)");
        await context.AuthorizeAsync(graph.Id, await TargetBranchAsync(graph, from, context.RequestAborted));
        await context.AuthorizeAsync(graph.Id, await TargetBranchAsync(graph, to, context.RequestAborted));
        var diff = await graph.Service.DiffAsync(new GraphDiffRequest(from, to, Filter(query)), context.RequestAborted);
        return TypedResults.Json(diff, WireJsonContext.Default.ChangeSetOutput);
    }

    private static async Task<JsonHttpResult<CommitChangesOutput>> CommitChanges(string graphId, string commitId, HttpContext context, ServedGraphs graphs)
    {
        var graph = graphs.Get(graphId);
        var query = Parameters(context.Request.Query, s_commitChangesParameters);
        var commit = await graph.Service.GetCommitAsync(commitId, context.RequestAborted);

        // Decided on the commit's authored branch; a caller who may not read it learns nothing, not even that it exists.
        var decision = context.RequestServices.GetRequiredService<ServerAccess>().Controller.Decide(
            new AccessRequest(context.Actor(), PolicyAction.Read, graph.Id, commit.GraphBranch ?? BranchNames.Main, null));
        if (!decision.Allowed)
        {
            throw EngineErrors.CommitNotFound(commitId);
        }

        var request = new CommitChangesRequest(commit.GraphCommitId, Filter(query), Limit(query, "limit", ChangeLimits.DefaultPageChanges), Single(query, "page_token"));
        return TypedResults.Json(await graph.Service.GetCommitChangesAsync(request, context.RequestAborted), WireJsonContext.Default.CommitChangesOutput);
    }

    private static async Task<JsonHttpResult<ChangeFeedOutput>> ChangeFeed(string graphId, HttpContext context, ServedGraphs graphs)
    {
        var graph = graphs.Get(graphId);
        var query = Parameters(context.Request.Query, s_feedParameters);
        var branch = BranchOrMain(Single(query, "branch")?.Trim());
        await context.AuthorizeAsync(graph.Id, branch);
        var request = new ChangeFeedRequest(
            branch,
            Filter(query),
            Single(query, "cursor"),
            Single(query, "start"),
            Single(query, "page_token"),
            Limit(query, "limit", ChangeLimits.DefaultPageChanges),
            Limit(query, "max_commits", ChangeLimits.DefaultPollCommits));
        return TypedResults.Json(await graph.Service.PollChangesAsync(request, context.RequestAborted), WireJsonContext.Default.ChangeFeedOutput);
    }

    private static async Task ChangeBaseline(string graphId, HttpContext context, ServedGraphs graphs, IOptions<OmniGraphServerOptions> options)
    {
        var graph = graphs.Get(graphId);
        var body = await RequestBodies.ReadJsonAsync(context, WireJsonContext.Default.ChangeBaselineRequestBody, options.Value.MaxRequestBodyBytes);
        var branch = BranchOrMain(body.Branch?.Trim());
        await context.AuthorizeAsync(graph.Id, branch);
        var request = new ChangeBaselineRequest(branch, ChangeFilter.Parse(body.Kind, body.Type, body.Op));

        // The headers go out with the first chunk: an unknown branch fails before it, as an error response.
        context.Response.ContentType = WireNames.NdjsonUtf8;
        await graph.Service.WriteBaselineAsync(context.Response.Body, request, context.RequestAborted);
    }

    /// <summary>The branch a diff side is read on: a branch's own name, a commit's authored branch, a manifest version's branch.</summary>
    private static async Task<string> TargetBranchAsync(ServedGraph graph, string target, CancellationToken cancellationToken)
    {
        var text = target.Trim();
        if (Ulid.TryParse(text, out _))
        {
            return (await graph.Service.GetCommitAsync(text, cancellationToken)).GraphBranch ?? BranchNames.Main;
        }

        return SnapshotIds.TryParse(text, out var snapshot, out _) && snapshot.Kind == SnapshotTargetKind.ManifestVersion && !(await graph.Service.ListBranchesAsync(cancellationToken)).Contains(text)
            ? snapshot.Branch!
            : text;
    }

    /// <summary>The query, refusing a parameter the route does not take (a physical name such as <c>table_key</c> included).</summary>
    private static IQueryCollection Parameters(IQueryCollection query, HashSet<string> known) =>
        query.Keys.FirstOrDefault(key => !known.Contains(key)) is { } unknown
            ? throw EngineErrors.InvalidChangeRequest(unknown, $"unknown query parameter (expected {string.Join(", ", known.Order(StringComparer.Ordinal))})")
            : query;

    private static ChangeFilter Filter(IQueryCollection query) =>
        ChangeFilter.Parse(query["kind"].OfType<string>(), query["type"].OfType<string>(), query["op"].OfType<string>());

    private static int Limit(IQueryCollection query, string name, int defaultValue)
    {
        var text = Single(query, name);
        if (text is null)
        {
            return defaultValue;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw EngineErrors.InvalidChangeRequest(name, $"'{ErrorText.Quote(text)}' is not a whole number");
    }
}

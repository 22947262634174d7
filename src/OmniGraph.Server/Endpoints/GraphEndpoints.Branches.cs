using Microsoft.Extensions.DependencyInjection;
using OmniGraph.Server.Admission;

namespace OmniGraph.Server.Endpoints;

internal static partial class GraphEndpoints
{
    /// <summary>Routes 22–24 of operations.md §2.4: branch create, delete and merge.</summary>
    private static void MapBranches(RouteGroupBuilder graph)
    {
        graph.MapPost("/branches", CreateBranch).WithName("cluster_createBranch").WithTags("branches")
            .WithSummary("Create a branch at the head of another (or at a commit); no data is copied")
            .RequestBody<BranchCreateRequestBody>(WireNames.Json).RequiresAccess(PolicyAction.BranchCreate);
        graph.MapDelete("/branches/{branch}", DeleteBranch).WithName("cluster_deleteBranch").WithTags("branches")
            .WithSummary("Delete a branch and reclaim what only it referenced").RequiresAccess(PolicyAction.BranchDelete);
        graph.MapPost("/branches/merge", MergeBranches).WithName("cluster_mergeBranches").WithTags("branches")
            .WithSummary("Merge a branch into another as one commit (409 merge_conflicts lists every conflict)")
            .RequestBody<BranchMergeRequestBody>(WireNames.Json).Produces<BranchMergeOutput>().Produces<MergeConflictsBody>(StatusCodes.Status409Conflict)
            .RequiresAccess(PolicyAction.BranchMerge);
    }

    private static async Task<JsonHttpResult<BranchCreateOutput>> CreateBranch(string graphId, HttpContext context, ServedGraphs graphs, IOptions<OmniGraphServerOptions> options)
    {
        var graph = graphs.Get(graphId);
        var body = await RequestBodies.ReadJsonAsync(context, WireJsonContext.Default.BranchCreateRequestBody, options.Value.MaxRequestBodyBytes);
        return TypedResults.Json(await CreateBranchAsync(context, graph, body), WireJsonContext.Default.BranchCreateOutput);
    }

    /// <summary>Creates the branch <paramref name="body"/> names, decided as <c>branch_create</c> (from‖main / name): the route and the MCP tool.</summary>
    internal static async Task<BranchCreateOutput> CreateBranchAsync(HttpContext context, ServedGraph graph, BranchCreateRequestBody body)
    {
        var name = Required(body.Name?.Trim(), "name");
        var from = body.From?.Trim();
        if (from is { Length: 0 })
        {
            throw ServerErrors.InvalidBody("an empty 'from' was given; omit it for main");
        }

        var decision = await context.AuthorizeAsync(PolicyAction.BranchCreate, graph.Id, from ?? BranchNames.Main, name);
        var actor = context.Actor();
        using var lease = context.RequestServices.GetRequiredService<ActorAdmission>().Admit(actor, name.Length + (from?.Length ?? 0));
        await context.RequestServices.GetRequiredService<DecisionAudit>().RecordAllowedAsync(decision, graph.Id, context.RequestAborted);
        var created = await graph.Service.CreateBranchAsync(name, from, context.RequestAborted);
        return created with { ActorId = actor };
    }

    private static async Task<JsonHttpResult<BranchDeleteOutput>> DeleteBranch(string graphId, string branch, HttpContext context, ServedGraphs graphs, ActorAdmission admission, DecisionAudit audit)
    {
        var graph = graphs.Get(graphId);
        var name = branch.Trim();
        var decision = await context.AuthorizeAsync(graph.Id, targetBranch: name);
        var actor = context.Actor();
        using var lease = admission.Admit(actor, name.Length);
        await audit.RecordAllowedAsync(decision, graph.Id, context.RequestAborted);
        var deleted = await graph.Service.DeleteBranchAsync(name, context.RequestAborted);
        return TypedResults.Json(deleted with { ActorId = actor }, WireJsonContext.Default.BranchDeleteOutput);
    }

    private static async Task<IResult> MergeBranches(string graphId, HttpContext context, ServedGraphs graphs, IOptions<OmniGraphServerOptions> options)
    {
        var graph = graphs.Get(graphId);
        var body = await RequestBodies.ReadJsonAsync(context, WireJsonContext.Default.BranchMergeRequestBody, options.Value.MaxRequestBodyBytes);
        var (merged, conflicts) = await MergeBranchesAsync(context, graph, body);
        return conflicts is not null
            ? TypedResults.Json(conflicts, WireJsonContext.Default.MergeConflictsBody, statusCode: StatusCodes.Status409Conflict)
            : TypedResults.Json(merged!, WireJsonContext.Default.BranchMergeOutput);
    }

    /// <summary>
    /// Merges the branches <paramref name="body"/> names, decided as <c>branch_merge</c> (source / target‖main) and, for
    /// the source's deletion, <c>branch_delete</c> (a denial is reported, never fatal): the route and the MCP tool.
    /// </summary>
    /// <returns>The merge, or every conflict of a merge that wrote nothing.</returns>
    internal static async Task<(BranchMergeOutput? Merged, MergeConflictsBody? Conflicts)> MergeBranchesAsync(HttpContext context, ServedGraph graph, BranchMergeRequestBody body)
    {
        var source = Required(body.Source?.Trim(), "source");
        var target = BranchOrMain(body.Target?.Trim());
        await context.AuthorizeAsync(PolicyAction.BranchMerge, graph.Id, source, target);
        var actor = context.Actor();

        // The source's deletion is decided on its own action before the merge; a denial never fails the merge.
        var deletion = body.DeleteBranch ? await DecideAsync(context, PolicyAction.BranchDelete, graph.Id, null, source) : null;
        var deleteDenied = deletion is { Allowed: false } ? deletion.Message : null;

        using var lease = context.RequestServices.GetRequiredService<ActorAdmission>().Admit(actor, source.Length + target.Length);
        if (deletion is { Allowed: true })
        {
            // The merge commit is the engine's to record; the source's deletion publishes none, so its decision is recorded here.
            await context.RequestServices.GetRequiredService<DecisionAudit>().RecordAllowedAsync(deletion, graph.Id, context.RequestAborted);
        }

        var request = new BranchMergeRequest(source, target) { Actor = actor, DeleteBranch = body.DeleteBranch && deleteDenied is null };
        var result = await graph.Service.MergeBranchAsync(request, context.RequestAborted);
        if (result.Outcome == BranchMergeOutcome.Conflicted)
        {
            var error = EngineErrors.MergeConflicts(result.Source, result.Target, result.Conflicts);
            return (null, new MergeConflictsBody(ErrorText.Bound(error.Message), error.Code, [.. result.Conflicts.Select(MergeConflictOutput.From)]));
        }

        if (deleteDenied is not null)
        {
            result = result with { BranchDeleted = false, BranchDeleteError = deleteDenied };
        }

        return (BranchMergeOutput.From(result, actor, body.DeleteBranch), null);
    }

    /// <summary>
    /// Decides an action other than the route's own (a load's fork, a merge's source deletion) for the request's actor;
    /// a denied write action is recorded in the graph's audit log like every denial.
    /// </summary>
    private static async Task<AccessDecision> DecideAsync(HttpContext context, PolicyAction action, string graphId, string? branch, string? targetBranch)
    {
        var decision = context.RequestServices.GetRequiredService<ServerAccess>().Controller.Decide(new AccessRequest(context.Actor(), action, graphId, branch, targetBranch));
        if (!decision.Allowed)
        {
            await context.RequestServices.GetRequiredService<DecisionAudit>().RecordDenialAsync(decision, graphId, context.RequestAborted);
        }

        return decision;
    }

    /// <summary>
    /// A load that names <paramref name="from"/> creates its missing branch first: that needs <c>branch_create</c>
    /// (from / branch) besides the route's <c>change</c> (operations.md §2.4 routes 18–19), recorded in the audit log
    /// like a branch create. A branch that exists needs no fork.
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>forbidden</c>: The fork is denied.</exception>
    private static async Task AuthorizeForkAsync(HttpContext context, ServedGraph graph, string? from, string branch)
    {
        if (from is null || (await graph.Service.ListBranchesAsync(context.RequestAborted)).Contains(branch))
        {
            return;
        }

        var decision = await DecideAsync(context, PolicyAction.BranchCreate, graph.Id, from, branch);
        if (!decision.Allowed)
        {
            throw SecurityErrors.AccessDenied(decision);
        }

        await context.RequestServices.GetRequiredService<DecisionAudit>().RecordAllowedAsync(decision, graph.Id, context.RequestAborted);
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OmniGraph.Client.Wire;
using OmniGraph.Abstractions;
using OmniGraph.Security;
using OmniGraph.Server.Admission;
using OmniGraph.Server.Graphs;
using OmniGraph.Server.Hosting;
using OmniGraph.Server.Http;
using OmniGraph.Server.Security;

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

    private static async Task<JsonHttpResult<BranchCreateOutput>> CreateBranch(string graphId, HttpContext context, ServedGraphs graphs, ActorAdmission admission, IOptions<OmniGraphServerOptions> options)
    {
        var graph = graphs.Get(graphId);
        var body = await RequestBodies.ReadJsonAsync(context, WireJsonContext.Default.BranchCreateRequestBody, options.Value.MaxRequestBodyBytes);
        var name = Required(body.Name?.Trim(), "name");
        var from = body.From?.Trim();
        if (from is { Length: 0 })
        {
            throw ServerErrors.InvalidBody("an empty 'from' was given; omit it for main");
        }

        await context.AuthorizeAsync(graph.Id, from ?? BranchNames.Main, name);
        var actor = context.Actor();
        using var lease = admission.Admit(actor, name.Length + (from?.Length ?? 0));
        var created = await graph.Service.CreateBranchAsync(name, from, context.RequestAborted);
        return TypedResults.Json(created with { ActorId = actor }, WireJsonContext.Default.BranchCreateOutput);
    }

    private static async Task<JsonHttpResult<BranchDeleteOutput>> DeleteBranch(string graphId, string branch, HttpContext context, ServedGraphs graphs, ActorAdmission admission)
    {
        var graph = graphs.Get(graphId);
        var name = branch.Trim();
        await context.AuthorizeAsync(graph.Id, targetBranch: name);
        var actor = context.Actor();
        using var lease = admission.Admit(actor, name.Length);
        var deleted = await graph.Service.DeleteBranchAsync(name, context.RequestAborted);
        return TypedResults.Json(deleted with { ActorId = actor }, WireJsonContext.Default.BranchDeleteOutput);
    }

    private static async Task<IResult> MergeBranches(string graphId, HttpContext context, ServedGraphs graphs, ActorAdmission admission, IOptions<OmniGraphServerOptions> options)
    {
        var graph = graphs.Get(graphId);
        var body = await RequestBodies.ReadJsonAsync(context, WireJsonContext.Default.BranchMergeRequestBody, options.Value.MaxRequestBodyBytes);
        var source = Required(body.Source?.Trim(), "source");
        var target = BranchOrMain(body.Target?.Trim());
        await context.AuthorizeAsync(graph.Id, source, target);
        var actor = context.Actor();

        // The source's deletion is decided on its own action before the merge; a denial never fails the merge.
        var deleteDenied = body.DeleteBranch && await DecideAsync(context, PolicyAction.BranchDelete, graph.Id, null, source) is { Allowed: false } denial
            ? denial.Message
            : null;

        using var lease = admission.Admit(actor, source.Length + target.Length);
        var request = new BranchMergeRequest(source, target) { Actor = actor, DeleteBranch = body.DeleteBranch && deleteDenied is null };
        var result = await graph.Service.MergeBranchAsync(request, context.RequestAborted);
        if (result.Outcome == BranchMergeOutcome.Conflicted)
        {
            var error = EngineErrors.MergeConflicts(result.Source, result.Target, result.Conflicts);
            var conflicts = new MergeConflictsBody(ErrorText.Bound(error.Message), error.Code, [.. result.Conflicts.Select(MergeConflictOutput.From)]);
            return TypedResults.Json(conflicts, WireJsonContext.Default.MergeConflictsBody, statusCode: StatusCodes.Status409Conflict);
        }

        if (deleteDenied is not null)
        {
            result = result with { BranchDeleted = false, BranchDeleteError = deleteDenied };
        }

        return TypedResults.Json(BranchMergeOutput.From(result, actor, body.DeleteBranch), WireJsonContext.Default.BranchMergeOutput);
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
            await context.RequestServices.GetRequiredService<DenialAudit>().RecordAsync(decision, graphId, context.RequestAborted);
        }

        return decision;
    }

    /// <summary>
    /// A load that names <paramref name="from"/> creates its missing branch first: that needs <c>branch_create</c>
    /// (from / branch) besides the route's <c>change</c> (operations.md §2.4 routes 18–19). A branch that exists needs no fork.
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
    }
}

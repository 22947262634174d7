using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OmniGraph.Server.Graphs;
using OmniGraph.Server.Http;

namespace OmniGraph.Server.Endpoints;

internal static partial class GraphEndpoints
{
    /// <summary>
    /// The routes of the interface that later versions fill (operations.md §2.4): they exist now, so clients and the
    /// OpenAPI document see the whole interface, and answer 501 <c>not_implemented</c> after the same authentication and
    /// graph resolution as every route (401 and 404 come first).
    /// </summary>
    private static void MapPlanned(RouteGroupBuilder graph)
    {
        Planned(graph.MapPost("/branches", Planned("creating a branch")), "cluster_createBranch", "branches");
        Planned(graph.MapDelete("/branches/{branch}", Planned("deleting a branch")), "cluster_deleteBranch", "branches");
        Planned(graph.MapPost("/branches/merge", Planned("merging branches")), "cluster_mergeBranches", "branches");
        Planned(graph.MapGet("/commits/{commitId}/changes", Planned("a commit's changes")), "cluster_commitChanges", "changes");
        Planned(graph.MapGet("/changes", Planned("the change feed")), "cluster_changes", "changes");
        Planned(graph.MapPost("/changes/baseline", Planned("a change baseline")), "cluster_changesBaseline", "changes");
        Planned(graph.MapPost("/schema/apply", Planned("applying a schema")), "cluster_schemaApply", "schema");
        Planned(graph.MapGet("/queries", Planned("the stored-query catalogue")), "cluster_listQueries", "queries");
        Planned(graph.MapPost("/queries/{name}", Planned("invoking a stored query")), "cluster_invokeQuery", "queries");
        Planned(graph.MapPost("/queries/{name}/if-graph-commit", Planned("invoking a stored mutation conditionally")), "cluster_invokeQueryIfGraphCommit", "queries");
        Planned(graph.MapGet("/blob", Planned("blob delivery")), "cluster_getBlob", "blobs");
        Planned(graph.MapMethods("/blob", ["HEAD"], Planned("blob delivery")), "cluster_headBlob", "blobs");
    }

    private static Delegate Planned(string what) => (string graphId, ServedGraphs graphs) =>
    {
        graphs.Get(graphId);
        throw ServerErrors.NotImplemented(what);
    };

    private static void Planned(RouteHandlerBuilder route, string operationId, string tag) =>
        route.WithName(operationId).WithTags(tag).WithSummary("Not served by this version yet (501)").Produces(StatusCodes.Status501NotImplemented);
}

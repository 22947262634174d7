namespace OmniGraph.Server.Endpoints;

internal static partial class GraphEndpoints
{
    /// <summary>
    /// The routes of the interface that later versions fill (operations.md §2.4): they exist now, so clients and the
    /// OpenAPI document see the whole interface, and answer 501 <c>not_implemented</c> after the same authentication and
    /// graph resolution as every route (401 and 404 come first). No access decision is made: a later version adds it
    /// with the handler, from the inputs the decision needs.
    /// </summary>
    private static void MapPlanned(RouteGroupBuilder graph)
    {
        Planned(graph.MapGet("/blob", Planned("blob delivery")), "cluster_getBlob", "blobs", PolicyAction.Read);
        Planned(graph.MapMethods("/blob", ["HEAD"], Planned("blob delivery")), "cluster_headBlob", "blobs", PolicyAction.Read);
    }

    private static Delegate Planned(string what) => (string graphId, ServedGraphs graphs) =>
    {
        graphs.Get(graphId);
        throw ServerErrors.NotImplemented(what);
    };

    /// <summary>
    /// The route's action is declared now (operations.md §2.4), so it is authenticated like every route; the decision
    /// itself needs the route's own inputs (a branch, a target), read by the handler a later version adds.
    /// </summary>
    private static void Planned(RouteHandlerBuilder route, string operationId, string tag, PolicyAction action) =>
        route.WithName(operationId).WithTags(tag).WithSummary("Not served by this version yet (501)").Produces(StatusCodes.Status501NotImplemented)
            .RequiresAccess(action);
}

using OmniGraph.Server.Admission;

namespace OmniGraph.Server.Endpoints;

internal static partial class GraphEndpoints
{
    /// <summary>
    /// The promotion routes (docs/branches.md, "Promotion over HTTP"; beyond operations.md): preview, confirm, revert.
    /// The preview writes nothing and is decided as <c>read</c> on both branches, so whoever prepares a change (an
    /// agent) can ask for its digest without being able to confirm it; confirming and reverting are <c>promote</c>.
    /// </summary>
    private static void MapPromotions(RouteGroupBuilder graph)
    {
        graph.MapPost("/promotions/preview", PreviewPromotion).WithName("cluster_previewPromotion").WithTags("promotions")
            .WithSummary("What promoting a branch into another would apply now, and the diff digest that confirms it (writes nothing)")
            .RequestBody<PromotionPreviewRequestBody>(WireNames.Json).Produces<PromotionPreviewOutput>().RequiresAccess(PolicyAction.Read);
        graph.MapPost("/promotions", ConfirmPromotion).WithName("cluster_confirmPromotion").WithTags("promotions")
            .WithSummary("Apply exactly the previewed change (by its diff digest) as one commit on the target")
            .RequestBody<PromotionConfirmRequestBody>(WireNames.Json).Produces<PromotionOutput>().RequiresAccess(PolicyAction.Promote);
        graph.MapPost("/promotions/{promotionId}/revert", RevertPromotion).WithName("cluster_revertPromotion").WithTags("promotions")
            .WithSummary("Revert a promotion within the revert window: a new commit on its target").Produces<PromotionRevertOutput>()
            .RequiresAccess(PolicyAction.Promote);
    }

    private static async Task<JsonHttpResult<PromotionPreviewOutput>> PreviewPromotion(string graphId, HttpContext context, ServedGraphs graphs, IOptions<OmniGraphServerOptions> options)
    {
        var graph = graphs.Get(graphId);
        var body = await RequestBodies.ReadJsonAsync(context, WireJsonContext.Default.PromotionPreviewRequestBody, options.Value.MaxRequestBodyBytes);
        return TypedResults.Json(await PreviewPromotionAsync(context, graph, body.Source, body.Target), WireJsonContext.Default.PromotionPreviewOutput);
    }

    private static async Task<JsonHttpResult<PromotionOutput>> ConfirmPromotion(string graphId, HttpContext context, ServedGraphs graphs, ActorAdmission admission, IOptions<OmniGraphServerOptions> options)
    {
        var graph = graphs.Get(graphId);
        var body = await RequestBodies.ReadJsonAsync(context, WireJsonContext.Default.PromotionConfirmRequestBody, options.Value.MaxRequestBodyBytes);
        var source = Required(body.Source?.Trim(), "source");
        var target = BranchOrMain(body.Target?.Trim());
        var digest = Required(body.DiffDigest?.Trim(), "diff_digest");
        await context.AuthorizeAsync(PolicyAction.Promote, graph.Id, source, target);
        var actor = context.Actor();
        using var lease = admission.Admit(actor, source.Length + target.Length + digest.Length);
        var promotion = await graph.Service.PromoteAsync(new PromotionRequest(source, target, digest) { Actor = actor }, context.RequestAborted);
        return TypedResults.Json(promotion, WireJsonContext.Default.PromotionOutput);
    }

    /// <remarks>
    /// The front-end cannot decide on the promotion's branches before the engine reads its record, so the decision on
    /// <c>promote</c> (source / target of the promotion) is the engine's, with the token's actor; a denial is audited
    /// there and answers 403 as every denial.
    /// </remarks>
    private static async Task<JsonHttpResult<PromotionRevertOutput>> RevertPromotion(string graphId, string promotionId, HttpContext context, ServedGraphs graphs, ActorAdmission admission)
    {
        var graph = graphs.Get(graphId);
        var actor = context.Actor();
        using var lease = admission.Admit(actor, promotionId.Length);
        var revert = await graph.Service.RevertPromotionAsync(new PromotionRevertRequest(promotionId.Trim()) { Actor = actor }, context.RequestAborted);
        return TypedResults.Json(revert, WireJsonContext.Default.PromotionRevertOutput);
    }

    /// <summary>
    /// The preview of promoting <paramref name="source"/> into <paramref name="target"/> (default main), decided as
    /// <c>read</c> on each branch: the route and the MCP tool that requests a promotion both preview through here.
    /// </summary>
    internal static async Task<PromotionPreviewOutput> PreviewPromotionAsync(HttpContext context, ServedGraph graph, string? source, string? target)
    {
        var from = Required(source?.Trim(), "source");
        var into = BranchOrMain(target?.Trim());
        await context.AuthorizeAsync(PolicyAction.Read, graph.Id, from);
        await context.AuthorizeAsync(PolicyAction.Read, graph.Id, into);
        return await graph.Service.PreviewPromotionAsync(from, into, context.RequestAborted);
    }
}

using OmniGraph.Server.Admission;
using OmniGraph.Server.Queries;

namespace OmniGraph.Server.Endpoints;

internal static partial class GraphEndpoints
{
    /// <summary>
    /// <c>POST /graphs/{id}/schema/apply</c> (operations.md §2.4 route 17): the desired schema applied to main as one commit,
    /// under <c>schema_apply</c> (target main), after every stored query is checked against it
    /// (docs/schema-language.md, "Changing the schema"). An unsupported plan or a broken stored query is 400, another
    /// branch or a protected main 409/403; nothing is written then.
    /// </summary>
    private static void MapSchemaApply(RouteGroupBuilder graph) =>
        graph.MapPost("/schema/apply", ApplySchema).WithName("cluster_schemaApply").WithTags("schema")
            .WithSummary("Apply a desired schema to main as one commit (SchemaApplyOutput)")
            .RequestBody<SchemaApplyRequestBody>(WireNames.Json).RequiresAccess(PolicyAction.SchemaApply);

    private static async Task<JsonHttpResult<SchemaApplyOutput>> ApplySchema(
        string graphId, HttpContext context, ServedGraphs graphs, IGraphClientFactory clients, ServedStoredQueries catalogues, ActorAdmission admission, IOptions<OmniGraphServerOptions> options)
    {
        var graph = graphs.Get(graphId);
        var body = await RequestBodies.ReadJsonAsync(context, WireJsonContext.Default.SchemaApplyRequestBody, options.Value.MaxRequestBodyBytes);
        var source = Required(body.SchemaSource, "schema_source");
        await context.AuthorizeAsync(graph.Id, targetBranch: BranchNames.Main);
        var actor = context.Actor();
        using var lease = admission.Admit(actor, source.Length);
        var client = clients.GetClient(graph.Id);
        var applied = await StoredQueryGuardedSchemaApply.ApplyAsync(
            client.Grains.GetGrain<ISchemaApplyGrain>(client.GraphId),
            await catalogues.ForAsync(graph.Id, context.RequestAborted),
            new SchemaApplyRequest(source) { AllowDataLoss = body.AllowDataLoss, Actor = actor },
            context.RequestAborted);
        return TypedResults.Json(applied, WireJsonContext.Default.SchemaApplyOutput);
    }
}

using OmniGraph.Query.Lint;
using OmniGraph.Schema;

namespace OmniGraph.Server.Endpoints;

internal static partial class GraphEndpoints
{
    /// <summary>
    /// The routes tools such as the explorer (docs/explorer.md) build on: lint without running, the schema as its IR
    /// document (types, properties, constraints, cardinalities), and where the graph's grains live.
    /// </summary>
    private static void MapExplorer(RouteGroupBuilder graph)
    {
        graph.MapPost("/lint", Lint).WithName("cluster_lint").WithTags("queries")
            .WithSummary("Type-check a .gq source against a branch's schema without running it (the omnigraph lint --json report)")
            .RequestBody<LintRequestBody>(WireNames.Json).Produces<LintReport>(StatusCodes.Status200OK, WireNames.Json)
            .RequiresAccess(PolicyAction.Read);
        graph.MapGet("/schema/ir", SchemaIr).WithName("cluster_schemaIr").WithTags("schema")
            .WithSummary("The schema of a branch head as its IR document: node and edge types, properties, constraints, cardinalities")
            .Produces(StatusCodes.Status200OK, contentType: WireNames.Json).RequiresAccess(PolicyAction.Read);
        graph.MapGet("/placement", Placement).WithName("cluster_placement").WithTags("cluster")
            .WithSummary("The silos, where the graph's grain activations live, and the graph's request counts")
            .Produces<PlacementOutput>().RequiresAccess(PolicyAction.Read);
    }

    private static async Task<IResult> Lint(string graphId, HttpContext context, ServedGraphs graphs, IOptions<OmniGraphServerOptions> options)
    {
        var graph = graphs.Get(graphId);
        var body = await Http.RequestBodies.ReadJsonAsync(context, WireJsonContext.Default.LintRequestBody, options.Value.MaxRequestBodyBytes);
        var branch = BranchOrMain(body.Branch);
        await context.AuthorizeAsync(graph.Id, branch);
        var source = body.Query ?? throw Http.ServerErrors.InvalidBody("the request body needs 'query'");
        var schema = await graph.Service.GetSchemaAsync(branch, context.RequestAborted);
        var report = QueryLinter.Lint(source, SchemaCatalog.Compile(schema.SchemaSource), new LintSchemaSource(LintSchemaSourceKind.Graph, graph.Id));
        return TypedResults.Text(report.ToJson(indented: false), WireNames.Json, System.Text.Encoding.UTF8);
    }

    private static async Task<IResult> SchemaIr(string graphId, string? branch, HttpContext context, ServedGraphs graphs)
    {
        var graph = graphs.Get(graphId);
        var target = BranchOrMain(branch);
        await context.AuthorizeAsync(graph.Id, target);
        var schema = await graph.Service.GetSchemaAsync(target, context.RequestAborted);
        return TypedResults.Text(SchemaCatalog.Compile(schema.SchemaSource).ToIrJson(), WireNames.Json, System.Text.Encoding.UTF8);
    }

    private static async Task<JsonHttpResult<PlacementOutput>> Placement(string graphId, HttpContext context, ServedGraphs graphs, IGrainFactory grains, GraphRequestRates rates)
    {
        var graph = graphs.Get(graphId);
        await context.AuthorizeAsync(graph.Id);
        var management = grains.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetDetailedHosts(onlyActive: false);
        var active = hosts.Where(static h => h.Status == SiloStatus.Active).Select(static h => h.SiloAddress).ToArray();
        var statistics = active.Length == 0 ? [] : await management.GetRuntimeStatistics(active);
        var byAddress = active.Zip(statistics).ToDictionary(static pair => pair.First, static pair => pair.Second);
        var silos = hosts
            .OrderBy(static h => h.Status == SiloStatus.Active ? 0 : 1).ThenBy(static h => h.SiloAddress.ToString(), StringComparer.Ordinal)
            .Select(h => byAddress.TryGetValue(h.SiloAddress, out var s)
                ? new SiloEntry(h.SiloAddress.ToString(), h.SiloName, h.HostName, h.Status.ToString(), h.StartTime, s.ActivationCount, s.ReceivedMessages, s.SentMessages)
                : new SiloEntry(h.SiloAddress.ToString(), h.SiloName, h.HostName, h.Status.ToString(), h.StartTime, null, null, null));
        var activations = (await management.GetDetailedGrainStatistics(hostsIds: active))
            .Select(static a => (Statistic: a, Key: a.GrainId.Key.ToString()))
            .Where(a => string.Equals(Abstractions.GraphGrainKeys.GraphIdOf(a.Key), graph.Id, StringComparison.Ordinal))
            .Select(static a => new ActivationEntry(a.Statistic.GrainType, a.Key, a.Statistic.SiloAddress.ToString()))
            .OrderBy(static a => a.GrainType, StringComparer.Ordinal).ThenBy(static a => a.Key, StringComparer.Ordinal);
        var output = new PlacementOutput(graph.Id, [.. silos], [.. activations], rates.Read(graph.Id));
        return TypedResults.Json(output, WireJsonContext.Default.PlacementOutput);
    }
}

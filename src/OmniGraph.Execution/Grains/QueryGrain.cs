using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmniGraph.Abstractions;
using OmniGraph.Execution.Hosting;
using OmniGraph.Execution.Planning;
using OmniGraph.Execution.Results;
using OmniGraph.Execution.Runtime;
using OmniGraph.Grains.Hosting;
using OmniGraph.Grains.Schema;
using OmniGraph.Query;
using OmniGraph.Query.Ir;
using OmniGraph.Query.Parameters;
using OmniGraph.Search.Embeddings;
using Orleans.Concurrency;

namespace OmniGraph.Execution.Grains;

/// <summary>
/// Runs reads of one graph (see <see cref="IQueryGrain"/>). Stateless; each read
/// parses and selects its query (cached) before any I/O, resolves one snapshot from the manifest grain, compiles against
/// that snapshot's schema (cached per text, name and schema hash), binds the parameters, takes the cached plan and runs
/// it against the table grains at the snapshot's table versions only: the snapshot is never re-resolved mid-query.
/// </summary>
/// <remarks>
/// One reentrant activation per graph and silo (<c>[StatelessWorker(1)]</c>, <c>[Reentrant]</c>): calls interleave at
/// their awaits (the grain keeps no per-call state). Not a pool: Orleans hands a call's cancellation to an idle worker
/// of a pool, never to the busy one running the call, so a Ctrl-C would not reach it; with one worker it does.
/// </remarks>
[StatelessWorker(1)]
[Reentrant]
internal sealed partial class QueryGrain(
    IGraphDirectory directory,
    SchemaCatalogCache schemas,
    QueryCompiler compiler,
    QueryPlanCache plans,
    TimeProvider clock,
    IOptions<QueryExecutionOptions> options,
    TextEmbedder embedder,
    ILogger<QueryGrain> logger) : Grain, IQueryGrain
{
    /// <inheritdoc />
    public async Task<QueryResult> ExecuteAsync(QueryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Source);
        var started = Stopwatch.GetTimestamp();
        var graphId = this.GetPrimaryKeyString();
        using var span = EngineTelemetry.Start("query", graphId);
        try
        {
            // Syntax and selection errors need no schema: report them before touching the graph.
            using (EngineTelemetry.Start("query.parse", graphId))
            {
                compiler.Parse(request.Source).Select(request.QueryName);
            }

            ReadQuery query;
            GraphSnapshot snapshot;
            QueryParameterValues values;
            QueryPlan plan;
            using (EngineTelemetry.Start("query.plan", graphId))
            {
                var target = QueryTargets.Resolve(request.Target ?? QueryTarget.Head());
                snapshot = await GrainFactory.GetGrain<IManifestGrain>(graphId).ResolveSnapshotAsync(target, cancellationToken);
                var catalog = await schemas.GetAsync(await directory.GetStoreAsync(graphId, cancellationToken), snapshot.SchemaHash, cancellationToken);
                query = compiler.CompileRead(request.Source, catalog, request.QueryName);
                values = QueryParameterBinder.Bind(query, request.ParametersJson, clock);
                plan = plans.GetOrPlan(query);
            }

            span?.SetTag("omnigraph.query", query.Name);
            span?.SetTag(EngineTelemetry.BranchTag, snapshot.Branch);
            Arrow.RecordBatch rows;
            using (var execute = EngineTelemetry.Start("query.execute", graphId, snapshot.Branch))
            {
                var context = new QueryExecutionContext(GrainFactory, graphId, snapshot, values, options.Value, embedder, cancellationToken);
                var executor = new PatternExecutor(context);
                var matched = await executor.RunAsync(plan.Match, BindingTable.Unit(query.Variables.Length));
                rows = await new ResultBuilder(plan, context, executor).BuildAsync(matched);
                execute?.SetTag("omnigraph.rows", rows.Length);
            }

            LogExecuted(graphId, query.Name, snapshot.Branch, snapshot.ManifestVersion, rows.Length, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            EngineMetrics.RecordQuery(graphId, started);
            return new QueryResult(query.Name, request.Target ?? QueryTarget.Head(), rows, snapshot.Commit.Id, snapshot.Branch, snapshot.ManifestVersion);
        }
        catch (Exception exception)
        {
            EngineTelemetry.Fail(span, exception);
            EngineMetrics.RecordQuery(graphId, started, exception);
            throw;
        }
    }

    [LoggerMessage(EventId = (int)LogEventId.QueryExecuted, Level = LogLevel.Debug, Message = "Graph {GraphId}: query {QueryName} on {Branch} v{ManifestVersion} returned {Rows} rows in {ElapsedMs:F2} ms")]
    private partial void LogExecuted(string graphId, string queryName, string branch, long manifestVersion, int rows, double elapsedMs);
}

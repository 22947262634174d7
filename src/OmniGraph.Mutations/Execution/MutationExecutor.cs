using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmniGraph.Abstractions;
using OmniGraph.Grains.Hosting;
using OmniGraph.Grains.Schema;
using OmniGraph.Grains.Writes;
using OmniGraph.Mutations.Hosting;
using OmniGraph.Mutations.Matching;
using OmniGraph.Query;
using OmniGraph.Query.Ir;
using OmniGraph.Query.Parameters;
using OmniGraph.Search.Embeddings;

namespace OmniGraph.Mutations.Execution;

/// <summary>
/// Runs mutation queries (a silo singleton behind <see cref="IMutationGrain"/>):
/// <list type="number">
/// <item>pins the branch head and compiles the query against that snapshot's schema (parse, type check, rule D2: all
/// before any data is read), binds the parameters and <c>now()</c> once;</item>
/// <item>runs the statements in memory against the pinned snapshot plus their own pending changes
/// (<see cref="MutationRun"/>), applying the schema's value rules;</item>
/// <item>hands the per-table changes to the write coordinator as one write: it stages them on the table grains (in
/// parallel), validates what spans rows and tables on the post-image and publishes one commit through the manifest
/// grain. A query that changed nothing publishes nothing.</item>
/// </list>
/// </summary>
/// <remarks>
/// <para><b>Concurrency.</b> A mutation that reads (any update or delete) is prepared against the exact head it read; if
/// another commit lands before its publish it fails with <see cref="ReadSetChangedException"/> (member
/// <c>graph_head:{branch}</c>): its matches might be stale. An insert-only mutation reads nothing, so the coordinator
/// re-prepares it on the new head (its rows do not depend on the head).</para>
/// <para><b>Compare-and-swap.</b> <see cref="MutationRequest.ExpectedHeadCommit"/> is checked against the pinned head
/// (early), again at publish by the manifest grain, and against the current head before a no-op is acknowledged; a
/// mismatch is <see cref="GraphPreconditionFailedException"/> and is never retried.</para>
/// </remarks>
public sealed partial class MutationExecutor
{
    /// <summary>How often a mutation is compiled again when a schema apply lands under it (each apply is a rare, whole-graph event).</summary>
    private const int MaxSchemaAttempts = 3;

    /// <summary>The commit kind recorded for mutations.</summary>
    public const string WriterName = "mutation";

    private readonly IGrainFactory _grains;
    private readonly IGraphDirectory _directory;
    private readonly SchemaCatalogCache _schemas;
    private readonly GraphWriteCoordinator _writer;
    private readonly QueryCompiler _compiler;
    private readonly TimeProvider _time;
    private readonly OmniGraphMutationOptions _options;
    private readonly ILogger<MutationExecutor> _logger;
    private readonly TextEmbedder _embedder;

    /// <summary>Creates the executor.</summary>
    public MutationExecutor(
        IGrainFactory grains,
        IGraphDirectory directory,
        SchemaCatalogCache schemas,
        GraphWriteCoordinator writer,
        QueryCompiler compiler,
        TimeProvider time,
        IOptions<OmniGraphMutationOptions> options,
        TextEmbedder embedder,
        ILogger<MutationExecutor> logger)
    {
        _embedder = embedder;
        _grains = grains;
        _directory = directory;
        _schemas = schemas;
        _writer = writer;
        _compiler = compiler;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Runs <paramref name="request"/> on graph <paramref name="graphId"/> as one atomic write.</summary>
    public async Task<ChangeOutput> MutateAsync(string graphId, MutationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graphId);
        CheckRequest(request);
        _writer.RequireUnprotected(graphId, request.Branch, WriterName);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await MutateOnceAsync(graphId, request, cancellationToken);
            }
            catch (OmniGraphException changed) when (changed.Code == ErrorCodes.SchemaChanged && attempt < MaxSchemaAttempts)
            {
                // A schema apply published between the compile and the write: compile against the new schema and run again
                // (nothing of the first run was written).
                LogSchemaChanged(graphId, request.Branch, attempt);
            }
        }
    }

    private async Task<ChangeOutput> MutateOnceAsync(string graphId, MutationRequest request, CancellationToken cancellationToken)
    {
        var manifest = _grains.GetGrain<IManifestProtocol>(graphId);
        var store = await _directory.GetStoreAsync(graphId, cancellationToken);

        // The schema comes from the head; resolving it interleaves with commits in progress (a probe, no queueing).
        var head = await manifest.ResolveSnapshotAsync(SnapshotTarget.Head(request.Branch), cancellationToken);
        var query = _compiler.CompileMutation(request.QuerySource, await _schemas.GetAsync(store, head.SchemaHash, cancellationToken), request.QueryName);
        var values = QueryParameterBinder.Bind(query, request.Parameters, _time);
        var reads = ReadsData(query);

        // A mutation that reads pins the head through the write entry, which first heals what an interrupted write left:
        // matching against a head that recovery is about to move would only fail later.
        var pinned = reads ? await manifest.BeginWriteAsync(request.Branch, cancellationToken) : head;
        if (!string.Equals(pinned.SchemaHash, head.SchemaHash, StringComparison.Ordinal))
        {
            query = _compiler.CompileMutation(request.QuerySource, await _schemas.GetAsync(store, pinned.SchemaHash, cancellationToken), request.QueryName);
            values = QueryParameterBinder.Bind(query, request.Parameters, _time);
        }

        if (request.ExpectedHeadCommit is { } expected && !string.Equals(expected, pinned.Commit.Id, StringComparison.Ordinal))
        {
            throw new GraphPreconditionFailedException(request.Branch, expected, pinned.Commit.Id);
        }

        var run = new MutationRun(query, values, new CommittedRows(_grains, graphId, pinned, _options.LookupBatchSize, cancellationToken), _embedder);
        await run.RunAsync(cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        if (!run.HasChanges)
        {
            await CheckNoOpPreconditionAsync(manifest, request, cancellationToken);
            LogNoOp(graphId, request.Branch, query.Name);
            return new ChangeOutput(request.Branch, query.Name, run.AffectedNodes, run.AffectedEdges, request.Actor, null);
        }

        var write = new GraphWriteRequest(request.Branch, run.BuildWrites(_options.MaxRowsPerTable))
        {
            BaseManifestVersion = reads ? pinned.ManifestVersion : null,
            ExpectedHeadCommit = request.ExpectedHeadCommit,
            Actor = request.Actor,
            Writer = WriterName,
            RetryOnReadSetChange = !reads,
            SchemaHash = pinned.SchemaHash,
        };
        var result = await _writer.WriteAsync(graphId, write, cancellationToken);
        LogPublished(graphId, request.Branch, query.Name, result.Commit.Id, result.Commit.ManifestVersion, run.AffectedNodes, run.AffectedEdges, result.Attempts);
        var (inserted, replaced) = run.InsertOutcome(result.Tables);
        return new ChangeOutput(request.Branch, query.Name, run.AffectedNodes, run.AffectedEdges, request.Actor, result.Commit.ToOutput())
        {
            InsertedNodes = inserted,
            ReplacedNodes = replaced,
            Tables = result.Tables,
            Attempts = result.Attempts,
        };
    }

    /// <summary>Inserts alone read nothing; any update or delete reads the snapshot it matches against.</summary>
    private static bool ReadsData(MutationQuery query)
    {
        foreach (var statement in query.Statements)
        {
            if (statement.Kind is not (MutationStatementKind.InsertNode or MutationStatementKind.InsertEdge))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A conditional no-op is acknowledged only if the branch head is still the expected one now.</summary>
    private static async Task CheckNoOpPreconditionAsync(IManifestProtocol manifest, MutationRequest request, CancellationToken cancellationToken)
    {
        if (request.ExpectedHeadCommit is not { } expected)
        {
            return;
        }

        var current = await manifest.ResolveSnapshotAsync(SnapshotTarget.Head(request.Branch), cancellationToken);
        if (!string.Equals(expected, current.Commit.Id, StringComparison.Ordinal))
        {
            throw new GraphPreconditionFailedException(request.Branch, expected, current.Commit.Id);
        }
    }

    private static void CheckRequest(MutationRequest request)
    {
        if (request is null)
        {
            throw EngineErrors.InvalidMutationRequest("no request");
        }

        if (request.QuerySource is null)
        {
            throw EngineErrors.InvalidMutationRequest("no query source");
        }

        if (string.IsNullOrEmpty(request.Branch))
        {
            throw EngineErrors.InvalidMutationRequest("the branch name is empty");
        }

        if (request.ExpectedHeadCommit is { Length: 0 })
        {
            throw EngineErrors.InvalidMutationRequest("the expected head commit is empty (omit it for an unconditional write)");
        }

        if (request.ExpectedHeadCommit is { } expected && !Ulid.TryParse(expected, out _))
        {
            // Not a lost race: no head could ever be this, so the request itself is wrong.
            throw EngineErrors.InvalidMutationRequest($"the expected head commit '{ErrorText.Quote(expected)}' is not a commit id (a 26-character ULID)");
        }

        if (request.QueryName is { Length: 0 })
        {
            throw EngineErrors.InvalidMutationRequest("the query name is empty (omit it when the source declares one query)");
        }
    }

    [LoggerMessage((int)LogEventId.MutationPublished, LogLevel.Debug, "Graph {GraphId}: mutation {QueryName} on {Branch} published {CommitId} (v{Version}): {Nodes} nodes, {Edges} edges, {Attempts} attempt(s)")]
    private partial void LogPublished(string graphId, string branch, string queryName, string commitId, long version, long nodes, long edges, int attempts);

    [LoggerMessage((int)LogEventId.MutationNoOp, LogLevel.Debug, "Graph {GraphId}: mutation {QueryName} on {Branch} changed nothing; no commit")]
    private partial void LogNoOp(string graphId, string branch, string queryName);

    [LoggerMessage((int)LogEventId.MutationSchemaChanged, LogLevel.Debug, "Graph {GraphId}: the schema of {Branch} changed under mutation attempt {Attempt}; compiling it again")]
    private partial void LogSchemaChanged(string graphId, string branch, int attempt);
}

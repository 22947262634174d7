using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmniGraph.Grains.Access;
using OmniGraph.Grains.Hosting;
using OmniGraph.Grains.Schema;

namespace OmniGraph.Grains.Writes;

/// <summary>
/// Applies one typed write to a graph: pins the base snapshot, stages every table's next version through its table
/// grain (each refusing, before writing, what it can judge alone: key conflicts, repeated ids, <c>@key</c>/<c>@unique</c>
/// against committed rows), checks what spans tables on the staged post-image (edge endpoints, removed nodes, <c>@card</c>;
/// see <see cref="WriteValidator"/>), and commits through the manifest grain. Nothing is visible unless the commit
/// publishes; a failure before that leaves only unreferenced objects.
/// </summary>
/// <remarks>
/// <para>This is what loads and mutations call (directly inside a grain, or through <see cref="IGraphWriterGrain"/>).
/// A write marked <see cref="GraphWriteRequest.RetryOnReadSetChange"/> is re-prepared from the new head when another
/// write published first (before any effect of its own), up to <see cref="OmniGraphOptions.MaxWriteAttempts"/>
/// preparations; fragments staged by the caller are reused, only deletion vectors and version objects are redone.</para>
/// <para>Errors: an <see cref="OmniGraphException"/> (<c>unknown_table</c>), an <see cref="OmniGraphException"/> (<c>invalid_write</c>), an <see cref="OmniGraphException"/> (<c>key_conflict</c>),
/// an <see cref="OmniGraphException"/> (<c>unique_violation</c>), an <see cref="OmniGraphException"/> (<c>orphan_edge</c>), an <see cref="OmniGraphException"/> (<c>cardinality_violation</c>),
/// <see cref="ReadSetChangedException"/>, <see cref="GraphPreconditionFailedException"/>, <see cref="RecoveryRequiredException"/>,
/// and the store's own errors.</para>
/// </remarks>
public sealed partial class GraphWriteCoordinator
{
    private readonly IGrainFactory _grains;
    private readonly IGraphDirectory _directory;
    private readonly SchemaCatalogCache _schemas;
    private readonly OmniGraphOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<GraphWriteCoordinator> _logger;

    /// <summary>Per graph and branch: the writes of this silo that chain onto commits in flight, waiting to be prepared.</summary>
    private readonly ConcurrentDictionary<(string Graph, string Branch), ChainedWriteQueue> _queues = new();

    /// <summary>Creates the coordinator (a silo singleton).</summary>
    public GraphWriteCoordinator(
        IGrainFactory grains,
        IGraphDirectory directory,
        SchemaCatalogCache schemas,
        IOptions<OmniGraphOptions> options,
        TimeProvider time,
        ILogger<GraphWriteCoordinator> logger)
    {
        _grains = grains;
        _directory = directory;
        _schemas = schemas;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Refuses a direct write by <paramref name="writer"/> to a protected branch before it has any effect, for a writer
    /// that may publish nothing (a mutation that matched no row is refused like one that changed rows: what the caller
    /// may do does not depend on what the data holds).
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>protected_branch</c>.</exception>
    public void RequireUnprotected(string graphId, string branch, string writer) =>
        GraphWriteAccess.RequireUnprotected(_options, graphId, branch, writer);

    /// <summary>Applies <paramref name="request"/> to graph <paramref name="graphId"/> as one commit.</summary>
    public async Task<GraphWriteResult> WriteAsync(string graphId, GraphWriteRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graphId);
        ArgumentNullException.ThrowIfNull(request);
        var writes = CheckRequest(request);
        CheckLimits(writes);
        if (!CommitKinds.IsPromotion(request.Writer))
        {
            GraphWriteAccess.RequireUnprotected(_options, graphId, request.Branch, request.Writer);
        }

        var manifest = _grains.GetGrain<IManifestProtocol>(graphId);
        var attempts = request.RetryOnReadSetChange ? _options.MaxWriteAttempts : 1;

        // A write that may be re-prepared, and states no base of its own, chains onto the commits in flight (group
        // commit): it prepares on the last accepted commit and is published right after it. The chained writes of this
        // silo to one branch wait in one queue, and each batch of them is prepared together (one grain call per table)
        // and submitted together, while the previous batches' durable rounds run (GraphWriteCoordinator.Chained.cs).
        var chained = request.RetryOnReadSetChange && request.BaseManifestVersion is null && request.ExpectedHeadCommit is null;
        using var span = EngineTelemetry.Start("commit", graphId, request.Branch);
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            span?.SetTag("omnigraph.attempts", attempt);
            cancellationToken.ThrowIfCancellationRequested();
            var current = new WriteAttempt(request, writes, cancellationToken);
            try
            {
                if (chained)
                {
                    await PrepareAndSubmitChainedAsync(graphId, current);
                }
                else
                {
                    var store = await _directory.GetStoreAsync(graphId, cancellationToken);
                    await PrepareAndSubmitAsync(graphId, manifest, store, current, attempt);
                }

                // Submitted: the commit runs to its end whatever the caller does now, so its outcome is waited for.
                CommitInfo commit;
                using (EngineTelemetry.Start("commit.ack", graphId, request.Branch))
                {
                    commit = await manifest.WaitForCommitAsync(current.CommitId, CancellationToken.None);
                }

                span?.SetTag("omnigraph.commit", commit.Id);
                EngineMetrics.RecordCommit(graphId, EngineMetrics.WriteCommit, started);
                return Result(current.Snapshot!, commit, current.Staged!, attempt);
            }
            catch (ReadSetChangedException conflict) when (attempt < attempts)
            {
                await AbortAllAsync(graphId, current.Tx, request.Branch, (IEnumerable<string>?)current.Staged?.Keys ?? []);
                LogReprepare(graphId, request.Branch, attempt, conflict.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 2 * attempt)), cancellationToken);
            }
            catch (Exception exception) when (exception is not SimulatedCrashException)
            {
                EngineTelemetry.Fail(span, exception);
                EngineMetrics.RecordCommit(graphId, EngineMetrics.WriteCommit, started, exception);
                await AbortAllAsync(graphId, current.Tx, request.Branch, (IEnumerable<string>?)current.Staged?.Keys ?? []);
                if (exception is ReadSetChangedException conflict && current.Snapshot is not null)
                {
                    throw await AsBranchConflictAsync(manifest, request.Branch, current.Snapshot, conflict);
                }

                throw;
            }
        }
    }

    /// <summary>
    /// One attempt of a write that does not chain, up to the commit's acceptance: the write's entry (which waits for the
    /// branch's commits in flight and heals first, so the write never prepares against a head that recovery is about to
    /// move), the base snapshot (the head, or the pinned version), every table staged, the cross-table checks, and the
    /// commit submitted. Records on <paramref name="current"/> what it prepared on and staged as soon as it has.
    /// </summary>
    private async Task PrepareAndSubmitAsync(string graphId, IManifestProtocol manifest, IObjectStore store, WriteAttempt current, int attempt)
    {
        var request = current.Request;
        var cancellationToken = current.CancellationToken;
        GraphSnapshot snapshot;
        SortedDictionary<string, StagedTableVersion> staged;
        using (var prepare = EngineTelemetry.Start("commit.prepare", graphId, request.Branch))
        {
            var head = await manifest.BeginWriteAsync(request.Branch, cancellationToken);
            var pinned = attempt == 1 && request.BaseManifestVersion is { } version && version != head.ManifestVersion;
            snapshot = pinned
                ? await manifest.ResolveSnapshotAsync(SnapshotTarget.AtVersion(request.Branch, request.BaseManifestVersion!.Value), cancellationToken)
                : head;
            current.Snapshot = snapshot;
            if (!pinned && request.ExpectedHeadCommit is { } expected && !string.Equals(expected, snapshot.Commit.Id, StringComparison.Ordinal))
            {
                throw new GraphPreconditionFailedException(request.Branch, expected, snapshot.Commit.Id);
            }

            if (request.SchemaHash is { } laidOutFor && !string.Equals(laidOutFor, snapshot.SchemaHash, StringComparison.Ordinal))
            {
                throw EngineErrors.SchemaChanged(request.Branch, laidOutFor, snapshot.SchemaHash);
            }

            var catalog = await _schemas.GetAsync(store, snapshot.SchemaHash, cancellationToken);
            staged = await PrepareAllAsync(graphId, current.Tx, snapshot, current.Writes, cancellationToken);
            current.Staged = staged;
            await new WriteValidator(_grains, graphId, catalog, snapshot, staged).ValidateAsync(cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            prepare?.SetTag("omnigraph.tables", staged.Count);
        }

        using var publish = EngineTelemetry.Start("commit.publish", graphId, request.Branch);
        await manifest.SubmitCommitAsync(RequestOf(current), cancellationToken);
    }

    /// <summary>The commit <paramref name="current"/> submits once staged and checked.</summary>
    private CommitRequest RequestOf(WriteAttempt current) =>
        CommitRequestFor(current.Tx, current.Snapshot!, current.Staged!, current.CommitId) with
        {
            ExpectedHeadCommit = current.Request.ExpectedHeadCommit,
            Actor = current.Request.Actor,
            Writer = current.Request.Writer,
        };

    /// <summary>
    /// The commit of the tables <paramref name="staged"/> under <paramref name="tx"/> on top of <paramref name="basis"/>:
    /// its base, each table's expected and staged versions with the objects still to flush, the commit id, a fresh
    /// rollback id and the time. Every writer (writes, merges, promotions, schema applies) submits one of these.
    /// </summary>
    internal CommitRequest CommitRequestFor(string tx, GraphSnapshot basis, SortedDictionary<string, StagedTableVersion> staged, string commitId) =>
        new(
            tx,
            basis.Branch,
            basis.ManifestVersion,
            basis.Commit.Id,
            [.. staged.Values.Select(static s => new TableCommitChange(s.Parent, s.Version) { Unflushed = s.Unflushed })],
            commitId,
            Ulid.NewUlid().ToString(),
            (_time.GetUtcNow().UtcTicks - DateTime.UnixEpoch.Ticks) / 10);

    /// <summary>
    /// Another writer published first, whichever step noticed it (the branch head check, a table head it moved, or the
    /// manifest version it took): to the caller that is the branch head moving under the write, so every writer reports
    /// it alike, with the commit it prepared on and the one now at the head. A table held by a write that has not
    /// published yet (the head has not moved) keeps the table-level conflict that names it.
    /// </summary>
    private static async Task<ReadSetChangedException> AsBranchConflictAsync(IManifestProtocol manifest, string branch, GraphSnapshot prepared, ReadSetChangedException conflict)
    {
        if (string.Equals(conflict.Member, ReadSetChangedException.GraphHead(branch), StringComparison.Ordinal))
        {
            return conflict;
        }

        var current = await manifest.ResolveSnapshotAsync(SnapshotTarget.Head(branch));
        return string.Equals(current.Commit.Id, prepared.Commit.Id, StringComparison.Ordinal)
            ? conflict
            : new ReadSetChangedException(ReadSetChangedException.GraphHead(branch), prepared.Commit.Id, current.Commit.Id, conflict);
    }

    private static GraphWriteResult Result(GraphSnapshot snapshot, CommitInfo commit, SortedDictionary<string, StagedTableVersion> staged, int attempts)
    {
        var tables = snapshot.Tables.Select(t => staged.TryGetValue(t.Table, out var s) ? s.Version : t).ToImmutableArray();
        var after = snapshot with { ManifestVersion = commit.ManifestVersion, Commit = commit, Tables = tables };
        var summaries = staged.Values
            .Select(static s => new TableWriteSummary(s.Version.Table, s.Inserted, s.Replaced, s.Deleted, s.Version.RowCount, s.Version.Version))
            .ToImmutableArray();
        return new GraphWriteResult(commit, after, summaries, attempts);
    }

    private ITableBranchProtocol TableGrain(string graphId, string table, string branch) =>
        _grains.GetGrain<ITableBranchProtocol>(GraphGrainKeys.TableBranch(graphId, table, branch));

    [LoggerMessage((int)LogEventId.GraphWriteReprepare, LogLevel.Debug, "Graph {GraphId}: write on {Branch} re-prepared after attempt {Attempt}: {Reason}")]
    private partial void LogReprepare(string graphId, string branch, int attempt, string reason);

    [LoggerMessage((int)LogEventId.GraphWriteAbortFailed, LogLevel.Debug, "Graph {GraphId}: aborting staging of {Tx} on {Table} failed")]
    private partial void LogAbortFailed(string graphId, string table, string tx, Exception exception);
}

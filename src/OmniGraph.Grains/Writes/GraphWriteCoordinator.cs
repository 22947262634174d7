using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmniGraph.Abstractions;
using OmniGraph.Grains.Access;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Grains.Hosting;
using OmniGraph.Grains.Schema;
using OmniGraph.Storage;

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

    /// <summary>Per graph and branch: the writes of this silo that chain onto commits in flight prepare one at a time.</summary>
    private readonly ConcurrentDictionary<(string Graph, string Branch), SemaphoreSlim> _gates = new();

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
        var store = await _directory.GetStoreAsync(graphId, cancellationToken);
        var attempts = request.RetryOnReadSetChange ? _options.MaxWriteAttempts : 1;

        // A write that may be re-prepared, and states no base of its own, chains onto the commits in flight (group
        // commit): it prepares on the last accepted commit and is published right after it. The writes of this silo to
        // one branch prepare one at a time (each on the previous one's result, none wasted), and their durable rounds
        // overlap with the next one's preparation.
        var chained = request.RetryOnReadSetChange && request.BaseManifestVersion is null && request.ExpectedHeadCommit is null;
        using var span = EngineTelemetry.Start("commit", graphId, request.Branch);
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            span?.SetTag("omnigraph.attempts", attempt);
            cancellationToken.ThrowIfCancellationRequested();
            var gate = chained ? _gates.GetOrAdd((graphId, request.Branch), static _ => new SemaphoreSlim(1, 1)) : null;
            var tx = Ulid.NewUlid().ToString();
            var commitId = Ulid.NewUlid().ToString();
            GraphSnapshot? snapshot = null;
            SortedDictionary<string, StagedTableVersion>? staged = null;
            try
            {
                var held = false;
                try
                {
                    if (gate is not null)
                    {
                        await gate.WaitAsync(cancellationToken);
                        held = true;
                    }

                    snapshot = await PrepareAndSubmitAsync(graphId, manifest, store, request, writes, attempt, chained, tx, commitId, cancellationToken, s => staged = s);
                }
                finally
                {
                    if (held)
                    {
                        gate!.Release();
                    }
                }

                // Submitted: the commit runs to its end whatever the caller does now, so its outcome is waited for.
                CommitInfo commit;
                using (EngineTelemetry.Start("commit.ack", graphId, request.Branch))
                {
                    commit = await manifest.WaitForCommitAsync(commitId, CancellationToken.None);
                }

                span?.SetTag("omnigraph.commit", commit.Id);
                EngineMetrics.RecordCommit(graphId, EngineMetrics.WriteCommit, started);
                return Result(snapshot, commit, staged!, attempt);
            }
            catch (ReadSetChangedException conflict) when (attempt < attempts)
            {
                await AbortAllAsync(graphId, tx, request.Branch, (IEnumerable<string>?)staged?.Keys ?? []);
                LogReprepare(graphId, request.Branch, attempt, conflict.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 2 * attempt)), cancellationToken);
            }
            catch (Exception exception) when (exception is not SimulatedCrashException)
            {
                EngineTelemetry.Fail(span, exception);
                EngineMetrics.RecordCommit(graphId, EngineMetrics.WriteCommit, started, exception);
                await AbortAllAsync(graphId, tx, request.Branch, (IEnumerable<string>?)staged?.Keys ?? []);
                if (exception is ReadSetChangedException conflict && snapshot is not null)
                {
                    throw await AsBranchConflictAsync(manifest, request.Branch, snapshot, conflict);
                }

                throw;
            }
        }
    }

    /// <summary>
    /// One attempt up to the commit's acceptance: the write's entry (which heals first, so the write never prepares
    /// against a head that recovery is about to move), the base snapshot, every table staged, the cross-table checks,
    /// and the commit submitted. Returns the snapshot it was prepared on; reports what it staged as soon as it has.
    /// </summary>
    private async Task<GraphSnapshot> PrepareAndSubmitAsync(
        string graphId,
        IManifestProtocol manifest,
        IObjectStore store,
        GraphWriteRequest request,
        TableWrite[] writes,
        int attempt,
        bool chained,
        string tx,
        string commitId,
        CancellationToken cancellationToken,
        Action<SortedDictionary<string, StagedTableVersion>> stagedBy)
    {
        GraphSnapshot snapshot;
        SortedDictionary<string, StagedTableVersion> staged;
        using (var prepare = EngineTelemetry.Start("commit.prepare", graphId, request.Branch))
        {
            var head = chained
                ? await manifest.BeginChainedWriteAsync(request.Branch, cancellationToken)
                : await manifest.BeginWriteAsync(request.Branch, cancellationToken);
            var pinned = attempt == 1 && request.BaseManifestVersion is { } version && version != head.ManifestVersion;
            snapshot = pinned
                ? await manifest.ResolveSnapshotAsync(SnapshotTarget.AtVersion(request.Branch, request.BaseManifestVersion!.Value), cancellationToken)
                : head;
            if (!pinned && request.ExpectedHeadCommit is { } expected && !string.Equals(expected, snapshot.Commit.Id, StringComparison.Ordinal))
            {
                throw new GraphPreconditionFailedException(request.Branch, expected, snapshot.Commit.Id);
            }

            if (request.SchemaHash is { } laidOutFor && !string.Equals(laidOutFor, snapshot.SchemaHash, StringComparison.Ordinal))
            {
                throw EngineErrors.SchemaChanged(request.Branch, laidOutFor, snapshot.SchemaHash);
            }

            var catalog = await _schemas.GetAsync(store, snapshot.SchemaHash, cancellationToken);
            staged = await PrepareAllAsync(graphId, tx, snapshot, writes, cancellationToken);
            stagedBy(staged);
            await new WriteValidator(_grains, graphId, catalog, snapshot, staged).ValidateAsync(cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            prepare?.SetTag("omnigraph.tables", staged.Count);
        }

        using var publish = EngineTelemetry.Start("commit.publish", graphId, request.Branch);
        await manifest.SubmitCommitAsync(
            CommitRequestFor(tx, snapshot, staged, commitId) with
            {
                ExpectedHeadCommit = request.ExpectedHeadCommit,
                Actor = request.Actor,
                Writer = request.Writer,
            },
            cancellationToken);
        return snapshot;
    }

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

    /// <summary>Checks the request's shape and orders its tables by key.</summary>
    private static TableWrite[] CheckRequest(GraphWriteRequest request)
    {
        if (string.IsNullOrEmpty(request.Branch))
        {
            throw EngineErrors.InvalidWrite("graph", "the write names no branch");
        }

        var writes = request.Tables.IsDefault ? [] : request.Tables.ToArray();
        foreach (var write in writes)
        {
            if (write is null || string.IsNullOrEmpty(write.Table))
            {
                throw EngineErrors.InvalidWrite("graph", "a table write names no table");
            }

            if (!Enum.IsDefined(write.Mode))
            {
                throw EngineErrors.InvalidWrite(write.Table, $"unknown write mode {(int)write.Mode}");
            }

            if (write.Mode == TableWriteMode.Overwrite && write.DeleteIds is { Count: > 0 })
            {
                throw EngineErrors.InvalidWrite(write.Table, "an overwrite replaces the table; it takes no ids to delete");
            }

            if (!write.Batches.IsDefault && write.Batches.Any(static b => b is null))
            {
                throw EngineErrors.InvalidWrite(write.Table, "a batch is null");
            }
        }

        Array.Sort(writes, static (a, b) => string.CompareOrdinal(a.Table, b.Table));
        for (var i = 1; i < writes.Length; i++)
        {
            if (string.Equals(writes[i - 1].Table, writes[i].Table, StringComparison.Ordinal))
            {
                throw EngineErrors.InvalidWrite(writes[i].Table, "the write names the table twice");
            }
        }

        return writes;
    }

    /// <summary>Refuses, before anything is staged, a write that adds more rows to a table than <see cref="OmniGraphOptions.MaxRowsPerTableWrite"/>.</summary>
    private void CheckLimits(TableWrite[] writes)
    {
        var limit = _options.MaxRowsPerTableWrite;
        if (limit <= 0)
        {
            return;
        }

        foreach (var write in writes)
        {
            long rows = 0;
            foreach (var fragment in write.StagedFragments.IsDefault ? [] : write.StagedFragments)
            {
                rows += fragment.Rows;
            }

            foreach (var batch in write.Batches.IsDefault ? [] : write.Batches)
            {
                rows += batch.Length;
            }

            if (rows > limit)
            {
                throw EngineErrors.ResourceLimitExceeded($"rows written to {write.Table}", limit, rows);
            }
        }
    }

    /// <summary>
    /// Stages every table at once (<paramref name="writes"/> in table-key order); if any fails, the others are aborted and
    /// the first failure in table order is reported. With <paramref name="violations"/>, tables refused for a key or
    /// <c>@unique</c> conflict are recorded there instead (every one) and nothing staged is returned.
    /// </summary>
    internal async Task<SortedDictionary<string, StagedTableVersion>> PrepareAllAsync(string graphId, string tx, GraphSnapshot snapshot, TableWrite[] writes, CancellationToken cancellationToken, WriteViolations? violations = null)
    {
        var bases = new TableVersionRef[writes.Length];
        for (var i = 0; i < writes.Length; i++)
        {
            bases[i] = snapshot.GetTable(writes[i].Table);
        }

        var tasks = new Task<StagedTableVersion>[writes.Length];
        for (var i = 0; i < writes.Length; i++)
        {
            var write = writes[i];
            var baseVersion = bases[i];
            var delta = new TableDelta(write.Mode, write.StagedFragments, write.Batches, write.DeleteIds, snapshot.Branch, snapshot.BranchIncarnation, snapshot.SchemaHash);
            tasks[i] = TableGrain(graphId, write.Table, snapshot.Branch).PrepareVersionAsync(tx, baseVersion, delta, cancellationToken);
        }

        try
        {
            await Task.WhenAll(tasks);
        }
        catch
        {
            await AbortAllAsync(graphId, tx, snapshot.Branch, writes.Select(static w => w.Table));
            if (violations is not null && RecordConflicts(writes, tasks, violations))
            {
                return new SortedDictionary<string, StagedTableVersion>(StringComparer.Ordinal);
            }

            foreach (var task in tasks)
            {
                if (task.IsFaulted)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(task.Exception!.InnerException!);
                }
            }

            throw;
        }

        var staged = new SortedDictionary<string, StagedTableVersion>(StringComparer.Ordinal);
        for (var i = 0; i < writes.Length; i++)
        {
            staged[writes[i].Table] = tasks[i].Result;
        }

        return staged;
    }

    /// <summary>Records every table refused for a key or <c>@unique</c> conflict; <c>false</c> when a table failed otherwise.</summary>
    private static bool RecordConflicts(TableWrite[] writes, Task<StagedTableVersion>[] tasks, WriteViolations violations)
    {
        var failures = new List<(string Table, OmniGraphException Error)>();
        for (var i = 0; i < tasks.Length; i++)
        {
            if (!tasks[i].IsFaulted)
            {
                continue;
            }

            if (OmniGraphErrors.Unwrap(tasks[i].Exception!.InnerException!) is not OmniGraphException { Code: ErrorCodes.UniqueViolation or ErrorCodes.KeyConflict } conflict)
            {
                return false;
            }

            failures.Add((writes[i].Table, conflict));
        }

        foreach (var (table, error) in failures)
        {
            violations.Add(table, error);
        }

        return failures.Count > 0;
    }

    /// <summary>Tells table grains to forget a failed attempt's staging (best effort: it only frees memory).</summary>
    internal async Task AbortAllAsync(string graphId, string tx, string branch, IEnumerable<string> tables)
    {
        foreach (var table in tables)
        {
            try
            {
                await TableGrain(graphId, table, branch).AbortAsync(tx);
            }
            catch (Exception exception) when (exception is not SimulatedCrashException)
            {
                LogAbortFailed(graphId, table, tx, exception);
            }
        }
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

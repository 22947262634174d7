using Microsoft.Extensions.Logging;
using OmniGraph.Schema;

namespace OmniGraph.Grains.Writes;

/// <summary>
/// Chained writes (group commit, docs/design/storage-engine.md §4.4, §5.1): the writes of this silo to one branch wait in
/// its <see cref="ChainedWriteQueue"/>, and one runner at a time prepares them in batches — one write entry, one grain
/// call per table for the whole batch (each version staged on the one before it), the cross-table checks of every write
/// on its own post-image, one submission — while the manifest grain's committer publishes the batches before. Each write
/// keeps its own transaction, version, commit and outcome: a write refused in a batch gets its refusal, the writes before
/// it go on, the writes after it (prepared on top of it) are prepared again in the next batch.
/// </summary>
public sealed partial class GraphWriteCoordinator
{
    /// <summary>Most writes prepared in one batch (the manifest grain's committer publishes at most as many at once).</summary>
    private const int MaxChainedBatch = 64;

    private long _chainedBatches;

    /// <summary>How many chained writes of this silo to <paramref name="branch"/> wait for a batch (diagnostics and tests).</summary>
    internal int ChainedWritesWaiting(string graphId, string branch) =>
        _queues.TryGetValue((graphId, branch), out var queue) ? queue.Waiting : 0;

    /// <summary>Batches of chained writes this silo has prepared (diagnostics and tests).</summary>
    internal long ChainedBatches => Interlocked.Read(ref _chainedBatches);

    /// <summary>Queues <paramref name="current"/> and waits until a batch has submitted it (or says why not).</summary>
    private async Task PrepareAndSubmitChainedAsync(string graphId, WriteAttempt current)
    {
        var request = current.Request;
        var queue = _queues.GetOrAdd((graphId, request.Branch), static _ => new ChainedWriteQueue());
        using (var prepare = EngineTelemetry.Start("commit.prepare", graphId, request.Branch))
        {
            // A writer that gives up while its write waits takes it out; once a batch took it, the batch honours the token
            // up to the submission.
            using var registration = current.CancellationToken.Register(() =>
            {
                if (queue.TryRemove(current))
                {
                    current.Fail(new OperationCanceledException(current.CancellationToken));
                }
            });
            if (queue.Add(current))
            {
                _ = Task.Run(() => RunChainedQueueAsync(graphId, queue));
            }

            await current.Prepared.Task;
            prepare?.SetTag("omnigraph.tables", current.Staged?.Count ?? 0);
        }

        using var publish = EngineTelemetry.Start("commit.publish", graphId, request.Branch);
        await current.Submitted.Task;
    }

    /// <summary>The runner: batch after batch until nothing waits (off any grain's turn: it calls grains as the writers would).</summary>
    private async Task RunChainedQueueAsync(string graphId, ChainedWriteQueue queue)
    {
        while (queue.Take(MaxChainedBatch) is { } batch)
        {
            try
            {
                await RunChainedBatchAsync(graphId, queue, batch);
            }
            catch (Exception exception)
            {
                // Whatever stopped the batch ends the writes it had not finished (a finished one ignores this).
                foreach (var attempt in batch)
                {
                    attempt.Fail(exception);
                }
            }
        }
    }

    private async Task RunChainedBatchAsync(string graphId, ChainedWriteQueue queue, List<WriteAttempt> batch)
    {
        Interlocked.Increment(ref _chainedBatches);
        var branch = batch[0].Request.Branch;
        var manifest = _grains.GetGrain<IManifestProtocol>(graphId);

        // A write alone keeps its own token throughout, as a write that does not chain; a batch's calls serve several
        // writers, so they run to their end and each writer's token is looked at between them.
        var shared = batch.Count == 1 ? batch[0].CancellationToken : CancellationToken.None;
        var store = await _directory.GetStoreAsync(graphId, shared);
        var head = await manifest.BeginChainedWriteAsync(branch, shared);
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].Request.SchemaHash is { } laidOutFor && !string.Equals(laidOutFor, head.SchemaHash, StringComparison.Ordinal))
            {
                await CutAsync(graphId, queue, batch, i, EngineErrors.SchemaChanged(branch, laidOutFor, head.SchemaHash));
                break;
            }
        }

        if (batch.Count == 0)
        {
            return;
        }

        var catalog = await _schemas.GetAsync(store, head.SchemaHash, shared);
        if (!await PrepareTogetherAsync(graphId, head, batch, shared))
        {
            await PrepareOneByOneAsync(graphId, queue, head, batch, shared);
        }

        await ValidateAllAsync(graphId, queue, catalog, batch, shared);
        if (batch.Count == 0)
        {
            return;
        }

        foreach (var attempt in batch)
        {
            attempt.Prepared.TrySetResult();
        }

        int accepted;
        try
        {
            accepted = await manifest.SubmitCommitsAsync([.. batch.Select(RequestOf)], shared);
        }
        catch (Exception exception) when (exception is not SimulatedCrashException)
        {
            await CutAsync(graphId, queue, batch, 0, exception);
            return;
        }

        for (var i = 0; i < accepted; i++)
        {
            batch[i].Submitted.TrySetResult();
        }

        // The writes the manifest grain left (a refusal after the first): prepared again, the refused one first, whose
        // own submission then says why.
        if (accepted < batch.Count)
        {
            await CutAsync(graphId, queue, batch, accepted, null);
        }
    }

    /// <summary>
    /// Stages every write of <paramref name="batch"/>, each table's versions in one call to its grain; <c>false</c> (and
    /// nothing staged) when any table refused.
    /// </summary>
    private async Task<bool> PrepareTogetherAsync(string graphId, GraphSnapshot head, List<WriteAttempt> batch, CancellationToken cancellationToken)
    {
        // Per table, the writes that change it, in batch order.
        var byTable = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            foreach (var write in batch[i].Writes)
            {
                if (!byTable.TryGetValue(write.Table, out var writers))
                {
                    writers = [];
                    byTable[write.Table] = writers;
                }

                writers.Add(i);
            }
        }

        var tables = byTable.Keys.ToArray();
        var calls = new Task<ImmutableArray<StagedTableVersion>>[tables.Length];
        try
        {
            for (var t = 0; t < tables.Length; t++)
            {
                var table = tables[t];
                var preparations = byTable[table]
                    .Select(i => new TablePreparation(batch[i].Tx, DeltaOf(batch[i].Writes.First(w => string.Equals(w.Table, table, StringComparison.Ordinal)), head)))
                    .ToImmutableArray();
                calls[t] = TableGrain(graphId, table, head.Branch).PrepareVersionsAsync(head.GetTable(table), preparations, cancellationToken);
            }

            await Task.WhenAll(calls);
        }
        catch (Exception exception) when (exception is not SimulatedCrashException)
        {
            // Some table refused a write: which one is found by preparing them one by one. What the other tables staged
            // is forgotten (once every call has ended), and every write gets a new transaction (its version objects were
            // written under the old one).
            foreach (var call in calls)
            {
                if (call is not null)
                {
                    await call.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }
            }

            foreach (var attempt in batch)
            {
                await AbortAllAsync(graphId, attempt.Tx, head.Branch, attempt.Writes.Select(static w => w.Table));
                attempt.Renew();
            }

            return false;
        }

        var staged = batch.Select(static _ => new SortedDictionary<string, StagedTableVersion>(StringComparer.Ordinal)).ToArray();
        for (var t = 0; t < tables.Length; t++)
        {
            var versions = calls[t].Result;
            var writers = byTable[tables[t]];
            for (var k = 0; k < writers.Count; k++)
            {
                staged[writers[k]][tables[t]] = versions[k];
            }
        }

        var snapshot = head;
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Snapshot = snapshot;
            batch[i].Staged = staged[i];
            snapshot = After(snapshot, batch[i]);
        }

        return true;
    }

    /// <summary>Stages the writes one after another, each on the one before; the first refused gets its refusal and the rest wait for the next batch.</summary>
    private async Task PrepareOneByOneAsync(string graphId, ChainedWriteQueue queue, GraphSnapshot head, List<WriteAttempt> batch, CancellationToken cancellationToken)
    {
        var snapshot = head;
        for (var i = 0; i < batch.Count; i++)
        {
            var attempt = batch[i];
            attempt.Snapshot = snapshot;
            try
            {
                attempt.Staged = await PrepareAllAsync(graphId, attempt.Tx, snapshot, attempt.Writes, batch.Count == 1 ? attempt.CancellationToken : cancellationToken);
            }
            catch (Exception exception) when (exception is not SimulatedCrashException)
            {
                await CutAsync(graphId, queue, batch, i, exception);
                return;
            }

            snapshot = After(snapshot, attempt);
        }
    }

    /// <summary>
    /// The cross-table checks of every write on its own post-image (all at once), and each writer's token: the first write
    /// refused or given up ends the batch there.
    /// </summary>
    private async Task ValidateAllAsync(string graphId, ChainedWriteQueue queue, SchemaCatalog catalog, List<WriteAttempt> batch, CancellationToken cancellationToken)
    {
        var checks = batch.Select(a => new WriteValidator(_grains, graphId, catalog, a.Snapshot!, a.Staged!).ValidateAsync(cancellationToken)).ToArray();
        try
        {
            await Task.WhenAll(checks);
        }
        catch (Exception exception) when (exception is not SimulatedCrashException)
        {
            // Each check's own failure is read below.
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (checks[i].IsFaulted || checks[i].IsCanceled || batch[i].CancellationToken.IsCancellationRequested)
            {
                var error = checks[i].Exception?.InnerException
                    ?? new OperationCanceledException(batch[i].CancellationToken.IsCancellationRequested ? batch[i].CancellationToken : cancellationToken);
                await CutAsync(graphId, queue, batch, i, error);
                return;
            }
        }
    }

    /// <summary>
    /// Ends the batch at <paramref name="index"/>: that write fails with <paramref name="error"/> (or, without one, waits
    /// for the next batch), and the writes after it, prepared on top of it, wait for the next batch. What they staged is
    /// forgotten; <paramref name="batch"/> keeps the writes before.
    /// </summary>
    private async Task CutAsync(string graphId, ChainedWriteQueue queue, List<WriteAttempt> batch, int index, Exception? error)
    {
        var rest = batch.GetRange(index, batch.Count - index);
        batch.RemoveRange(index, batch.Count - index);
        foreach (var attempt in rest)
        {
            if (attempt.Staged is { } staged)
            {
                await AbortAllAsync(graphId, attempt.Tx, attempt.Request.Branch, staged.Keys);
            }

            attempt.Renew();
        }

        if (error is not null)
        {
            LogChainedWriteRefused(graphId, rest[0].Request.Branch, error.Message);
            rest[0].Fail(error);
            rest.RemoveAt(0);
        }

        if (rest.Count > 0)
        {
            queue.Requeue(rest);
        }
    }

    /// <summary>The write's change of one table, on <paramref name="basis"/>'s chain.</summary>
    private static TableDelta DeltaOf(TableWrite write, GraphSnapshot basis) =>
        new(write.Mode, write.StagedFragments, write.Batches, write.DeleteIds, basis.Branch, basis.BranchIncarnation, basis.SchemaHash);

    /// <summary>The snapshot <paramref name="attempt"/> leaves once published: what the write after it in the batch prepares on.</summary>
    private GraphSnapshot After(GraphSnapshot basis, WriteAttempt attempt)
    {
        var version = basis.ManifestVersion + 1;
        var commit = new CommitInfo(attempt.CommitId, basis.Branch, version, basis.Commit.Id, null, attempt.Request.Actor, (_time.GetUtcNow().UtcTicks - DateTime.UnixEpoch.Ticks) / 10, attempt.Request.Writer);
        var tables = basis.Tables.Select(t => attempt.Staged!.TryGetValue(t.Table, out var s) ? s.Version : t).ToImmutableArray();
        return basis with { ManifestVersion = version, Commit = commit, Tables = tables };
    }

    [LoggerMessage((int)LogEventId.GraphWriteChainedRefused, LogLevel.Debug, "Graph {GraphId}: a chained write on {Branch} left its batch: {Reason}")]
    private partial void LogChainedWriteRefused(string graphId, string branch, string reason);
}

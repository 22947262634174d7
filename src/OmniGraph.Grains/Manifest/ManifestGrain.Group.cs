namespace OmniGraph.Grains.Manifest;

/// <summary>
/// Group commit (docs/design/storage-engine.md §5): accepted commits queue per branch incarnation, each based on the one
/// before it, and the group committer publishes everything queued in one batch of three rounds of flushes — every staged
/// object flushed and the batch's one sidecar, every commit pointer and manifest prepared together; the sidecar and every
/// pointer published together; every manifest published in version order, their names flushed together. Each commit keeps its own version,
/// commit and outcome: a commit whose version another writer took fails with <c>read_set_conflict</c>, and so does every
/// commit based on it, while the commits before it stand. The committer runs in the background on the grain's scheduler,
/// interleaving with the grain's requests at its awaits; what it shares with them changes only between awaits.
/// </summary>
internal sealed partial class ManifestGrain
{
    /// <summary>Most commits published in one batch (bounds a batch's sidecars, which carry their predecessors).</summary>
    private const int MaxBatch = 64;

    /// <summary>Accepted commits not yet in a batch, per branch incarnation, in version order.</summary>
    private readonly Dictionary<string, List<PendingCommit>> _queued = new(StringComparer.Ordinal);

    /// <summary>The last accepted commit not yet decided, per branch incarnation: what a chained write prepares on.</summary>
    private readonly Dictionary<string, PendingCommit> _tails = new(StringComparer.Ordinal);

    /// <summary>Accepted commits whose writer has not taken the outcome yet, by commit id.</summary>
    private readonly Dictionary<string, PendingCommit> _outcomes = new(StringComparer.Ordinal);

    /// <summary>The sidecars of accepted commits not yet published or failed: a heal leaves them to the committer.</summary>
    private readonly HashSet<string> _inFlight = new(StringComparer.Ordinal);

    /// <summary>
    /// Orders the write-side calls (write entries, submissions, heals, repairs, forks, init): submissions and chained
    /// write entries interleave with the waits of commits in flight (which last their whole rounds), so the grain's turns
    /// alone no longer keep them from running in the middle of one another.
    /// </summary>
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    private Task _committer = Task.CompletedTask;
    private bool _committing;

    /// <summary>Enters <see cref="_writeGate"/>; disposing the result leaves it.</summary>
    private async Task<IDisposable> EnterWriteGateAsync()
    {
        await _writeGate.WaitAsync();
        return new GateExit(_writeGate);
    }

    /// <summary>The manifest the last accepted, undecided commit of the incarnation publishes, if any.</summary>
    private ManifestDocument? TailOf(string incarnation) => _tails.TryGetValue(incarnation, out var tail) ? tail.Manifest : null;

    /// <summary>Whether this activation's committer or completions own the sidecar (a heal leaves it alone).</summary>
    private bool OwnsSidecar(string key) => _inFlight.Contains(key) || _completing.Contains(key);

    /// <summary>Queues an accepted commit and makes sure the committer runs.</summary>
    private void Enqueue(PendingCommit commit)
    {
        var incarnation = commit.Branch.Incarnation;
        if (!_queued.TryGetValue(incarnation, out var queue))
        {
            queue = [];
            _queued[incarnation] = queue;
        }

        queue.Add(commit);
        _tails[incarnation] = commit;
        _outcomes[commit.Request.CommitId] = commit;
        _inFlight.Add(commit.SidecarKey);
        if (!_committing)
        {
            _committing = true;
            _committer = RunCommitterAsync();
            _completionTracker.Track(_committer);
        }
    }

    /// <summary>Waits until no commit of the incarnation is accepted and undecided.</summary>
    private async Task DrainAsync(string incarnation)
    {
        while (_tails.TryGetValue(incarnation, out var tail))
        {
            await ((Task)tail.Outcome.Task).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task RunCommitterAsync()
    {
        try
        {
            while (TakeBatch() is { } batch)
            {
                await CommitBatchAsync(batch);
            }
        }
        finally
        {
            _committing = false;
        }
    }

    /// <summary>Everything queued for one incarnation (at most <see cref="MaxBatch"/>), or <c>null</c> when nothing is.</summary>
    private List<PendingCommit>? TakeBatch()
    {
        foreach (var (incarnation, queue) in _queued)
        {
            if (queue.Count == 0)
            {
                continue;
            }

            var count = Math.Min(queue.Count, MaxBatch);
            var batch = queue.GetRange(0, count);
            queue.RemoveRange(0, count);
            if (queue.Count == 0)
            {
                _queued.Remove(incarnation);
            }

            return batch;
        }

        return null;
    }

    /// <summary>Publishes one batch; every member's outcome is set, and never throws.</summary>
    private async Task CommitBatchAsync(List<PendingCommit> batch)
    {
        var first = batch[0];

        // The batch continues the published head, or a commit it was based on failed and it cannot publish.
        GraphSnapshot published;
        try
        {
            published = await ResolveHeadAsync(first.Branch, verifyFigures: false);
        }
        catch (Exception exception)
        {
            Fail(batch, 0, exception);
            return;
        }

        if (published.ManifestVersion != first.Request.BaseVersion || !string.Equals(published.Commit.Id, first.Request.BaseCommitId, StringComparison.Ordinal))
        {
            Fail(batch, 0, new ReadSetChangedException(ReadSetChangedException.GraphHead(first.Branch.Name), first.Request.BaseCommitId, published.Commit.Id));
            return;
        }

        // One sidecar for the whole batch: its last member's, carrying every member before it (format 3). A sidecar per
        // member carried the members before it too, so the batch serialized a chain that grew with every member.
        var last = batch[^1];
        foreach (var member in batch)
        {
            member.BatchLast = last;
        }

        var prepared = await WriteSidecarAsync(batch, SidecarOf(batch, published));
        if (prepared is null)
        {
            return;
        }

        var publishedCount = await PublishManifestsAsync(batch, prepared);
        if (publishedCount > 0)
        {
            CompleteInBackground(batch.GetRange(0, publishedCount));
        }
    }

    /// <summary>The batch's sidecar: its last member's, the members before it its predecessors.</summary>
    private SidecarDocument SidecarOf(List<PendingCommit> batch, GraphSnapshot published)
    {
        var commit = batch[^1];
        return new SidecarDocument
        {
            SidecarFormat = StorageFormat.SidecarFormat,
            Tx = commit.Tx,
            Writer = commit.Request.Writer,
            CreatedAt = NowMicros(),
            Branch = commit.Branch.Name,
            BranchIncarnation = commit.Branch.Incarnation,
            BaseVersion = published.ManifestVersion,
            BaseCommit = published.Commit.Id,
            CommitId = commit.Request.CommitId,
            RollbackCommitId = commit.Request.RollbackCommitId,
            Actor = commit.Request.Actor,
            Tables = commit.Tables(),
            Manifest = commit.Manifest,
            Predecessors = [.. batch.Take(batch.Count - 1).Select(static c => c.ToLink())],
            Audit = commit.Audit,
        };
    }

    /// <summary>
    /// Rounds 1 and 2: every staged object of the batch flushed, with the batch's sidecar and every commit pointer and
    /// manifest prepared; then the sidecar and the pointers published. Returns the prepared manifests, or <c>null</c> when
    /// the batch failed (its outcomes are set: a plain failure before the sidecar is published, <c>recovery_required</c>
    /// after).
    /// </summary>
    private async Task<PreparedPut[]?> WriteSidecarAsync(List<PendingCommit> batch, SidecarDocument sidecar)
    {
        var count = batch.Count;
        var unflushed = batch.SelectMany(static c => c.Changes).SelectMany(static c => c.Unflushed.IsDefault ? [] : c.Unflushed).ToList();

        // Per member its commit pointer (2i) and its manifest (2i + 1); the batch's sidecar last.
        var prepared = new PreparedPut?[(2 * count) + 1];
        var sidecarAt = 2 * count;
        var sidecarKey = batch[^1].SidecarKey;
        var operations = new List<Func<Task>>
        {
            async () => await _store.FlushAsync(unflushed),
            async () => prepared[sidecarAt] = await _store.PreparePutAsync(sidecarKey, StoredDocuments.Serialize(sidecar)),
        };
        for (var i = 0; i < count; i++)
        {
            var (member, at) = (batch[i], 2 * i);
            var pointer = new CommitPointerDocument
            {
                Format = StorageFormat.ObjectFormat,
                CommitId = member.Request.CommitId,
                Branch = member.Branch.Name,
                BranchIncarnation = member.Branch.Incarnation,
                ManifestVersion = member.Manifest.Version,
            };
            operations.Add(async () => prepared[at] = await _store.PreparePutAsync(GraphObjectKeys.CommitPointer(member.Request.CommitId), StoredDocuments.Serialize(pointer)));
            operations.Add(async () => prepared[at + 1] = await _store.PreparePutAsync(GraphObjectKeys.Manifest(member.Branch.Incarnation, member.Manifest.Version), StoredDocuments.Serialize(member.Manifest)));
        }

        try
        {
            // Round 1: the staged objects must be durable before anything durable names them (the sidecars do).
            await _failpoints.BeforeAsync(Failpoints.CommitStagedFlush);
            await DurableRound.RunAsync([.. operations]);
            _failpoints.After(Failpoints.CommitStagedFlush);
            await _failpoints.BeforeAsync(Failpoints.CommitSidecarWrite);
        }
        catch (Exception exception)
        {
            // Nothing is published: the writes fail, leaving only objects nobody names.
            await DiscardAllAsync(prepared);
            LogSidecarWriteFailed(GraphId, batch[^1].Tx, exception);
            Fail(batch, 0, exception, abandon: exception is SimulatedCrashException);
            return null;
        }

        try
        {
            // Round 2: the sidecar and the pointers become visible and durable. From here on each write is complete on disk
            // (a heal publishes a sidecar whose staged objects are durable), so it can no longer simply fail.
            // Every name linked, then each directory flushed once (the bytes were flushed in round 1): one flush deep
            // however many members, where a publish per object would flush the same two directories once per object.
            // The pointers are linked before the sidecar: once the sidecar is visible another silo's heal may roll the
            // write forward and write its pointers itself, which would make this writer's create-if-absent links fail.
            // Links cost no flush, so the order adds no flush; both directories are flushed once below.
            var publications = new List<Func<Task>>(count);
            var names = new List<string>(count + 1) { sidecarKey };
            for (var i = 0; i < count; i++)
            {
                var at = 2 * i;
                publications.Add(async () => await _store.PublishUnflushedAsync(prepared[at]!, WriteCondition.IfNotExists));
                names.Add(prepared[at]!.Key);
            }

            await DurableRound.RunAsync([.. publications]);
            await _store.PublishUnflushedAsync(prepared[sidecarAt]!, WriteCondition.IfNotExists);
            await _store.FlushNamesAsync(names);
            _failpoints.After(Failpoints.CommitSidecarWrite);
        }
        catch (Exception exception)
        {
            // A sidecar may have landed (a failure after its link): the outcome is recovery's, which publishes the write if
            // it did. Telling the writer it failed could be contradicted by a heal.
            await DiscardAllAsync([.. Enumerable.Range(0, count).Select(i => prepared[(2 * i) + 1])]);
            LogSidecarWriteFailed(GraphId, batch[^1].Tx, exception);
            Fail(batch, 0, exception is SimulatedCrashException ? exception : new RecoveryRequiredException(batch[^1].Tx, sidecarKey, "writing the recovery sidecar failed part way; the next heal publishes the write if the sidecar was written", exception), abandon: true);
            return null;
        }

        return [.. Enumerable.Range(0, count).Select(i => prepared[(2 * i) + 1]!)];
    }

    /// <summary>
    /// Round 3, the commit point of each member: its manifest published (create-if-absent) in version order, then every
    /// published name flushed at once; a member is acknowledged once that flush returns. A version another writer took
    /// ends the batch there (that member and those after it conflict). Returns how many members were published.
    /// </summary>
    private async Task<int> PublishManifestsAsync(List<PendingCommit> batch, PreparedPut[] manifests)
    {
        var published = new List<ManifestDocument>(batch.Count);
        Exception? stop = null;
        try
        {
            await _failpoints.BeforeAsync(Failpoints.CommitManifestPublish);
            for (var i = 0; i < batch.Count; i++)
            {
                var member = batch[i];
                try
                {
                    await _store.PublishUnflushedAsync(manifests[i], WriteCondition.IfNotExists);
                    published.Add(member.Manifest);
                }
                catch (ObjectPreconditionFailedException)
                {
                    var winner = await ReadManifestAsync(member.Branch.Incarnation, member.Manifest.Version);
                    if (!string.Equals(winner.Commit.Id, member.Request.CommitId, StringComparison.Ordinal))
                    {
                        NoteHead(winner);
                        stop = new ReadSetChangedException(ReadSetChangedException.GraphHead(member.Branch.Name), member.Request.BaseCommitId, await CurrentHeadCommitAsync(member.Branch, winner));
                        break;
                    }

                    // A heal (of another process) published this very write: it is this write's success.
                    published.Add(winner);
                }
            }

            await _store.FlushNamesAsync([.. published.Select(static m => GraphObjectKeys.Manifest(m.BranchIncarnation, m.Version))]);
            _failpoints.After(Failpoints.CommitManifestPublish);
        }
        catch (Exception exception)
        {
            // Whatever was linked may or may not survive a crash: recovery decides, from the sidecars (each complete).
            await DiscardAllAsync([.. manifests.Skip(published.Count)]);
            LogPublishFailed(GraphId, batch[0].Tx, exception);
            Fail(batch, 0, exception is SimulatedCrashException ? exception : new RecoveryRequiredException(batch[^1].Tx, batch[^1].SidecarKey, "publishing the manifest failed; the next heal decides the write's outcome", exception), abandon: true);
            return 0;
        }

        try
        {
            await AppendPublishedAuditsAsync(batch, published.Count);
        }
        catch (SimulatedCrashException crash)
        {
            // The writes are published; their sidecars (each owing its entry) are the heal's.
            Fail(batch, 0, crash, abandon: true);
            return 0;
        }

        for (var i = 0; i < published.Count; i++)
        {
            var (member, manifest) = (batch[i], published[i]);
            CacheManifest(manifest);
            NoteHead(manifest);
            foreach (var change in member.Changes)
            {
                NoteFigureVerified(change.Staged.Key);
            }

            // Its own name marks the write as being completed (a head behind its version is in flight, not damaged); the
            // batch's sidecar, which covers it, is its completion's to delete.
            _inFlight.Remove(member.SidecarKey);
            _completing.Add(member.SidecarKey);
            _completing.Add(member.BatchSidecarKey);
            ForgetTail(member);
            member.Outcome.TrySetResult(StoredDocuments.ToCommit(manifest));
            LogCommitted(GraphId, member.Branch.Name, manifest.Version, member.Request.CommitId, member.Changes.Count);
        }

        if (stop is not null)
        {
            // The version was taken: this member and the ones based on it can never publish. No head of theirs moved.
            // The batch's sidecar still covers the members that stand (their completion deletes it; a heal publishes
            // them and stops at the taken version); with none standing it goes now.
            await DiscardAllAsync([.. manifests.Skip(published.Count)]);
            if (published.Count == 0)
            {
                await TryDeleteAsync(batch[^1].SidecarKey);
            }

            Fail(batch, published.Count, stop);
        }

        return published.Count;
    }

    /// <summary>The branch's head commit now (a conflict names it: the winner may have been followed by more commits already).</summary>
    private async Task<string> CurrentHeadCommitAsync(BranchInfo branch, ManifestDocument winner)
    {
        try
        {
            return (await ResolveHeadAsync(branch, verifyFigures: false)).Commit.Id;
        }
        catch (OmniGraphException)
        {
            // The branch cannot be resolved now (that error reaches the caller's next call): the winner is still true.
            return winner.Commit.Id;
        }
    }

    /// <summary>
    /// Fails the members of <paramref name="batch"/> from <paramref name="from"/> on with <paramref name="error"/> (the
    /// first) and what follows from it (the others: their base failed), and every commit queued after them on the same
    /// incarnation. With <paramref name="abandon"/> their sidecars may exist: the next write entry heals them.
    /// </summary>
    private void Fail(List<PendingCommit> batch, int from, Exception error, bool abandon = false)
    {
        var incarnation = batch[0].Branch.Incarnation;
        var doomed = batch.Skip(from).ToList();
        if (_queued.Remove(incarnation, out var queued))
        {
            doomed.AddRange(queued);
        }

        for (var i = 0; i < doomed.Count; i++)
        {
            var commit = doomed[i];
            _inFlight.Remove(commit.SidecarKey);
            ForgetTail(commit);
            var inBatch = i < batch.Count - from;
            if (abandon && inBatch)
            {
                Abandon(commit.Tx);
            }

            commit.Outcome.TrySetException(
                error is RecoveryRequiredException recovery && inBatch ? new RecoveryRequiredException(commit.Tx, commit.BatchSidecarKey, recovery.Reason, recovery.InnerException ?? recovery)
                : i == 0 || (error is SimulatedCrashException && inBatch) ? error
                : new ReadSetChangedException(ReadSetChangedException.GraphHead(commit.Branch.Name), commit.Request.BaseCommitId, _heads.TryGetValue(incarnation, out var head) ? head.Commit.Id : null));
        }
    }

    /// <summary>Drops the tail of the commit's incarnation when it is that commit (the next write prepares on the published head).</summary>
    private void ForgetTail(PendingCommit commit)
    {
        if (_tails.TryGetValue(commit.Branch.Incarnation, out var tail) && ReferenceEquals(tail, commit))
        {
            _tails.Remove(commit.Branch.Incarnation);
        }
    }

    /// <summary>Leaves the write gate once.</summary>
    private sealed class GateExit(SemaphoreSlim gate) : IDisposable
    {
        private int _exited;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _exited, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}

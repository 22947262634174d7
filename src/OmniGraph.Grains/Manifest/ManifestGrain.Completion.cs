namespace OmniGraph.Grains.Manifest;

/// <summary>
/// The part of a commit after its acknowledgement (docs/design/storage-engine.md §5, step 6): once the manifest version
/// is published the write is durable, so moving the table heads to it and deleting the sidecar need not delay the writer.
/// They run in the background, one commit after another in commit order (a head moves from the version the previous
/// commit installed), and until a commit's are done its sidecar stays and covers them: the heal of another process, or of
/// this one after a failure, rolls the write forward (§6). A heal of this activation skips the sidecars being completed.
/// </summary>
internal sealed partial class ManifestGrain
{
    /// <summary>The last completion started: each new one runs after it.</summary>
    private Task _completions = Task.CompletedTask;

    /// <summary>The sidecars of completions in progress: a heal leaves them to their completion.</summary>
    private readonly HashSet<string> _completing = new(StringComparer.Ordinal);

    /// <summary>
    /// Waits until the committer and every completion started so far have finished (they never fault: failures leave
    /// sidecars to the heal).
    /// </summary>
    private async Task SettleCompletionsAsync()
    {
        while (!_committer.IsCompleted || !_completions.IsCompleted)
        {
            await _committer;
            await _completions;
        }
    }

    /// <summary>
    /// Starts the completion of published commits (one batch, in version order; their sidecars are already registered in
    /// <see cref="_completing"/>) after those already running.
    /// </summary>
    private void CompleteInBackground(List<PendingCommit> published)
    {
        _completions = CompleteAsync(_completions, published);
        _completionTracker.Track(_completions);
    }

    private async Task CompleteAsync(Task previous, List<PendingCommit> published)
    {
        // Its failure leaves its sidecars to the heal; this one still runs (a head move that needed it then conflicts, and
        // leaves these sidecars to the heal too, which handles both in commit order).
        await previous;
        var branch = published[0].Branch;
        try
        {
            // Each table's head moves once, from its version before the batch to the last version the batch staged.
            foreach (var (change, manifestVersion, earlier) in HeadMoves(published))
            {
                await _failpoints.BeforeAsync(Failpoints.CommitTableHeadAdvance, change.Staged.Table);
                await MoveHeadToPublishedAsync(branch, published[0].Request.BaseVersion, change, manifestVersion);
                _failpoints.After(Failpoints.CommitTableHeadAdvance, change.Staged.Table);
                foreach (var tx in earlier)
                {
                    // The versions the batch staged before the last one are published, not heads: let go of them.
                    await TableGrain(change.Staged.Table, branch.Name).AbortAsync(tx);
                }
            }

            // A commit that moved no table head leaves no head record naming its version: the hint is then its only
            // durable evidence once the sidecar is gone (§6.1), so it is written before the sidecar goes.
            await PersistHeadHintsQuietlyAsync(force: published.Any(static c => c.Changes.Count == 0));

            await _failpoints.BeforeAsync(Failpoints.CommitSidecarDelete);
            // The batch's one sidecar (it also names members after the published ones when a version was taken: the heal
            // would stop there). A sidecar that carries an audit entry still owed stays: the heal appends the entries of
            // the links that stand (idempotently), then deletes it.
            if (!published.Any(static c => c.AuditOwed))
            {
                await _store.DeleteAllAsync([.. published.Select(static c => c.BatchSidecarKey).Distinct(StringComparer.Ordinal)]);
            }

            _failpoints.After(Failpoints.CommitSidecarDelete);
        }
        catch (Exception exception)
        {
            // Includes a simulated crash: the writes are published either way, and the sidecars (if still there) are the
            // heal's, at the next write entry whatever their age.
            foreach (var commit in published)
            {
                Abandon(commit.Tx);
                Abandon((commit.BatchLast ?? commit).Tx);
            }

            LogCompletionFailed(GraphId, published[^1].Tx, exception);
        }
        finally
        {
            foreach (var commit in published)
            {
                _completing.Remove(commit.SidecarKey);
                _completing.Remove(commit.BatchSidecarKey);
            }
        }
    }

    /// <summary>
    /// One move per table the batch wrote, in table-key order: from the version the first commit expected to the version
    /// the last one staged, recording the manifest version of that last commit; and the transactions of the commits
    /// before it that staged versions of the table.
    /// </summary>
    private static List<(TableCommitChange Change, long ManifestVersion, List<string> Earlier)> HeadMoves(List<PendingCommit> published)
    {
        var moves = new SortedDictionary<string, (TableCommitChange Change, long ManifestVersion, List<string> Earlier)>(StringComparer.Ordinal);
        foreach (var commit in published)
        {
            foreach (var change in commit.Changes)
            {
                var table = change.Staged.Table;
                if (moves.TryGetValue(table, out var move))
                {
                    move.Earlier.Add(move.Change.Staged.Tx!);
                    moves[table] = (move.Change with { Staged = change.Staged }, commit.Manifest.Version, move.Earlier);
                }
                else
                {
                    moves[table] = (change, commit.Manifest.Version, []);
                }
            }
        }

        return [.. moves.Values];
    }

    /// <summary>
    /// Moves one table head to the version the published commits staged (possibly several versions past its head: one
    /// move for a batch). A head already there (a heal of another process rolled the write forward) or past it is left
    /// alone. On any other conflict the head record is classified (§6.1): a head left by an abandoned write of an earlier
    /// protocol that no sidecar covers and whose version another commit took (an orphan) is reset and the move retried
    /// once; anything else is left to the heal (the sidecar stays).
    /// </summary>
    private async Task MoveHeadToPublishedAsync(BranchInfo branch, long baseVersion, TableCommitChange change, long manifestVersion)
    {
        var grain = TableGrain(change.Staged.Table, branch.Name);
        var move = new TableHeadMove(change.Staged.Tx!, change.Expected, change.Staged, manifestVersion);
        TableVersionRef orphan;
        try
        {
            await grain.AdvanceHeadAsync(move);
            return;
        }
        catch (TableHeadConflictException)
        {
            var record = await grain.GetHeadRecordAsync(refresh: true);
            if (record.Head is { } current && string.Equals(current.ChainIncarnation, change.Staged.ChainIncarnation, StringComparison.Ordinal)
                && (change.Staged.SameVersionAs(current) || current.Version > change.Staged.Version))
            {
                return;
            }

            // The version the head should be at was published at or before the batch's base.
            var verdict = await ClassifyHeadAsync(branch, baseVersion, change.Expected, record);
            if (verdict.Relation != HeadRelation.Orphan)
            {
                throw;
            }

            orphan = record.Head!;
        }

        LogOrphanedHeadRepaired(GraphId, change.Staged.Table, orphan.ToString(), change.Expected.ToString());
        await grain.RollBackHeadAsync(orphan.Tx!, orphan, change.Expected);
        await grain.AdvanceHeadAsync(move);
    }

    private async Task PersistHeadHintsQuietlyAsync(bool force)
    {
        try
        {
            await PersistHeadHintsAsync(force);
        }
        catch (Exception exception) when (exception is not SimulatedCrashException)
        {
            LogHintWriteFailed(GraphId, exception);
        }
    }
}

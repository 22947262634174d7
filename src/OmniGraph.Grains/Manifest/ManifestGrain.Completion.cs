using OmniGraph.Engine;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Storage;

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

    /// <summary>Waits until every completion started so far has finished (they never fault: failures leave the sidecar to heal).</summary>
    private Task SettleCompletionsAsync() => _completions;

    /// <summary>Starts the completion of a published write after those already running.</summary>
    private void CompleteInBackground(string tx, string sidecarKey, BranchInfo branch, long baseVersion, List<TableCommitChange> changes)
    {
        // Registered before it starts: a completion can run to its end (and unregister) before the call returns.
        _completing.Add(sidecarKey);
        _completions = CompleteAsync(_completions, tx, sidecarKey, branch, baseVersion, changes);
        _completionTracker.Track(_completions);
    }

    private async Task CompleteAsync(Task previous, string tx, string sidecarKey, BranchInfo branch, long baseVersion, List<TableCommitChange> changes)
    {
        // Its failure leaves its sidecar to the heal; this one still runs (a head move that needed it then conflicts, and
        // leaves this sidecar to the heal too, which handles both in commit order).
        await previous;
        try
        {
            foreach (var change in changes)
            {
                await _failpoints.BeforeAsync(Failpoints.CommitTableHeadAdvance, change.Staged.Table);
                await MoveHeadToPublishedAsync(tx, branch, baseVersion, change);
                _failpoints.After(Failpoints.CommitTableHeadAdvance, change.Staged.Table);
            }

            // A commit that moved no table head leaves no head record naming its version: the hint is then its only
            // durable evidence once the sidecar is gone (§6.1), so it is written before the sidecar goes.
            await PersistHeadHintsQuietlyAsync(force: changes.Count == 0);

            await _failpoints.BeforeAsync(Failpoints.CommitSidecarDelete);
            await _store.DeleteAsync(sidecarKey, WriteCondition.None);
            _failpoints.After(Failpoints.CommitSidecarDelete);
        }
        catch (Exception exception)
        {
            // Includes a simulated crash: the write is published either way, and the sidecar (if still there) is the
            // heal's, at the next write entry whatever its age.
            Abandon(tx);
            LogCompletionFailed(GraphId, tx, exception);
        }
        finally
        {
            _completing.Remove(sidecarKey);
        }
    }

    /// <summary>
    /// Moves one table head to the version the published write staged. A head already there (a heal of another process
    /// rolled the write forward) or past it is left alone. On any other conflict the head record is classified (§6.1): a
    /// head left by an abandoned write of an earlier protocol that no sidecar covers and whose version another commit took
    /// (an orphan) is reset and the move retried once; anything else is left to the heal (the sidecar stays).
    /// </summary>
    private async Task MoveHeadToPublishedAsync(string tx, BranchInfo branch, long baseVersion, TableCommitChange change)
    {
        var grain = TableGrain(change.Staged.Table, branch.Name);
        var move = new TableHeadMove(tx, change.Expected, change.Staged, baseVersion + 1);
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

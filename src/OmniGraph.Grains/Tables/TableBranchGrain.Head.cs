using OmniGraph.Grains.Hosting;
using Orleans.Storage;

namespace OmniGraph.Grains.Tables;

internal sealed partial class TableBranchGrain
{
    /// <summary>Orders the head calls among themselves (they interleave with staging, not with one another).</summary>
    private readonly SemaphoreSlim _headLock = new(1, 1);

    /// <inheritdoc />
    public Task<TableVersionRef?> GetHeadAsync(bool refresh) => UnderHeadLockAsync(() => GetHeadCoreAsync(refresh));

    /// <inheritdoc />
    public Task<TableHeadRecord> GetHeadRecordAsync(bool refresh, CancellationToken cancellationToken = default) =>
        UnderHeadLockAsync(() => GetHeadRecordCoreAsync(refresh), cancellationToken);

    /// <inheritdoc />
    public Task AdvanceHeadAsync(TableHeadMove move) => UnderHeadLockAsync(() => AdvanceHeadCoreAsync(move));

    /// <inheritdoc />
    public Task<TableVersionRef?> RollBackHeadAsync(string tx, TableVersionRef staged, TableVersionRef expected) =>
        UnderHeadLockAsync(() => RollBackHeadCoreAsync(tx, staged, expected));

    /// <inheritdoc />
    public Task RepairHeadAsync(TableVersionRef published) => UnderHeadLockAsync(() => RepairHeadCoreAsync(published));

    private Task UnderHeadLockAsync(Func<Task> action) =>
        UnderHeadLockAsync(async () =>
        {
            await action();
            return true;
        });

    private async Task<T> UnderHeadLockAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await _headLock.WaitAsync(cancellationToken);
        try
        {
            return await action();
        }
        finally
        {
            _headLock.Release();
        }
    }

    private async Task<TableVersionRef?> GetHeadCoreAsync(bool refresh)
    {
        if (refresh)
        {
            await _head.ReadStateAsync();
        }

        return CurrentHead();
    }

    private async Task<TableHeadRecord> GetHeadRecordCoreAsync(bool refresh)
    {
        if (refresh)
        {
            await _head.ReadStateAsync();
        }

        return new TableHeadRecord(StateKey, _head.RecordExists, CurrentHead(), _head.State.ManifestVersion);
    }

    private async Task AdvanceHeadCoreAsync(TableHeadMove move)
    {
        ArgumentNullException.ThrowIfNull(move);
        var (tx, expected, staged) = (move.Tx, move.Expected, move.Staged);
        RequireTx(tx);
        if (!string.Equals(staged.Table, _table, StringComparison.Ordinal)
            || !string.Equals(expected.Table, _table, StringComparison.Ordinal)
            || !string.Equals(staged.ChainBranch, _branch, StringComparison.Ordinal)
            || staged.Key is null
            || staged.Version <= expected.Version
            || move.ManifestVersion < 2)
        {
            throw EngineErrors.InvalidWrite(_table, $"{staged} cannot follow {expected} on branch '{_branch}' (manifest version {move.ManifestVersion})");
        }

        for (var attempt = 0; ; attempt++)
        {
            if (!Accepts(CurrentHead(), expected, staged))
            {
                // The activation may hold an old head (another process moved it): look again before refusing.
                await _head.ReadStateAsync();
                if (!Accepts(CurrentHead(), expected, staged))
                {
                    throw new TableHeadConflictException(_table, expected, CurrentHead());
                }
            }

            if (await TryWriteHeadAsync(staged, move.ManifestVersion))
            {
                break;
            }

            if (attempt > 0)
            {
                throw new TableHeadConflictException(_table, expected, CurrentHead());
            }
        }

        SetHeadKey(staged.Key);
        _staging.Remove(tx);
        LogHeadMoved(_graphId, _table, _branch, expected.ToString(), staged.ToString(), tx);
    }

    private async Task<TableVersionRef?> RollBackHeadCoreAsync(string tx, TableVersionRef staged, TableVersionRef expected)
    {
        ArgumentNullException.ThrowIfNull(staged);
        ArgumentNullException.ThrowIfNull(expected);
        for (var attempt = 0; ; attempt++)
        {
            if (!staged.SameVersionAs(CurrentHead()))
            {
                await _head.ReadStateAsync();
                if (!staged.SameVersionAs(CurrentHead()))
                {
                    // Not (or no longer) at the staged version: nothing to undo.
                    Forget(tx);
                    return CurrentHead();
                }
            }

            if (await TryWriteHeadAsync(expected, manifestVersion: null))
            {
                break;
            }

            if (attempt > 0)
            {
                // Moved twice under us: another writer owns the head now; the caller heals again from what is stored.
                throw new TableHeadConflictException(_table, staged, CurrentHead());
            }
        }

        SetHeadKey(expected.Key);
        Forget(tx);
        LogHeadMoved(_graphId, _table, _branch, staged.ToString(), expected.ToString(), tx);
        return CurrentHead();
    }

    private async Task RepairHeadCoreAsync(TableVersionRef published)
    {
        ArgumentNullException.ThrowIfNull(published);
        if (!string.Equals(published.Table, _table, StringComparison.Ordinal))
        {
            throw EngineErrors.InvalidWrite(_table, $"{published} is not a version of this table");
        }

        for (var attempt = 0; ; attempt++)
        {
            // Whatever is stored is replaced (it is what repair found wrong), but under its ETag: a writer that moved the
            // head meanwhile is not overwritten blindly; repair reads again. A version the branch inherits, or version 0,
            // is "never moved on this branch": no head.
            await _head.ReadStateAsync();
            var previous = (_head.State.Head, _head.State.ManifestVersion);
            _head.State.Head = published.Version == 0 || !string.Equals(published.ChainBranch, _branch, StringComparison.Ordinal)
                ? null
                : StoredDocuments.ToDocument(published);
            _head.State.ManifestVersion = null;
            try
            {
                await _head.WriteStateAsync();
                break;
            }
            catch (InconsistentStateException) when (attempt < 2)
            {
                (_head.State.Head, _head.State.ManifestVersion) = previous;
            }
        }

        SetHeadKey(published.Key);
        LogHeadRepaired(_graphId, _table, _branch, published.ToString());
    }

    /// <inheritdoc />
    public async Task<bool> ForgetIncarnationAsync(string incarnation, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(incarnation);
        cancellationToken.ThrowIfCancellationRequested();
        for (var attempt = 0; ; attempt++)
        {
            await _head.ReadStateAsync();
            var head = _head.State.Head;

            // A record whose head is on this branch name's chain under another incarnation belongs to a branch created
            // since under the same name: never touched. Anything else (the deleted incarnation's head, a version it
            // inherited, no head) is the deleted branch's derived state.
            if (head is not null && string.Equals(head.Branch, _branch, StringComparison.Ordinal) && !string.Equals(head.BranchIncarnation, incarnation, StringComparison.Ordinal))
            {
                return false;
            }

            if (!_head.RecordExists)
            {
                ReleaseVersions();
                return false;
            }

            try
            {
                await _head.ClearStateAsync();
                break;
            }
            catch (InconsistentStateException) when (attempt < 2)
            {
                // Written meanwhile: look again.
            }
        }

        SetHeadKey(null);
        LogIncarnationForgotten(_graphId, _table, _branch, incarnation);
        ReleaseVersions();
        return true;
    }

    /// <summary>
    /// The branch this activation serves was deleted: the versions, indexes and search indexes it loaded for it go with
    /// the activation (a deleted branch's grains would otherwise hold a copy of their tables until Orleans collects
    /// idle activations, minutes later). A branch created since under the same name activates afresh.
    /// </summary>
    private void ReleaseVersions() => DeactivateOnIdle();

    /// <summary>
    /// Stores <paramref name="head"/> as this table-branch's head under the ETag last read. <see langword="false"/> when
    /// the stored head changed since (another activation or process wrote it): the stored state has then been re-read,
    /// so the caller checks its precondition again. Any other failure leaves the in-memory head as it was.
    /// </summary>
    private async Task<bool> TryWriteHeadAsync(TableVersionRef head, long? manifestVersion)
    {
        var previous = (_head.State.Head, _head.State.ManifestVersion);
        _head.State.Head = StoredDocuments.ToDocument(head);
        _head.State.ManifestVersion = manifestVersion;
        try
        {
            await _head.WriteStateAsync();
            return true;
        }
        catch (InconsistentStateException)
        {
            (_head.State.Head, _head.State.ManifestVersion) = previous;
            await _head.ReadStateAsync();
            return false;
        }
        catch
        {
            (_head.State.Head, _head.State.ManifestVersion) = previous;
            throw;
        }
    }

    /// <summary>
    /// The stored head, checked to belong to this table: a record copied from another table is corruption, never a head.
    /// (Its chain may be another branch's: a fork's first write rolled back leaves the inherited version.)
    /// </summary>
    private TableVersionRef? CurrentHead()
    {
        if (_head.State.Head is not { } stored)
        {
            return null;
        }

        var head = StoredDocuments.ToRef(stored);
        if (!string.Equals(head.Table, _table, StringComparison.Ordinal)
            || head.Version < 0 || (head.Version > 0 && head.Key is null) || _head.State.ManifestVersion is < 2)
        {
            throw new CorruptObjectException(StateKey, $"the head record names {head} (manifest version {_head.State.ManifestVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}), which is not a head of {_table}");
        }

        return head;
    }

    private string StateKey => GraphGrainStorage.KeyOf("head", this.GetGrainId());

    /// <summary>
    /// Whether a head move from <paramref name="expected"/> may start at <paramref name="current"/>. A table that never
    /// moved on this branch incarnation (no head, or a head left by an earlier incarnation of the branch name) is at its
    /// version 0 or at the version it inherits from the fork point.
    /// </summary>
    private static bool Accepts(TableVersionRef? current, TableVersionRef expected, TableVersionRef staged)
    {
        if (expected.SameVersionAs(current))
        {
            return true;
        }

        var movedOnThisIncarnation = current is not null && string.Equals(current.ChainIncarnation, staged.ChainIncarnation, StringComparison.Ordinal)
            && current.Version > 0;
        return !movedOnThisIncarnation
            && (expected.Version == 0 || !string.Equals(expected.ChainIncarnation, staged.ChainIncarnation, StringComparison.Ordinal));
    }

    private void SetHeadKey(string? key)
    {
        if (string.Equals(key, _headKey, StringComparison.Ordinal))
        {
            return;
        }

        if (_headKey is not null)
        {
            _versions.Unpin(_headKey);
        }

        _headKey = key;
        if (key is not null)
        {
            _versions.Pin(key);
        }
    }
}

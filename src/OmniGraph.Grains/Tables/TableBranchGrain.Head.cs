using OmniGraph.Engine;
using OmniGraph.Grains.Storage;
using Orleans.Storage;

namespace OmniGraph.Grains.Tables;

internal sealed partial class TableBranchGrain
{
    /// <inheritdoc />
    public async Task<TableVersionRef?> GetHeadAsync(bool refresh)
    {
        if (refresh)
        {
            await _head.ReadStateAsync();
        }

        return CurrentHead();
    }

    /// <inheritdoc />
    public async Task AdvanceHeadAsync(string tx, TableVersionRef expected, TableVersionRef staged)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(staged);
        RequireTx(tx);
        if (!string.Equals(staged.Table, _table, StringComparison.Ordinal)
            || !string.Equals(expected.Table, _table, StringComparison.Ordinal)
            || !string.Equals(staged.ChainBranch, _branch, StringComparison.Ordinal)
            || staged.Key is null
            || staged.Version != expected.Version + 1)
        {
            throw new InvalidWriteException(_table, $"{staged} cannot follow {expected} on branch '{_branch}'");
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

            if (await TryWriteHeadAsync(staged))
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

    /// <inheritdoc />
    public async Task<TableVersionRef?> RollBackHeadAsync(string tx, TableVersionRef staged, TableVersionRef expected)
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

            if (await TryWriteHeadAsync(expected))
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

    /// <summary>
    /// Stores <paramref name="head"/> as this table-branch's head under the ETag last read. <see langword="false"/> when
    /// the stored head changed since (another activation or process wrote it): the stored state has then been re-read,
    /// so the caller checks its precondition again. Any other failure leaves the in-memory head as it was.
    /// </summary>
    private async Task<bool> TryWriteHeadAsync(TableVersionRef head)
    {
        var previous = _head.State.Head;
        _head.State.Head = StoredDocuments.ToDocument(head);
        try
        {
            await _head.WriteStateAsync();
            return true;
        }
        catch (InconsistentStateException)
        {
            _head.State.Head = previous;
            await _head.ReadStateAsync();
            return false;
        }
        catch
        {
            _head.State.Head = previous;
            throw;
        }
    }

    private TableVersionRef? CurrentHead() => _head.State.Head is { } head ? StoredDocuments.ToRef(head) : null;

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

using Orleans.Storage;

namespace OmniGraph.Grains.Manifest;

/// <summary>
/// Reclaiming a deleted branch (docs/branches.md, "Deleting a branch"): everything only that incarnation referenced is
/// derived state once the registry no longer names it. Per table: its table versions on the incarnation's chain, the
/// fragments and deletion files those versions added (everything they list beyond the version the branch inherited at
/// its fork point), its head record; then its manifest versions. Idempotent, so a reclaim that
/// stops (a crash, an I/O error) is finished by the next one; the registry keeps the deleted incarnation so an old
/// commit of it is a typed error, never a read of a half-reclaimed branch.
/// </summary>
internal sealed partial class ManifestGrain
{
    /// <summary>Finishes every reclaim that stopped earlier (best effort: a failure is logged and retried later).</summary>
    private async Task ReclaimPendingAsync()
    {
        DeletedBranchRecord[] pending;
        await _stateLock.WaitAsync();
        try
        {
            pending = [.. _state.State.DeletedBranches.Where(static d => !d.Reclaimed)];
        }
        finally
        {
            _stateLock.Release();
        }

        foreach (var deleted in pending)
        {
            await TryReclaimAsync(deleted);
        }
    }

    private async Task<(long Removed, bool Complete)> TryReclaimAsync(DeletedBranchRecord deleted)
    {
        try
        {
            var removed = await ReclaimAsync(deleted);
            LogReclaimed(GraphId, deleted.Name, deleted.Incarnation, removed);
            return (removed, true);
        }
        catch (Exception exception) when (exception is not SimulatedCrashException and not OperationCanceledException)
        {
            LogReclaimFailed(GraphId, deleted.Name, deleted.Incarnation, exception);
            return (0, false);
        }
    }

    private async Task<long> ReclaimAsync(DeletedBranchRecord deleted)
    {
        var incarnation = deleted.Incarnation;
        var manifestKeys = await ListKeysAsync(GraphObjectKeys.ManifestsOf(incarnation));

        // The tables: those the branch inherited at its fork point (with the version it inherited, whose objects stay),
        // and those of its own last version. Without a readable fork point the inherited objects cannot be told apart,
        // so fragments and deletion files stay (unreferenced, reported by recovery status) rather than risk shared ones.
        var tables = new SortedDictionary<string, TableVersionRef?>(StringComparer.Ordinal);
        foreach (var table in await ReadTablesOrNoneAsync(deleted.ForkedFrom.Incarnation, deleted.ForkedFrom.ManifestVersion))
        {
            tables[table.Table] = table;
        }

        if (manifestKeys.Count > 0 && GraphObjectKeys.ManifestVersionOf(manifestKeys[^1]) is { } last)
        {
            foreach (var table in await ReadTablesOrNoneAsync(incarnation, last))
            {
                tables.TryAdd(table.Table, null);
            }
        }

        long removed = 0;
        foreach (var (table, inherited) in tables)
        {
            await _failpoints.BeforeAsync(Failpoints.BranchReclaim, table);
            removed += await ReclaimTableAsync(deleted, table, inherited);
            _failpoints.After(Failpoints.BranchReclaim, table);
        }

        // The manifest versions go; the commit pointers stay: each ties an old commit id to the deleted incarnation, so
        // asking for that commit is the typed stale_branch_incarnation, not a bare "not found" (a pointer is a few
        // hundred bytes, and recovery status ignores pointers of incarnations no branch has).
        foreach (var key in manifestKeys)
        {
            removed += await DeleteCountedAsync(key);
            if (GraphObjectKeys.ManifestVersionOf(key) is { } version)
            {
                _manifests.Remove((incarnation, version));
                _commits.Remove((incarnation, version));
            }
        }

        await MarkReclaimedAsync(deleted);
        return removed;
    }

    /// <summary>One table of a deleted incarnation: its own version objects, the objects only they name, its head record.</summary>
    private async Task<long> ReclaimTableAsync(DeletedBranchRecord deleted, string table, TableVersionRef? inherited)
    {
        var isEdge = GraphObjectKeys.IsEdgeTable(table);
        var tableId = inherited?.TableId;
        var versionKeys = new List<string>();
        var owned = new SortedSet<string>(StringComparer.Ordinal);
        if (tableId is null)
        {
            tableId = await TableIdOfAsync(deleted.Incarnation, table);
        }

        if (tableId is { } id)
        {
            versionKeys = await ListKeysAsync(GraphObjectKeys.TableVersionsOf(isEdge, id, deleted.Incarnation));
            foreach (var key in versionKeys)
            {
                if (await ReadListedVersionOrNoneAsync(deleted, key) is { } stored)
                {
                    // Every version object of the chain goes, so each one's own objects are the chain's (a delta's
                    // inherited fragments are named by the versions before it).
                    owned.UnionWith(TableVersionReferences.OwnObjectsOf(stored));
                }
            }
        }

        long removed = 0;
        if (inherited is not null && owned.Count > 0)
        {
            var shared = new HashSet<string>(StringComparer.Ordinal);
            if (inherited.Key is { } inheritedKey)
            {
                var document = await TableVersionChain.ResolveAsync(_store, inheritedKey, inherited);
                TableVersionReferences.AddObjectsOf(document, shared);
            }

            foreach (var key in owned.Where(k => !shared.Contains(k)))
            {
                removed += await DeleteCountedAsync(key);
            }
        }

        foreach (var key in versionKeys)
        {
            removed += await DeleteCountedAsync(key);
        }

        if (await TableGrain(table, deleted.Name).ForgetIncarnationAsync(deleted.Incarnation))
        {
            removed++;
        }

        return removed;
    }

    /// <summary>The table id of <paramref name="table"/> in the incarnation's newest manifest, when one can be read.</summary>
    private async Task<long?> TableIdOfAsync(string incarnation, string table)
    {
        var keys = await ListKeysAsync(GraphObjectKeys.ManifestsOf(incarnation));
        for (var i = keys.Count - 1; i >= 0; i--)
        {
            if (GraphObjectKeys.ManifestVersionOf(keys[i]) is { } version)
            {
                foreach (var reference in await ReadTablesOrNoneAsync(incarnation, version))
                {
                    if (string.Equals(reference.Table, table, StringComparison.Ordinal))
                    {
                        return reference.TableId;
                    }
                }
            }
        }

        return null;
    }

    private async Task<IReadOnlyList<TableVersionRef>> ReadTablesOrNoneAsync(string incarnation, long version) =>
        await TryReadManifestOrNoneAsync(incarnation, version) is { } manifest ? StoredDocuments.ToSnapshot(manifest).Tables : [];

    private async Task<ManifestDocument?> TryReadManifestOrNoneAsync(string incarnation, long version)
    {
        try
        {
            return await TryReadManifestAsync(incarnation, version);
        }
        catch (CorruptObjectException corrupt)
        {
            LogReclaimSkipped(GraphId, incarnation, corrupt.Key);
            return null;
        }
    }

    private async Task<StoredTableVersion?> ReadListedVersionOrNoneAsync(DeletedBranchRecord deleted, string key)
    {
        try
        {
            return StoredDocuments.ReadListedTableVersion(key, (await _store.GetAsync(key)).Content.Span);
        }
        catch (ObjectNotFoundException)
        {
            return null;
        }
        catch (CorruptObjectException)
        {
            LogReclaimSkipped(GraphId, deleted.Name, key);
            return null;
        }
    }

    private async Task<long> DeleteCountedAsync(string key) => await _store.DeleteAsync(key, WriteCondition.None) ? 1 : 0;

    /// <summary>Records the reclaim as complete and drops the incarnation's head hint (best effort: a reclaim is idempotent).</summary>
    private async Task MarkReclaimedAsync(DeletedBranchRecord deleted)
    {
        await _stateLock.WaitAsync();
        try
        {
            for (var attempt = 0; attempt < 2; attempt++)
            {
                var record = _state.State.DeletedBranches.Find(d => string.Equals(d.Incarnation, deleted.Incarnation, StringComparison.Ordinal));
                if (record is null)
                {
                    return;
                }

                var hints = _state.State.HeadHints.Where(h => string.Equals(h.Incarnation, deleted.Incarnation, StringComparison.Ordinal)).ToArray();
                record.Reclaimed = true;
                _state.State.HeadHints.RemoveAll(h => hints.Contains(h));
                try
                {
                    await _state.WriteStateAsync();
                    deleted.Reclaimed = true;
                    return;
                }
                catch (InconsistentStateException) when (attempt == 0)
                {
                    await _state.ReadStateAsync();
                }
                catch
                {
                    record.Reclaimed = false;
                    _state.State.HeadHints.AddRange(hints);
                    throw;
                }
            }
        }
        finally
        {
            _stateLock.Release();
        }
    }
}

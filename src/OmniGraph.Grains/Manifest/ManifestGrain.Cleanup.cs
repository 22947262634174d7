namespace OmniGraph.Grains.Manifest;

/// <summary>
/// <c>cleanup</c> (docs/maintenance.md): per live branch a retention floor (its newest N commits, every commit younger
/// than D, its head, and whatever other live branches need of it: fork points, merge bases); the manifest versions below
/// the floors, their commit pointers, and the table versions, fragments and deletion files only they name are reclaimed.
/// Crash safety: the journal of everything to delete is written durably first, then the floors are recorded (from then on
/// reclaimed history is <c>history_reclaimed</c>, so nothing reads what is about to go), then the objects are deleted
/// referrers first (pointers, manifests, table versions, data), so no retained object ever names a deleted one; a cleanup
/// that stops is finished from its journal by the next activation or cleanup.
/// </summary>
internal sealed partial class ManifestGrain
{
    /// <inheritdoc />
    public async Task<CleanupOutput> ReclaimHistoryAsync(CleanupRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Keep);
        ArgumentOutOfRangeException.ThrowIfNegative(request.OlderThanMicros);
        using var gate = await EnterWriteGateAsync();
        await RequireStampAsync();
        await SettleCompletionsAsync();
        var sidecars = await ListSidecarKeysAsync();
        if (sidecars.Count > 0)
        {
            throw EngineErrors.CleanupSidecarsPending(sidecars.Count, sidecars[0]);
        }

        if (request.Confirm)
        {
            await FinishCleanupsAsync();
            await DropStaleJournalsAsync();
            await ReclaimPendingAsync();
        }

        cancellationToken.ThrowIfCancellationRequested();
        var (journal, branches) = await PlanCleanupAsync(request);
        var output = new CleanupOutput(
            request.Confirm && journal is not null,
            branches,
            journal?.CommitPointers.Length ?? 0,
            journal?.Manifests.Length ?? 0,
            journal?.TableVersions.Length ?? 0,
            journal?.DataObjects.Length ?? 0,
            journal?.Bytes ?? 0)
        {
            CleanupId = journal?.CleanupId,
        };
        if (!request.Confirm || journal is null)
        {
            return output;
        }

        var key = GraphObjectKeys.CleanupJournal(journal.CleanupId);
        await _failpoints.BeforeAsync(Failpoints.CleanupJournalWrite);
        await _store.PutAsync(key, StoredDocuments.Serialize(journal), WriteCondition.IfNotExists, cancellationToken);
        _failpoints.After(Failpoints.CleanupJournalWrite);

        await _failpoints.BeforeAsync(Failpoints.CleanupFloorsRecord);
        await UpdateStateAsync(state => RecordFloors(state, journal));
        _failpoints.After(Failpoints.CleanupFloorsRecord);
        ForgetReclaimed(journal);

        await DeleteJournalObjectsAsync(journal);
        LogCleanedUp(GraphId, journal.CleanupId, output.Objects, output.Bytes);
        return output;
    }

    /// <summary>Finishes every recorded cleanup whose deletes did not complete (a crash, an I/O error): idempotent.</summary>
    private async Task FinishCleanupsAsync()
    {
        foreach (var record in _state.State.Cleanups.Where(static c => !c.Complete).ToArray())
        {
            var journal = await TryReadCleanupJournalAsync(record.CleanupId)
                ?? throw new CorruptObjectException(GraphObjectKeys.CleanupJournal(record.CleanupId), "the journal of a recorded cleanup is missing");
            await DeleteJournalObjectsAsync(journal);
        }
    }

    /// <summary>Finishes pending cleanups on activation (best effort: the next cleanup retries).</summary>
    private async Task FinishCleanupsOnActivationAsync()
    {
        try
        {
            await FinishCleanupsAsync();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogCleanupResumeFailed(GraphId, exception);
        }
    }

    /// <summary>Journals written by a cleanup that stopped before recording its floors: nothing of them took effect.</summary>
    private async Task DropStaleJournalsAsync()
    {
        var recorded = _state.State.Cleanups.Select(static c => c.CleanupId).ToHashSet(StringComparer.Ordinal);
        foreach (var key in await ListKeysAsync(GraphObjectKeys.CleanupJournalsPrefix))
        {
            if (GraphObjectKeys.CleanupIdOf(key) is { } id && !recorded.Contains(id))
            {
                await _store.DeleteAsync(key, WriteCondition.None);
            }
        }
    }

    /// <summary>Deletes what the journal lists, referrers first, and records the cleanup as complete.</summary>
    private async Task DeleteJournalObjectsAsync(CleanupJournalDocument journal)
    {
        (string Phase, string[] Keys)[] phases =
        [
            ("commit_pointers", journal.CommitPointers),
            ("manifests", journal.Manifests),
            ("table_versions", journal.TableVersions),
            ("data_objects", journal.DataObjects),
        ];
        foreach (var (phase, keys) in phases)
        {
            await _failpoints.BeforeAsync(Failpoints.CleanupDelete, phase);
            await _store.DeleteAllAsync(keys);
            _failpoints.After(Failpoints.CleanupDelete, phase);
        }

        await _failpoints.BeforeAsync(Failpoints.CleanupComplete);
        await UpdateStateAsync(state =>
        {
            var record = state.Cleanups.Find(c => string.Equals(c.CleanupId, journal.CleanupId, StringComparison.Ordinal));
            if (record is null || record.Complete)
            {
                return new RegistryChange(static () => { }, static _ => true);
            }

            record.Complete = true;
            return new RegistryChange(() => record.Complete = false, stored => IsCleanupComplete(stored, journal.CleanupId));
        });
        _failpoints.After(Failpoints.CleanupComplete);
    }

    /// <summary>Raises each incarnation's floor to the journal's (never lowers one) and records the cleanup.</summary>
    private static RegistryChange RecordFloors(ManifestGrainState state, CleanupJournalDocument journal)
    {
        var previous = state.RetentionFloors.Select(static f => (f.Incarnation, f.KeepFrom)).ToArray();
        foreach (var floor in journal.Floors)
        {
            var record = state.RetentionFloors.Find(f => string.Equals(f.Incarnation, floor.BranchIncarnation, StringComparison.Ordinal));
            if (record is null)
            {
                state.RetentionFloors.Add(new RetentionFloorRecord { Incarnation = floor.BranchIncarnation, KeepFrom = floor.KeepFrom });
            }
            else
            {
                record.KeepFrom = Math.Max(record.KeepFrom, floor.KeepFrom);
            }
        }

        var cleanup = new CleanupRecord { CleanupId = journal.CleanupId };
        state.Cleanups.Add(cleanup);
        return new RegistryChange(
            () =>
            {
                state.Cleanups.Remove(cleanup);
                state.RetentionFloors.Clear();
                state.RetentionFloors.AddRange(previous.Select(static p => new RetentionFloorRecord { Incarnation = p.Incarnation, KeepFrom = p.KeepFrom }));
            },
            stored => stored.Cleanups.Exists(c => string.Equals(c.CleanupId, journal.CleanupId, StringComparison.Ordinal)));
    }

    /// <summary>Whether a registry state records cleanup <paramref name="cleanupId"/> as complete.</summary>
    private static bool IsCleanupComplete(ManifestGrainState state, string cleanupId) =>
        state.Cleanups.Exists(c => c.Complete && string.Equals(c.CleanupId, cleanupId, StringComparison.Ordinal));

    /// <summary>Drops what this activation cached of the reclaimed history.</summary>
    private void ForgetReclaimed(CleanupJournalDocument journal)
    {
        foreach (var floor in journal.Floors)
        {
            foreach (var cached in _manifests.Keys.Where(k => string.Equals(k.Incarnation, floor.BranchIncarnation, StringComparison.Ordinal) && k.Version < floor.KeepFrom).ToArray())
            {
                _manifests.Remove(cached);
                _commits.Remove(cached);
            }
        }

        _reclaimedCommits = null;
        _lineage.Clear();
    }
}

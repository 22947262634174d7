namespace OmniGraph.Grains.Manifest;

internal sealed partial class ManifestGrain
{
    /// <summary>Transactions this activation gave up on (failed or crashed after their sidecar was written).</summary>
    private readonly HashSet<string> _abandoned = new(StringComparer.Ordinal);

    /// <summary>Transactions whose heal failed: healed at the next write entry whatever their age.</summary>
    private readonly HashSet<string> _healable = new(StringComparer.Ordinal);

    /// <summary>Sidecars still present after the last heal, by key.</summary>
    private readonly SortedDictionary<string, PendingSidecar> _pending = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<HealReport> HealAsync(CancellationToken cancellationToken = default)
    {
        using var gate = await EnterWriteGateAsync();
        await RequireStampAsync();
        await SettleCompletionsAsync();
        return await HealAllAsync(HealMode.Full);
    }

    /// <inheritdoc />
    /// <remarks>Waits for the background completions of this activation's writes first, so what it reports is settled.</remarks>
    public async Task<RecoveryStatus> GetRecoveryStatusAsync(CancellationToken cancellationToken = default)
    {
        await SettleCompletionsAsync();
        return new RecoveryStatus([.. _pending.Values]);
    }

    /// <summary>Heals the sidecars the mode allows, in commit order (by base version), each against the store as it is then.</summary>
    private async Task<HealReport> HealAllAsync(HealMode mode, BranchInfo? branch = null)
    {
        var outcomes = ImmutableArray.CreateBuilder<HealOutcome>();
        var keys = await ListSidecarKeysAsync();
        var present = new HashSet<string>(keys, StringComparer.Ordinal);
        foreach (var stale in _pending.Keys.Where(k => !present.Contains(k)).ToArray())
        {
            _pending.Remove(stale);
        }

        foreach (var stale in _sidecarBases.Keys.Where(k => !present.Contains(k)).ToArray())
        {
            _sidecarBases.Remove(stale);
        }

        var readable = new List<(string Key, SidecarDocument Sidecar)>(keys.Count);
        foreach (var key in keys)
        {
            if (OwnsSidecar(key))
            {
                // A write of this activation, published and being completed in the background: its completion deletes it.
                continue;
            }

            StoredObject stored;
            try
            {
                stored = await _store.GetAsync(key);
            }
            catch (ObjectNotFoundException)
            {
                // Finished by its writer (or another healer) since the listing.
                _pending.Remove(key);
                _sidecarBases.Remove(key);
                continue;
            }
            catch (CorruptObjectException corrupt)
            {
                Refuse(key, $"the sidecar is refused and kept: {corrupt.Reason}");
                continue;
            }

            SidecarDocument sidecar;
            try
            {
                sidecar = StoredDocuments.ReadSidecar(key, stored.Content.Span);
            }
            catch (RecoveryRequiredException refused)
            {
                Refuse(key, refused.Reason);
                continue;
            }

            // A write to a branch that has since been deleted: its effects belong to an incarnation whose objects are
            // reclaimed and that is never served again, so there is nothing to finish or undo (a delete refuses while a
            // write of the branch is pending; this is another process's write that outlived the delete).
            if (mode != HealMode.Survey && await FindDeletedIncarnationAsync(sidecar.BranchIncarnation) is not null)
            {
                await _store.DeleteAsync(key, WriteCondition.None);
                _pending.Remove(key);
                _sidecarBases.Remove(key);
                LogOrphanSidecarDropped(GraphId, key, sidecar.Branch);
                continue;
            }

            readable.Add((key, sidecar));
        }

        // In commit order (by the version each publishes): a write based on another's version is healed after it (their
        // table heads follow each other), which their transaction ids alone do not promise (ids are minted when a write
        // prepares, not when it commits).
        readable.Sort(static (a, b) =>
        {
            var byIncarnation = string.CompareOrdinal(a.Sidecar.BranchIncarnation, b.Sidecar.BranchIncarnation);
            return byIncarnation != 0 ? byIncarnation
                : a.Sidecar.Manifest.Version != b.Sidecar.Manifest.Version ? a.Sidecar.Manifest.Version.CompareTo(b.Sidecar.Manifest.Version)
                : string.CompareOrdinal(a.Key, b.Key);
        });

        foreach (var (key, sidecar) in readable)
        {
            // Its base was published (the sidecar is written on top of it): evidence for the chain's end (§6.1).
            _sidecarBases[key] = (sidecar.BranchIncarnation, sidecar.BaseVersion);
            if (mode == HealMode.Survey)
            {
                if (!_pending.ContainsKey(key))
                {
                    _pending[key] = new PendingSidecar(key, sidecar.Branch, PendingSidecarState.Deferred, "a write in progress, or one the next heal resolves");
                }

                continue;
            }

            if (mode == HealMode.WriteEntry && !string.Equals(sidecar.BranchIncarnation, branch!.Incarnation, StringComparison.Ordinal))
            {
                continue;
            }

            var tx = sidecar.Tx;
            var mayRollBack = mode == HealMode.Full || _abandoned.Contains(tx) || _healable.Contains(tx)
                || NowMicros() - sidecar.CreatedAt > (long)_options.StaleSidecarAge.TotalMicroseconds;
            try
            {
                var outcome = await HealSidecarAsync(key, sidecar, mayRollBack);
                if (outcome is null)
                {
                    _pending[key] = new PendingSidecar(key, sidecar.Branch, PendingSidecarState.Deferred, "an incomplete write that may still be in flight in another process");
                    continue;
                }

                outcomes.Add(outcome);
                _pending.Remove(key);
                _sidecarBases.Remove(key);
                _abandoned.Remove(tx);
                _healable.Remove(tx);
                LogHealed(GraphId, tx, outcome.Action, outcome.CommitId);
            }
            catch (SimulatedCrashException)
            {
                _healable.Add(tx);
                throw;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                _healable.Add(tx);
                _pending[key] = new PendingSidecar(key, sidecar.Branch, PendingSidecarState.HealFailed, exception.Message);
                LogHealFailed(GraphId, tx, exception);
            }
        }

        if (outcomes.Any(static o => o.Action == HealAction.RolledBack && o.CommitId is not null))
        {
            // A fence moves no table head, so only the hint records its version durably once the sidecar is gone.
            await PersistHeadHintsQuietlyAsync(force: true);
        }

        return new HealReport(outcomes.ToImmutable(), new RecoveryStatus([.. _pending.Values]));
    }

    private void Refuse(string key, string reason)
    {
        _pending[key] = new PendingSidecar(key, null, PendingSidecarState.Refused, reason);
        _sidecarBases.Remove(key);
        LogSidecarRefused(GraphId, key, reason);
    }

    /// <summary>A sidecar that cannot be read blocks every write (its branch is unknown); a failed heal blocks its branch.</summary>
    private void ThrowIfWritesBlocked(BranchInfo branch)
    {
        foreach (var pending in _pending.Values)
        {
            if (pending.State == PendingSidecarState.Refused
                || (pending.State == PendingSidecarState.HealFailed && string.Equals(pending.Branch, branch.Name, StringComparison.Ordinal)))
            {
                throw new RecoveryRequiredException(GraphObjectKeys.SidecarTx(pending.Key) ?? pending.Key, pending.Key, pending.Reason ?? "an unresolved recovery sidecar blocks writes");
            }
        }
    }

    /// <summary>
    /// Resolves one sidecar (docs/design/storage-engine.md §6): by the manifest version it targets, then by the table
    /// heads. Returns <c>null</c> when it must be left alone (incomplete and possibly still in flight). Every step is
    /// idempotent and the sidecar is deleted last, so a heal that dies half-way is finished by the next one.
    /// </summary>
    private async Task<HealOutcome?> HealSidecarAsync(string key, SidecarDocument sidecar, bool mayRollBack)
    {
        // Its base must be there: rolling forward or fencing on top of a lost version would publish past a gap. (The
        // base of a fork's first write is its fork point, a version of the source's chain.)
        var baseIncarnation = await ChainHolderOfAsync(sidecar.BranchIncarnation, sidecar.BaseVersion);
        var baseManifest = await TryReadManifestAsync(baseIncarnation, sidecar.BaseVersion);
        if (baseManifest is null || !string.Equals(baseManifest.Commit.Id, sidecar.BaseCommit, StringComparison.Ordinal))
        {
            throw new CorruptObjectException(
                GraphObjectKeys.Manifest(baseIncarnation, sidecar.BaseVersion),
                $"manifest version {sidecar.BaseVersion}, the base of the pending write in {key}, is {(baseManifest is null ? "missing" : $"commit {baseManifest.Commit.Id}, not {sidecar.BaseCommit}")}; the write is neither rolled forward nor back");
        }

        if (sidecar.SidecarFormat >= StorageFormat.ChainedSidecarFormat)
        {
            return await HealChainAsync(key, sidecar);
        }

        var target = sidecar.BaseVersion + 1;
        var published = await TryReadManifestAsync(sidecar.BranchIncarnation, target);
        if (published is null)
        {
            // A format 1 sidecar is complete when every head it names was moved (its writer moved them before publishing).
            var complete = true;
            foreach (var table in sidecar.Tables)
            {
                var head = await TableGrain(table.Staged.Table, sidecar.Branch).GetHeadAsync(refresh: true);
                complete &= StoredDocuments.ToRef(table.Staged).SameVersionAs(head);
            }

            if (complete)
            {
                await _failpoints.BeforeAsync(Failpoints.HealRollForwardPublish);
                await PutPointerAsync(sidecar.CommitId, sidecar, target);
                published = await PublishOrReadAsync(sidecar.BranchIncarnation, sidecar.Manifest);
                _failpoints.After(Failpoints.HealRollForwardPublish);
            }
            else
            {
                if (!mayRollBack)
                {
                    return null;
                }

                // Fence first: once base + 1 is taken, the original writer can never publish, so undoing is safe
                // even if it is still alive.
                await _failpoints.BeforeAsync(Failpoints.HealRollbackFence);
                await PutPointerAsync(sidecar.RollbackCommitId, sidecar, target);
                published = await PublishOrReadAsync(sidecar.BranchIncarnation, BuildFence(sidecar, baseManifest));
                _failpoints.After(Failpoints.HealRollbackFence);
            }
        }

        NoteHead(published);
        HealAction action;
        if (string.Equals(published.Commit.Id, sidecar.CommitId, StringComparison.Ordinal))
        {
            await RollHeadsForwardAsync(sidecar.Branch, sidecar.Tx, sidecar.Tables, target);
            action = HealAction.RolledForward;
        }
        else
        {
            await RollHeadsBackAsync(sidecar.Branch, sidecar.Tx, sidecar.Tables);
            action = HealAction.RolledBack;
        }

        var commitId = action == HealAction.RolledForward
            ? sidecar.CommitId
            : string.Equals(published.Commit.Id, sidecar.RollbackCommitId, StringComparison.Ordinal) ? sidecar.RollbackCommitId : null;

        // The audit entry the write (or its fence) owes, before the sidecar that records the debt goes.
        await HealAuditAsync(sidecar, commitId);
        await _failpoints.BeforeAsync(Failpoints.HealSidecarDelete);
        await _store.DeleteAsync(key, WriteCondition.None);
        _failpoints.After(Failpoints.HealSidecarDelete);
        return new HealOutcome(sidecar.Tx, sidecar.Branch, action, commitId);
    }

    /// <summary>
    /// Resolves a sidecar of this protocol (format 2): it is complete, and so is every predecessor it carries (the commits
    /// of its group before it, all durable before it was written). Publishes each link of the chain whose version is free,
    /// in order, until one finds its version taken by another commit: from there the chain can never publish (no head of
    /// it moved). Then moves the heads of the links that stand and deletes the sidecar.
    /// </summary>
    private async Task<HealOutcome> HealChainAsync(string key, SidecarDocument sidecar)
    {
        var links = (sidecar.Predecessors ?? []).Select(static p => (p.Tx, p.CommitId, p.Tables, p.Manifest))
            .Append((sidecar.Tx, sidecar.CommitId, sidecar.Tables, sidecar.Manifest)).ToList();
        var standing = 0;
        foreach (var (_, commitId, _, manifest) in links)
        {
            var published = await TryReadManifestAsync(sidecar.BranchIncarnation, manifest.Version);
            if (published is null)
            {
                await _failpoints.BeforeAsync(Failpoints.HealRollForwardPublish);
                await PutPointerAsync(commitId, sidecar, manifest.Version);
                published = await PublishOrReadAsync(sidecar.BranchIncarnation, manifest);
                _failpoints.After(Failpoints.HealRollForwardPublish);
            }

            NoteHead(published);
            if (!string.Equals(published.Commit.Id, commitId, StringComparison.Ordinal))
            {
                break;
            }

            standing++;
        }

        for (var i = 0; i < links.Count; i++)
        {
            var (tx, _, tables, manifest) = links[i];
            if (i < standing)
            {
                await RollHeadsForwardAsync(sidecar.Branch, tx, tables, manifest.Version);
            }
            else
            {
                await RollHeadsBackAsync(sidecar.Branch, tx, tables);
            }
        }

        // The audit entries the links that stand owe (a predecessor carries its own from format 3; in format 2 each
        // predecessor's entry was its own sidecar's debt), before the sidecar that records the debt goes.
        foreach (var link in (sidecar.Predecessors ?? []).Take(standing))
        {
            await HealLinkAuditAsync(sidecar, link);
        }

        await HealAuditAsync(sidecar, standing == links.Count ? sidecar.CommitId : null);
        await _failpoints.BeforeAsync(Failpoints.HealSidecarDelete);
        await _store.DeleteAsync(key, WriteCondition.None);
        _failpoints.After(Failpoints.HealSidecarDelete);
        return standing == links.Count
            ? new HealOutcome(sidecar.Tx, sidecar.Branch, HealAction.RolledForward, sidecar.CommitId)
            : new HealOutcome(sidecar.Tx, sidecar.Branch, HealAction.RolledBack, null);
    }

    /// <summary>Makes every table head of a published write its staged version (a no-op for heads already there or past it).</summary>
    private async Task RollHeadsForwardAsync(string branch, string tx, SidecarTableDocument[] tables, long manifestVersion)
    {
        foreach (var table in tables)
        {
            var staged = StoredDocuments.ToRef(table.Staged);
            var grain = TableGrain(staged.Table, branch);
            var head = await grain.GetHeadAsync(refresh: true);
            if (staged.SameVersionAs(head))
            {
                continue;
            }

            await _failpoints.BeforeAsync(Failpoints.HealHeadRollForward, staged.Table);
            try
            {
                await grain.AdvanceHeadAsync(new TableHeadMove(tx, StoredDocuments.ToRef(table.Expected), staged, manifestVersion));
            }
            catch (TableHeadConflictException conflict)
            {
                // Another writer moved past it since: nothing to do for this table.
                LogHeadMovedOn(GraphId, staged.Table, conflict.Actual?.ToString());
            }

            _failpoints.After(Failpoints.HealHeadRollForward, staged.Table);
        }
    }

    /// <summary>Moves every table head still at its staged version back to its expected version.</summary>
    private async Task RollHeadsBackAsync(string branch, string tx, SidecarTableDocument[] tables)
    {
        foreach (var table in tables)
        {
            var staged = StoredDocuments.ToRef(table.Staged);
            await _failpoints.BeforeAsync(Failpoints.HealHeadRollback, staged.Table);
            await TableGrain(staged.Table, branch).RollBackHeadAsync(tx, staged, StoredDocuments.ToRef(table.Expected));
            _failpoints.After(Failpoints.HealHeadRollback, staged.Table);
        }
    }

    /// <summary>Creates a manifest version; when it exists already, returns the one that won.</summary>
    private async Task<ManifestDocument> PublishOrReadAsync(string incarnation, ManifestDocument manifest)
    {
        try
        {
            await _store.PutAsync(GraphObjectKeys.Manifest(incarnation, manifest.Version), StoredDocuments.Serialize(manifest), WriteCondition.IfNotExists);
            CacheManifest(manifest);
            return manifest;
        }
        catch (ObjectPreconditionFailedException)
        {
            return await ReadManifestAsync(incarnation, manifest.Version);
        }
    }

    private async Task PutPointerAsync(string commitId, SidecarDocument sidecar, long version)
    {
        var pointer = new CommitPointerDocument
        {
            Format = StorageFormat.ObjectFormat,
            CommitId = commitId,
            Branch = sidecar.Branch,
            BranchIncarnation = sidecar.BranchIncarnation,
            ManifestVersion = version,
        };
        try
        {
            await _store.PutAsync(GraphObjectKeys.CommitPointer(commitId), StoredDocuments.Serialize(pointer), WriteCondition.IfNotExists);
        }
        catch (ObjectPreconditionFailedException)
        {
            // Written by the writer or an earlier heal.
        }
    }

    /// <summary>
    /// The lineage-only rollback commit: base + 1 with the fixed rollback commit id and exactly the base's image: its
    /// schema, its table set and its dropped entries. Taken from the base manifest rather than from the write's manifest
    /// with its changed tables put back, because a schema apply changes more than its tables' versions (the schema hash,
    /// renamed, added and dropped tables): put back table by table, the fence would claim the new schema over the old
    /// tables and lose a renamed table's rows.
    /// </summary>
    private ManifestDocument BuildFence(SidecarDocument sidecar, ManifestDocument baseManifest)
    {
        return new ManifestDocument
        {
            Format = StorageFormat.ObjectFormat,
            Branch = sidecar.Branch,
            BranchIncarnation = sidecar.BranchIncarnation,
            Version = sidecar.BaseVersion + 1,
            SchemaHash = baseManifest.SchemaHash,
            Commit = new CommitRecordDocument
            {
                Id = sidecar.RollbackCommitId,
                Parent = sidecar.BaseCommit,
                MergedParent = null,
                Actor = CommitInfo.RecoveryActor,
                CreatedAt = NowMicros(),
                Kind = CommitKinds.RecoveryRollback,
            },
            Tables = baseManifest.Tables,
            Dropped = baseManifest.Dropped,
        };
    }

    /// <summary>Every sidecar key, in key (ULID, so creation) order.</summary>
    private Task<List<string>> ListSidecarKeysAsync() => ListKeysAsync(GraphObjectKeys.RecoveryPrefix);

    /// <summary>Every key under <paramref name="prefix"/>, sorted.</summary>
    private async Task<List<string>> ListKeysAsync(string prefix) => [.. (await ListObjectsAsync(prefix)).Select(static o => o.Key)];

    /// <summary>Every object under <paramref name="prefix"/> with its size, sorted by key.</summary>
    private async Task<List<ObjectProperties>> ListObjectsAsync(string prefix)
    {
        var objects = new List<ObjectProperties>();
        string? token = null;
        do
        {
            var page = await _store.ListAsync(prefix, token);
            objects.AddRange(page.Objects);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return objects;
    }
}

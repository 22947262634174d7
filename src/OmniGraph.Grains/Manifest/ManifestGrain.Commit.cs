using OmniGraph.Engine;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Grains.Storage;
using OmniGraph.Grains.Storage.Documents;
using OmniGraph.Storage;

namespace OmniGraph.Grains.Manifest;

internal sealed partial class ManifestGrain
{
    /// <inheritdoc />
    public async Task<GraphSnapshot> BeginWriteAsync(string branch, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await RequireStampAsync();
        var info = await GetBranchAsync(branch);
        await HealAllAsync(HealMode.WriteEntry, info);
        ThrowIfWritesBlocked(info);
        var head = await ResolveHeadAsync(info);
        ThrowIfChainBroken(info, head.ManifestVersion);
        return head;
    }

    /// <inheritdoc />
    public async Task<CommitInfo> CommitAsync(CommitRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        await RequireStampAsync();

        // 0. The graph's policy, before anything else (a denied write learns nothing about the branch).
        var owedAudit = await AuthorizeCommitAsync(request, request.Branch);
        var branch = await GetBranchAsync(request.Branch);

        // 1. Heal this branch's sidecars that can be healed now (again: a concurrent write of this silo may have been
        //    abandoned since the write's entry); refuse to write past one that cannot.
        await HealAllAsync(HealMode.WriteEntry, branch);
        ThrowIfWritesBlocked(branch);

        // 2. Check the base (before any effect), and that the chain it ends is whole: a write on a chain that lost its
        //    last version would reuse that version's number.
        var head = await ResolveHeadAsync(branch);
        ThrowIfChainBroken(branch, head.ManifestVersion);
        if (request.ExpectedHeadCommit is { } expectedHead && !string.Equals(expectedHead, head.Commit.Id, StringComparison.Ordinal))
        {
            throw new GraphPreconditionFailedException(branch.Name, expectedHead, head.Commit.Id);
        }

        if (head.ManifestVersion != request.BaseVersion || !string.Equals(head.Commit.Id, request.BaseCommitId, StringComparison.Ordinal))
        {
            throw new ReadSetChangedException(ReadSetChangedException.GraphHead(branch.Name), request.BaseCommitId, head.Commit.Id);
        }

        if (request.MergedParentId is { } mergedParent && !StoredDocuments.IsUlid(mergedParent))
        {
            throw EngineErrors.InvalidWrite("graph", $"merged parent '{mergedParent}' is not a commit id");
        }

        var changes = CheckChanges(request, branch, head);
        var manifest = BuildManifest(branch, head, changes, new CommitRecordDocument
        {
            Id = request.CommitId,
            Parent = head.Commit.Id,
            MergedParent = request.MergedParentId,
            Actor = request.Actor,
            CreatedAt = request.CreatedAt,
            Kind = request.Writer,
        });
        var sidecar = new SidecarDocument
        {
            SidecarFormat = StorageFormat.SidecarFormat,
            Tx = request.Tx,
            Writer = request.Writer,
            CreatedAt = NowMicros(),
            Branch = branch.Name,
            BranchIncarnation = branch.Incarnation,
            BaseVersion = head.ManifestVersion,
            BaseCommit = head.Commit.Id,
            CommitId = request.CommitId,
            RollbackCommitId = request.RollbackCommitId,
            Actor = request.Actor,
            Tables = [.. changes.Select(static c => new SidecarTableDocument { Expected = StoredDocuments.ToDocument(c.Expected), Staged = StoredDocuments.ToDocument(c.Staged) })],
            Manifest = manifest,
            Audit = owedAudit,
        };
        var sidecarKey = GraphObjectKeys.Sidecar(request.Tx);

        // The last moment a cancellation is honoured: from the sidecar on, the protocol runs to its end (or a crash
        // leaves it to recovery), so a cancelled write has published nothing and a write past here is not cut halfway.
        cancellationToken.ThrowIfCancellationRequested();

        // 3. Sidecar (with the commit pointer, which is only believed once the manifest names the commit).
        await WriteSidecarAsync(sidecarKey, sidecar);

        // 4. Table heads, in table-key order.
        var advanced = new List<TableCommitChange>(changes.Count);
        try
        {
            foreach (var change in changes)
            {
                await _failpoints.BeforeAsync(Failpoints.CommitTableHeadAdvance, change.Staged.Table);
                await AdvanceHeadAsync(request.Tx, branch, head, change);
                advanced.Add(change);
                _failpoints.After(Failpoints.CommitTableHeadAdvance, change.Staged.Table);
            }
        }
        catch (SimulatedCrashException)
        {
            Abandon(request.Tx);
            throw;
        }
        catch (Exception exception)
        {
            await UndoOwnEffectsAsync(request.Tx, sidecarKey, branch, advanced, exception);
            if (exception is TableHeadConflictException conflict)
            {
                throw new ReadSetChangedException($"table:{conflict.Table}", conflict.Expected.ToString(), conflict.Actual?.ToString(), conflict);
            }

            throw;
        }

        // 5. Publish: the commit point.
        var manifestKey = GraphObjectKeys.Manifest(branch.Incarnation, manifest.Version);
        try
        {
            await _failpoints.BeforeAsync(Failpoints.CommitManifestPublish);
            await _store.PutAsync(manifestKey, StoredDocuments.Serialize(manifest), WriteCondition.IfNotExists);
        }
        catch (ObjectPreconditionFailedException)
        {
            manifest = await ResolvePublishRaceAsync(request, sidecarKey, branch, advanced, manifest.Version);
        }
        catch (SimulatedCrashException)
        {
            Abandon(request.Tx);
            throw;
        }
        catch (Exception exception)
        {
            // The heads moved and the publish may or may not have happened: recovery decides (forward, since every
            // effect is in place, unless another writer took the version meanwhile).
            Abandon(request.Tx);
            LogPublishFailed(GraphId, request.Tx, exception);
            throw new RecoveryRequiredException(request.Tx, sidecarKey, "publishing the manifest failed after the table heads moved; the next heal decides the write's outcome", exception);
        }

        try
        {
            _failpoints.After(Failpoints.CommitManifestPublish);
        }
        catch (SimulatedCrashException)
        {
            Abandon(request.Tx);
            throw;
        }

        CacheManifest(manifest);
        NoteHead(manifest);
        foreach (var change in changes)
        {
            NoteFigureVerified(change.Staged.Key);
        }

        // 6. The audit entry the write owes (when audited); if it cannot be appended the sidecar stays and the next
        //    heal appends it, so the sidecar is deleted only after the entry exists.
        if (await TryAppendCommitAuditAsync(sidecar))
        {
            // 7. Delete the sidecar; a failure does not fail the write (the next heal finds it published and deletes it).
            try
            {
                await _failpoints.BeforeAsync(Failpoints.CommitSidecarDelete);
                await _store.DeleteAsync(sidecarKey, WriteCondition.None);
            }
            catch (Exception exception) when (exception is not SimulatedCrashException)
            {
                Abandon(request.Tx);
                LogSidecarDeleteFailed(GraphId, request.Tx, exception);
            }

            _failpoints.After(Failpoints.CommitSidecarDelete);
        }

        // A commit that moved no table head leaves no head record naming its version: the hint is then its only
        // durable evidence once the sidecar is gone (§6.1), so it is written now rather than at the interval.
        await PersistHeadHintsQuietlyAsync(force: changes.Count == 0);
        LogCommitted(GraphId, branch.Name, manifest.Version, request.CommitId, changes.Count);
        return StoredDocuments.ToCommit(manifest);
    }

    /// <summary>
    /// The manifest version this write wanted exists: if it carries this write's commit a healer rolled the write
    /// forward (it is published); otherwise another writer or a healer's fence won, so this write undoes its heads.
    /// </summary>
    private async Task<ManifestDocument> ResolvePublishRaceAsync(CommitRequest request, string sidecarKey, BranchInfo branch, List<TableCommitChange> advanced, long version)
    {
        ManifestDocument winner;
        try
        {
            winner = await ReadManifestAsync(branch.Incarnation, version);
        }
        catch (Exception exception)
        {
            Abandon(request.Tx);
            throw new RecoveryRequiredException(request.Tx, sidecarKey, "the manifest version this write wanted exists but could not be read", exception);
        }

        if (string.Equals(winner.Commit.Id, request.CommitId, StringComparison.Ordinal))
        {
            return winner;
        }

        NoteHead(winner);
        await UndoOwnEffectsAsync(request.Tx, sidecarKey, branch, advanced, null);
        throw new ReadSetChangedException(ReadSetChangedException.GraphHead(branch.Name), request.BaseCommitId, winner.Commit.Id);
    }

    /// <summary>Writes the sidecar and the commit pointer; on failure nothing of the write has taken effect.</summary>
    private async Task WriteSidecarAsync(string sidecarKey, SidecarDocument sidecar)
    {
        await _failpoints.BeforeAsync(Failpoints.CommitSidecarWrite);
        var pointer = new CommitPointerDocument
        {
            Format = StorageFormat.ObjectFormat,
            CommitId = sidecar.CommitId,
            Branch = sidecar.Branch,
            BranchIncarnation = sidecar.BranchIncarnation,
            ManifestVersion = sidecar.Manifest.Version,
        };
        try
        {
            await ConcurrentWrites.PutAllAsync(_store,
            [
                (sidecarKey, StoredDocuments.Serialize(sidecar)),
                (GraphObjectKeys.CommitPointer(sidecar.CommitId), StoredDocuments.Serialize(pointer)),
            ]);
        }
        catch (Exception exception)
        {
            // No head moved, so a sidecar that did land can simply go.
            await TryDeleteAsync(sidecarKey);
            LogSidecarWriteFailed(GraphId, sidecar.Tx, exception);
            throw;
        }

        try
        {
            _failpoints.After(Failpoints.CommitSidecarWrite);
        }
        catch (SimulatedCrashException)
        {
            Abandon(sidecar.Tx);
            throw;
        }
    }

    /// <summary>
    /// Moves one table head. On a conflict the head record is classified (§6.1): a head left by an abandoned write that
    /// no sidecar covers and whose version another commit took (an orphan, possible when a healer and a dying writer
    /// cross) is reset and the move retried once; a head that proves a lost manifest version, or a missing or
    /// inconsistent head record, is corruption; anything else (a write in flight) is the conflict it looks like.
    /// </summary>
    private async Task AdvanceHeadAsync(string tx, BranchInfo branch, GraphSnapshot head, TableCommitChange change)
    {
        var grain = TableGrain(change.Staged.Table, branch.Name);
        var move = new TableHeadMove(tx, change.Expected, change.Staged, head.ManifestVersion + 1);
        TableVersionRef orphan;
        try
        {
            await grain.AdvanceHeadAsync(move);
            return;
        }
        catch (TableHeadConflictException)
        {
            var record = await grain.GetHeadRecordAsync(refresh: false);
            var verdict = await ClassifyHeadAsync(branch, head.ManifestVersion, change.Expected, record);
            switch (verdict.Relation)
            {
                case HeadRelation.Orphan:
                    orphan = record.Head!;
                    break;
                case HeadRelation.LostManifest:
                    ThrowIfChainEndsBelow(branch, head.ManifestVersion, [(verdict.ProvenVersion!.Value, $"the table head record {verdict.StateKey} ({verdict.Detail})")]);
                    throw;
                case HeadRelation.Missing or HeadRelation.Inconsistent:
                    throw HeadRecordError(branch, verdict);
                default:
                    throw;
            }
        }

        LogOrphanedHeadRepaired(GraphId, change.Staged.Table, orphan.ToString(), change.Expected.ToString());
        await grain.RollBackHeadAsync(orphan.Tx!, orphan, change.Expected);
        await grain.AdvanceHeadAsync(move);
    }

    /// <summary>
    /// A writer undoing its own head moves after a failure before publish: heads back, then the sidecar. If that fails
    /// too, the sidecar stays and recovery takes over.
    /// </summary>
    private async Task UndoOwnEffectsAsync(string tx, string sidecarKey, BranchInfo branch, List<TableCommitChange> advanced, Exception? cause)
    {
        try
        {
            for (var i = advanced.Count - 1; i >= 0; i--)
            {
                var change = advanced[i];
                await TableGrain(change.Staged.Table, branch.Name).RollBackHeadAsync(tx, change.Staged, change.Expected);
            }

            await _store.DeleteAsync(sidecarKey, WriteCondition.None);
        }
        catch (Exception undo)
        {
            Abandon(tx);
            throw new RecoveryRequiredException(tx, sidecarKey, $"undoing the write's head moves failed ({undo.Message}); the next heal rolls it back", cause ?? undo);
        }
    }

    /// <summary>Validates the staged changes against the head and orders them by table key.</summary>
    private static List<TableCommitChange> CheckChanges(CommitRequest request, BranchInfo branch, GraphSnapshot head)
    {
        var changes = new List<TableCommitChange>(request.Tables.IsDefault ? 0 : request.Tables.Length);
        if (!request.Tables.IsDefault)
        {
            changes.AddRange(request.Tables);
        }

        changes.Sort(static (a, b) => string.CompareOrdinal(a.Staged.Table, b.Staged.Table));
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            var table = change.Staged.Table;
            if (i > 0 && string.Equals(changes[i - 1].Staged.Table, table, StringComparison.Ordinal))
            {
                throw EngineErrors.InvalidWrite(table, "the commit names the table twice");
            }

            var published = head.GetTable(table);
            if (!published.SameVersionAs(change.Expected))
            {
                throw new ReadSetChangedException($"table:{table}", change.Expected.ToString(), published.ToString());
            }

            // A head names its transaction; recovery and orphan repair find the sidecar by it.
            if (!string.Equals(change.Staged.Tx, request.Tx, StringComparison.Ordinal))
            {
                throw EngineErrors.InvalidWrite(table, $"staged version {change.Staged} belongs to transaction {change.Staged.Tx}, not {request.Tx}");
            }

            if (!string.Equals(change.Expected.Table, table, StringComparison.Ordinal)
                || change.Staged.Key is null
                || change.Staged.Version != change.Expected.Version + 1
                || !string.Equals(change.Staged.ChainIncarnation, branch.Incarnation, StringComparison.Ordinal))
            {
                throw EngineErrors.InvalidWrite(table, $"staged version {change.Staged} does not follow {change.Expected} on branch '{branch.Name}'");
            }
        }

        return changes;
    }

    /// <summary>Manifest version head + 1: the head's tables with the changed ones replaced, and the commit.</summary>
    private static ManifestDocument BuildManifest(BranchInfo branch, GraphSnapshot head, IReadOnlyList<TableCommitChange> changes, CommitRecordDocument commit)
    {
        var tables = new TableVersionRefDocument[head.Tables.Length];
        for (var i = 0; i < tables.Length; i++)
        {
            var table = head.Tables[i];
            var replacement = table;
            foreach (var change in changes)
            {
                if (string.Equals(change.Staged.Table, table.Table, StringComparison.Ordinal))
                {
                    replacement = change.Staged;
                    break;
                }
            }

            tables[i] = StoredDocuments.ToDocument(replacement);
        }

        return new ManifestDocument
        {
            Format = StorageFormat.ObjectFormat,
            Branch = branch.Name,
            BranchIncarnation = branch.Incarnation,
            Version = head.ManifestVersion + 1,
            SchemaHash = head.SchemaHash,
            Commit = commit,
            Tables = tables,
        };
    }

    /// <summary>Remembers that this activation gave up on a write: its sidecar may be healed at the next write entry whatever its age.</summary>
    private void Abandon(string tx) => _abandoned.Add(tx);

    private async Task TryDeleteAsync(string key)
    {
        try
        {
            await _store.DeleteAsync(key, WriteCondition.None);
        }
        catch (OmniGraphException exception)
        {
            LogCleanupFailed(GraphId, key, exception);
        }
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

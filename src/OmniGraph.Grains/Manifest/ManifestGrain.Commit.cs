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

        var changes = CheckChanges(request, branch, head);
        var manifest = BuildManifest(branch, head, changes, new CommitRecordDocument
        {
            Id = request.CommitId,
            Parent = head.Commit.Id,
            MergedParent = null,
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
        };
        var sidecarKey = GraphObjectKeys.Sidecar(request.Tx);

        // The last moment a cancellation is honoured: from the sidecar on, the protocol runs to its end (or a crash
        // leaves it to recovery), so a cancelled write has published nothing and a write past here is not cut halfway.
        cancellationToken.ThrowIfCancellationRequested();

        // 3. The staged objects made durable, the sidecar and the commit pointer written; the manifest's bytes are made
        //    durable too, so that publishing it is one link and one directory flush.
        var preparedManifest = await WriteSidecarAsync(sidecarKey, sidecar, changes);

        // 4. Publish: the commit point.
        var manifestKey = GraphObjectKeys.Manifest(branch.Incarnation, manifest.Version);
        try
        {
            await _failpoints.BeforeAsync(Failpoints.CommitManifestPublish);
            await _store.PublishAsync(preparedManifest, WriteCondition.IfNotExists);
        }
        catch (ObjectPreconditionFailedException)
        {
            manifest = await ResolvePublishRaceAsync(request, sidecarKey, branch, manifest.Version);
        }
        catch (SimulatedCrashException)
        {
            Abandon(request.Tx);
            throw;
        }
        catch (Exception exception)
        {
            // The publish may or may not have happened: recovery decides (forward if it did, back behind a fence if not).
            await _store.DiscardAsync(preparedManifest);
            Abandon(request.Tx);
            LogPublishFailed(GraphId, request.Tx, exception);
            throw new RecoveryRequiredException(request.Tx, sidecarKey, "publishing the manifest failed; the next heal decides the write's outcome", exception);
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

        // 5. Acknowledged: the write is durable. Moving the table heads to it and deleting the sidecar follow off the
        //    acknowledgement path, in commit order; until they are done the sidecar covers them (§6).
        CompleteInBackground(request.Tx, sidecarKey, branch, head.ManifestVersion, changes);
        LogCommitted(GraphId, branch.Name, manifest.Version, request.CommitId, changes.Count);
        return StoredDocuments.ToCommit(manifest);
    }

    /// <summary>
    /// The manifest version this write wanted exists: if it carries this write's commit a healer rolled the write
    /// forward (it is published); otherwise another writer or a healer's fence won, and since no head has moved the
    /// write only has to delete its sidecar.
    /// </summary>
    private async Task<ManifestDocument> ResolvePublishRaceAsync(CommitRequest request, string sidecarKey, BranchInfo branch, long version)
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
        try
        {
            await _store.DeleteAsync(sidecarKey, WriteCondition.None);
        }
        catch (Exception exception) when (exception is not SimulatedCrashException)
        {
            // Harmless: the next heal finds the version taken and deletes the sidecar.
            Abandon(request.Tx);
            LogCleanupFailed(GraphId, sidecarKey, exception);
        }

        // The conflict names the head as it is now (the winner may have been followed by more commits already).
        var current = winner.Commit.Id;
        try
        {
            current = (await ResolveHeadAsync(branch)).Commit.Id;
        }
        catch (OmniGraphException)
        {
            // The branch cannot be resolved now (that error reaches the caller's next call): the winner is still true.
        }

        throw new ReadSetChangedException(ReadSetChangedException.GraphHead(branch.Name), request.BaseCommitId, current);
    }

    /// <summary>
    /// Makes the write's staged objects durable and writes its sidecar and commit pointer, in two rounds of flushes:
    /// first everything whose bytes can be made durable at once (the staged objects, the sidecar's, the pointer's and the
    /// manifest's, each under a name nobody reads), then the sidecar and the pointer are published. Returns the prepared
    /// manifest. A failure before the sidecar is published fails the write (nothing took effect; what was prepared is
    /// dropped); one after it leaves the outcome to recovery.
    /// </summary>
    private async Task<PreparedPut> WriteSidecarAsync(string sidecarKey, SidecarDocument sidecar, List<TableCommitChange> changes)
    {
        var pointer = new CommitPointerDocument
        {
            Format = StorageFormat.ObjectFormat,
            CommitId = sidecar.CommitId,
            Branch = sidecar.Branch,
            BranchIncarnation = sidecar.BranchIncarnation,
            ManifestVersion = sidecar.Manifest.Version,
        };
        var unflushed = new List<string>();
        foreach (var change in changes)
        {
            unflushed.AddRange(change.Unflushed.IsDefault ? [] : change.Unflushed);
        }

        var prepared = new PreparedPut?[3];
        try
        {
            // Round 1: the staged objects must be durable before anything durable names them (the sidecar does).
            await _failpoints.BeforeAsync(Failpoints.CommitStagedFlush);
            await DurableRound.RunAsync(
                async () => await _store.FlushAsync(unflushed),
                async () => prepared[0] = await _store.PreparePutAsync(sidecarKey, StoredDocuments.Serialize(sidecar)),
                async () => prepared[1] = await _store.PreparePutAsync(GraphObjectKeys.CommitPointer(sidecar.CommitId), StoredDocuments.Serialize(pointer)),
                async () => prepared[2] = await _store.PreparePutAsync(GraphObjectKeys.Manifest(sidecar.BranchIncarnation, sidecar.Manifest.Version), StoredDocuments.Serialize(sidecar.Manifest)));
            _failpoints.After(Failpoints.CommitStagedFlush);
            await _failpoints.BeforeAsync(Failpoints.CommitSidecarWrite);
        }
        catch (SimulatedCrashException)
        {
            Abandon(sidecar.Tx);
            throw;
        }
        catch (Exception exception)
        {
            // Nothing is published: the write fails, leaving only objects nobody names.
            await DiscardAllAsync(prepared);
            LogSidecarWriteFailed(GraphId, sidecar.Tx, exception);
            throw;
        }

        try
        {
            // Round 2: the sidecar and the pointer become visible and durable. From here on the write is complete on
            // disk (a heal publishes a sidecar whose staged objects are durable), so it can no longer simply fail.
            await DurableRound.RunAsync(
                async () => await _store.PublishAsync(prepared[0]!, WriteCondition.IfNotExists),
                async () => await _store.PublishAsync(prepared[1]!, WriteCondition.IfNotExists));
            _failpoints.After(Failpoints.CommitSidecarWrite);
        }
        catch (SimulatedCrashException)
        {
            Abandon(sidecar.Tx);
            throw;
        }
        catch (Exception exception)
        {
            // The sidecar may have landed (a failure after its link): its outcome is recovery's, which publishes the write
            // if it did. Telling the writer it failed could be contradicted by a heal.
            await _store.DiscardAsync(prepared[2]!);
            Abandon(sidecar.Tx);
            LogSidecarWriteFailed(GraphId, sidecar.Tx, exception);
            throw new RecoveryRequiredException(sidecar.Tx, sidecarKey, "writing the recovery sidecar failed part way; the next heal publishes the write if the sidecar was written", exception);
        }

        return prepared[2]!;
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

    private async Task DiscardAllAsync(PreparedPut?[] prepared)
    {
        foreach (var put in prepared)
        {
            if (put is not null)
            {
                await _store.DiscardAsync(put);
            }
        }
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
}

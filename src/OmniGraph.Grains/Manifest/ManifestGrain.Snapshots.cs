using System.Text;

namespace OmniGraph.Grains.Manifest;

internal sealed partial class ManifestGrain
{
    /// <inheritdoc />
    public async Task<GraphSnapshot> ResolveSnapshotAsync(SnapshotTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        cancellationToken.ThrowIfCancellationRequested();
        await RequireStampAsync();
        switch (target.Kind)
        {
            case SnapshotTargetKind.BranchHead:
                return await ResolveHeadAsync(await GetBranchAsync(target.Branch ?? BranchNames.Main));
            case SnapshotTargetKind.ManifestVersion:
                var branch = await GetBranchAsync(target.Branch ?? BranchNames.Main);
                return await ResolveVersionAsync(branch, target.ManifestVersion ?? throw new ArgumentException("a manifest-version target needs a version", nameof(target)));
            default:
                var (pointer, manifest) = await ResolveCommitAsync(target.CommitId ?? throw new ArgumentException("a commit target needs a commit id", nameof(target)));
                return await ServableAsync(StoredDocuments.ToSnapshot(manifest) with { Branch = pointer.Branch });
        }
    }

    /// <inheritdoc />
    public async Task<CommitInfo> GetCommitAsync(string commitId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commitId);
        cancellationToken.ThrowIfCancellationRequested();
        await RequireStampAsync();
        var (pointer, manifest) = await ResolveCommitAsync(commitId);
        return StoredDocuments.ToCommit(manifest) with { Branch = pointer.Branch };
    }

    /// <inheritdoc />
    public async Task<ImmutableArray<CommitInfo>> ListCommitsAsync(string branch, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var info = await GetBranchAsync(branch);

        // The history needs the chain, not the tables: a damaged table version must not hide it.
        var head = await ResolveHeadAsync(info, verifyFigures: false);
        var commits = ImmutableArray.CreateBuilder<CommitInfo>();

        // Walk the branch's own chain down to its fork point, then the source's chain from there, and so on to main.
        BranchInfo? current = info;
        var version = head.ManifestVersion;
        while (current is not null && commits.Count < limit)
        {
            var floor = current.ForkedFrom?.ManifestVersion ?? 0;

            // Below cleanup's floor the history is reclaimed: the list ends there.
            var kept = Math.Max(floor, KeepFromOf(current.Incarnation) - 1);
            for (; version > kept && commits.Count < limit; version--)
            {
                cancellationToken.ThrowIfCancellationRequested();
                commits.Add(await CommitAtAsync(current, version));
            }

            if (kept > floor || current.ForkedFrom is not { } fork)
            {
                break;
            }

            current = await FindBranchByIncarnationAsync(fork.Incarnation);
            version = fork.ManifestVersion;
        }

        return commits.ToImmutable();
    }

    /// <inheritdoc />
    public async Task<SchemaOutput> GetSchemaAsync(string? schemaHash, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await RequireStampAsync();
        var hash = schemaHash ?? (await ResolveHeadAsync(await GetBranchAsync(BranchNames.Main))).SchemaHash;
        if (!_schemaSources.TryGetValue(hash, out var source))
        {
            var key = GraphObjectKeys.SchemaSource(hash);
            try
            {
                var stored = await _store.GetAsync(key);
                source = Encoding.UTF8.GetString(stored.Content.Span);
            }
            catch (ObjectNotFoundException exception)
            {
                throw new CorruptObjectException(key, "the schema source a manifest names is missing", exception);
            }

            _schemaSources[hash] = source;
        }

        return new SchemaOutput(source, hash);
    }

    /// <summary>
    /// The head snapshot of a branch, strongly consistent: probe for the next manifest version (one request when nothing
    /// changed) and read forward while another process has published. A fork that never published is at its fork point.
    /// </summary>
    /// <remarks>
    /// The head is served only when its chain end agrees with every durable record that names a later state (checked on
    /// the incarnation's first resolve) and its row counts were verified: docs/design/storage-engine.md §6.1.
    /// </remarks>
    private async Task<GraphSnapshot> ResolveHeadAsync(BranchInfo branch, bool verifyFigures = true)
    {
        var head = await ProbeHeadAsync(branch);
        GraphSnapshot snapshot;
        if (head is not null)
        {
            snapshot = StoredDocuments.ToSnapshot(head);
        }
        else
        {
            var fork = branch.ForkedFrom ?? throw new CorruptObjectException(GraphObjectKeys.Manifest(branch.Incarnation, 1), "the genesis manifest of main is missing");
            var inherited = await ReadManifestAsync(fork.Incarnation, fork.ManifestVersion);
            snapshot = StoredDocuments.ToSnapshot(inherited) with
            {
                Branch = branch.Name,
                BranchIncarnation = branch.Incarnation,
            };
        }

        await VerifyChainEndAsync(branch, snapshot.ManifestVersion, snapshot.Tables);
        return verifyFigures ? await ServableAsync(snapshot) : snapshot;
    }

    /// <summary>A snapshot that may be served: not a placeholder of a lost version, and its row counts verified.</summary>
    /// <exception cref="OmniGraphException">Code <c>snapshot_not_found</c>: The version was lost and is held only by a placeholder.</exception>
    private async Task<GraphSnapshot> ServableAsync(GraphSnapshot snapshot)
    {
        if (string.Equals(snapshot.Commit.Kind, CommitKinds.RecoveryLost, StringComparison.Ordinal))
        {
            throw EngineErrors.SnapshotNotFound(snapshot.Branch, snapshot.ManifestVersion, "it was lost; recovery repair keeps its number and commit but not its data");
        }

        await VerifyFiguresAsync(snapshot.Tables);
        return snapshot;
    }

    /// <summary>The latest manifest on the branch's own chain, or <c>null</c> for a fork that has not published.</summary>
    private async Task<ManifestDocument?> ProbeHeadAsync(BranchInfo branch)
    {
        var incarnation = branch.Incarnation;
        _heads.TryGetValue(incarnation, out var head);
        if (head is null)
        {
            var hint = HintFor(incarnation);
            var floor = branch.ForkedFrom?.ManifestVersion ?? 0;
            if (hint > floor)
            {
                head = await TryReadManifestAsync(incarnation, hint);
            }

            // After a cleanup the chain starts at its floor (the versions below are gone): probe from there.
            if (head is null && KeepFromOf(incarnation) is var kept && kept > floor + 1)
            {
                head = await ReadManifestAsync(incarnation, kept);
            }

            if (head is null && branch.ForkedFrom is null)
            {
                head = await ReadManifestAsync(incarnation, 1);
            }
        }

        var next = (head?.Version ?? branch.ForkedFrom!.ManifestVersion) + 1;
        while (await _store.GetPropertiesAsync(GraphObjectKeys.Manifest(incarnation, next)) is not null)
        {
            head = await ReadManifestAsync(incarnation, next);
            next++;
        }

        if (head is not null)
        {
            NoteHead(head);
        }

        return head;
    }

    /// <summary>Records a manifest as the head of its incarnation if it is newer than the one known.</summary>
    private void NoteHead(ManifestDocument manifest)
    {
        if (!_heads.TryGetValue(manifest.BranchIncarnation, out var known) || known.Version < manifest.Version)
        {
            _heads[manifest.BranchIncarnation] = manifest;
        }
    }

    private async Task<GraphSnapshot> ResolveVersionAsync(BranchInfo branch, long version)
    {
        var current = branch;
        while (current.ForkedFrom is { } fork && version <= fork.ManifestVersion)
        {
            current = await FindBranchByIncarnationAsync(fork.Incarnation) ?? throw EngineErrors.SnapshotNotFound(branch.Name, version);
        }

        ThrowIfReclaimed(branch.Name, current.Incarnation, version);
        var manifest = await TryReadManifestAsync(current.Incarnation, version) ?? throw EngineErrors.SnapshotNotFound(branch.Name, version);
        return await ServableAsync(StoredDocuments.ToSnapshot(manifest) with { Branch = branch.Name, BranchIncarnation = branch.Incarnation });
    }

    /// <summary>A commit's pointer and manifest; the pointer is believed only when the manifest it names carries the commit.</summary>
    private async Task<(CommitPointerDocument Pointer, ManifestDocument Manifest)> ResolveCommitAsync(string commitId)
    {
        if (!StoredDocuments.IsUlid(commitId))
        {
            throw EngineErrors.CommitNotFound(commitId);
        }

        var key = GraphObjectKeys.CommitPointer(commitId.ToUpperInvariant());
        CommitPointerDocument pointer;
        try
        {
            var stored = await _store.GetAsync(key);
            pointer = StoredDocuments.ReadCommitPointer(key, stored.Content.Span, commitId.ToUpperInvariant());
        }
        catch (ObjectNotFoundException)
        {
            await ThrowIfCommitReclaimedAsync(commitId.ToUpperInvariant());
            throw EngineErrors.CommitNotFound(commitId);
        }

        // ABA: a commit of a deleted incarnation is never served, even while its objects await reclaim and even when
        // a branch of the same name exists again (it is another branch).
        if (await FindDeletedIncarnationAsync(pointer.BranchIncarnation) is { } deleted)
        {
            throw EngineErrors.StaleBranchIncarnation(commitId, deleted.Deleted.Name, pointer.BranchIncarnation, deleted.Recreated);
        }

        ThrowIfReclaimed(pointer.Branch, pointer.BranchIncarnation, pointer.ManifestVersion, pointer.CommitId);
        var manifest = await TryReadManifestAsync(pointer.BranchIncarnation, pointer.ManifestVersion);
        if (manifest is null || !string.Equals(manifest.Commit.Id, pointer.CommitId, StringComparison.Ordinal))
        {
            // A pointer written by an attempt that never published (or was fenced off).
            throw EngineErrors.CommitNotFound(commitId);
        }

        return (pointer, manifest);
    }

    private async Task<CommitInfo> CommitAtAsync(BranchInfo branch, long version)
    {
        if (_commits.TryGetValue((branch.Incarnation, version), out var commit))
        {
            return commit;
        }

        var manifest = await ReadManifestAsync(branch.Incarnation, version);
        return CacheCommit(manifest);
    }

    private CommitInfo CacheCommit(ManifestDocument manifest)
    {
        var commit = StoredDocuments.ToCommit(manifest);
        _commits[(manifest.BranchIncarnation, manifest.Version)] = commit;
        return commit;
    }

    /// <summary>A manifest version that a published object refers to: missing is corruption.</summary>
    private async Task<ManifestDocument> ReadManifestAsync(string incarnation, long version) =>
        await TryReadManifestAsync(incarnation, version)
        ?? throw new CorruptObjectException(GraphObjectKeys.Manifest(incarnation, version), "a manifest version that must exist is missing");

    /// <summary>A manifest version, or <c>null</c> when it does not exist.</summary>
    private async Task<ManifestDocument?> TryReadManifestAsync(string incarnation, long version)
    {
        if (_manifests.TryGetValue((incarnation, version), out var cached))
        {
            return cached;
        }

        var key = GraphObjectKeys.Manifest(incarnation, version);
        StoredObject stored;
        try
        {
            stored = await _store.GetAsync(key);
        }
        catch (ObjectNotFoundException)
        {
            return null;
        }

        var manifest = StoredDocuments.ReadManifest(key, stored.Content.Span, incarnation, version);
        CacheManifest(manifest);
        return manifest;
    }

    private void CacheManifest(ManifestDocument manifest)
    {
        var key = (manifest.BranchIncarnation, manifest.Version);
        if (_manifests.TryAdd(key, manifest))
        {
            _manifestOrder.Enqueue(key);
            while (_manifestOrder.Count > ManifestCacheCapacity)
            {
                _manifests.Remove(_manifestOrder.Dequeue());
            }
        }

        CacheCommit(manifest);
    }
}

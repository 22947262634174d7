using Orleans.Storage;

namespace OmniGraph.Grains.Manifest;

internal sealed partial class ManifestGrain
{
    /// <inheritdoc />
    public async Task<ImmutableArray<BranchInfo>> ListBranchesAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var stamp = await RequireStampAsync();
        var branches = ImmutableArray.CreateBuilder<BranchInfo>();
        branches.Add(MainBranch(stamp));
        await _stateLock.WaitAsync(cancellationToken);
        try
        {
            foreach (var record in _state.State.Branches.OrderBy(static b => b.Name, StringComparer.Ordinal))
            {
                branches.Add(ToInfo(record));
            }
        }
        finally
        {
            _stateLock.Release();
        }

        return branches.ToImmutable();
    }

    /// <inheritdoc />
    public async Task<BranchInfo> CreateBranchAsync(string name, string? from = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        cancellationToken.ThrowIfCancellationRequested();
        using var gate = await EnterWriteGateAsync();
        await RequireStampAsync();
        if (BranchNameRules.FindViolation(name) is { } problem)
        {
            throw EngineErrors.InvalidBranchName(name, problem);
        }

        var fork = await ResolveForkPointAsync(from ?? BranchNames.Main);

        // A deleted incarnation's objects go before its name is used again (its head records live under the name).
        await ReclaimPendingAsync();
        cancellationToken.ThrowIfCancellationRequested();
        var record = new BranchRecord { Name = name, Incarnation = Ulid.NewUlid().ToString(), CreatedAt = NowMicros(), ForkedFrom = fork };
        await UpdateRegistryAsync(state =>
        {
            if (state.Branches.Exists(b => string.Equals(b.Name, name, StringComparison.Ordinal)))
            {
                throw EngineErrors.BranchExists(name);
            }

            if (BranchNameRules.FindCollision(name, state.Branches.Select(static b => b.Name)) is { } live)
            {
                throw EngineErrors.BranchNameCollision(name, live);
            }

            state.Branches.Add(record);

            // The incarnation is new for this call: a registry holding it under this name holds this create.
            return new RegistryChange(
                () => state.Branches.Remove(record),
                stored => stored.Branches.Exists(b => string.Equals(b.Name, name, StringComparison.Ordinal) && string.Equals(b.Incarnation, record.Incarnation, StringComparison.Ordinal)));
        });

        LogBranchForked(GraphId, name, fork.Branch, fork.ManifestVersion);
        return ToInfo(record);
    }

    /// <inheritdoc />
    public async Task<BranchDeletion> DeleteBranchAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        cancellationToken.ThrowIfCancellationRequested();
        using var gate = await EnterWriteGateAsync();
        await RequireStampAsync();
        if (string.Equals(name, BranchNames.Main, StringComparison.Ordinal) || BranchNameRules.InternalNames.Contains(name))
        {
            throw EngineErrors.InvalidBranchOperation(name, $"cannot delete branch '{name}': {(BranchNameRules.InternalNames.Contains(name) ? "it is an internal system ref" : "main always exists")}");
        }

        var branch = await GetBranchAsync(name);

        // Commits of the branch accepted by this activation are published first (group commit); a write on the branch
        // that recovery has not decided yet would be orphaned: heal what can be healed, and refuse while a write is still
        // pending (another process's in flight, or one whose heal failed).
        await DrainAsync(branch.Incarnation);
        await HealAllAsync(HealMode.WriteEntry, branch);
        ThrowIfWritesBlocked(branch);
        if (_pending.Values.FirstOrDefault(p => string.Equals(p.Branch, name, StringComparison.Ordinal)) is { } pending)
        {
            throw new RecoveryRequiredException(GraphObjectKeys.SidecarTx(pending.Key) ?? pending.Key, pending.Key, $"a write to branch '{name}' is still pending recovery; the branch is deleted once it is resolved");
        }

        cancellationToken.ThrowIfCancellationRequested();
        DeletedBranchRecord? deleted = null;
        await UpdateRegistryAsync(state =>
        {
            var record = state.Branches.Find(b => string.Equals(b.Name, name, StringComparison.Ordinal)) ?? throw EngineErrors.BranchNotFound(name);
            var dependent = state.Branches
                .Where(b => string.Equals(b.ForkedFrom.Incarnation, record.Incarnation, StringComparison.Ordinal))
                .Select(static b => b.Name)
                .Order(StringComparer.Ordinal)
                .FirstOrDefault();
            if (dependent is not null)
            {
                throw EngineErrors.BranchInUse(name, dependent);
            }

            var tombstone = new DeletedBranchRecord
            {
                Name = record.Name,
                Incarnation = record.Incarnation,
                DeletedAt = NowMicros(),
                ForkedFrom = record.ForkedFrom,
            };
            state.Branches.Remove(record);
            state.DeletedBranches.Add(tombstone);
            deleted = tombstone;

            // This tombstone (its incarnation and its deletion time, taken for this call) in place of the live record.
            return new RegistryChange(
                () =>
                {
                    state.DeletedBranches.Remove(tombstone);
                    state.Branches.Add(record);
                },
                stored => !stored.Branches.Exists(b => string.Equals(b.Incarnation, tombstone.Incarnation, StringComparison.Ordinal))
                    && stored.DeletedBranches.Exists(d => string.Equals(d.Incarnation, tombstone.Incarnation, StringComparison.Ordinal) && d.DeletedAt == tombstone.DeletedAt));
        });

        ForgetIncarnation(deleted!.Incarnation);
        LogBranchDeleted(GraphId, name, deleted.Incarnation);
        var (removed, complete) = await TryReclaimAsync(deleted);
        return new BranchDeletion(branch with { Incarnation = deleted.Incarnation }, removed, complete);
    }

    /// <summary>
    /// Where a new branch starts: the head of a live branch, or a commit of one (<c>--from COMMIT</c>). A name is looked
    /// up as a branch first; an unknown name that is a commit id is resolved as a commit.
    /// </summary>
    private async Task<ForkPointRecord> ResolveForkPointAsync(string from)
    {
        BranchInfo source;
        try
        {
            source = await GetBranchAsync(from);
        }
        catch (OmniGraphException missing) when (missing.Code == ErrorCodes.BranchNotFound && StoredDocuments.IsUlid(from))
        {
            var (pointer, manifest) = await ResolveCommitAsync(from);
            var owner = await FindBranchByIncarnationAsync(pointer.BranchIncarnation) ?? throw EngineErrors.CommitNotFound(from);
            await ServableAsync(StoredDocuments.ToSnapshot(manifest));
            return new ForkPointRecord { Branch = owner.Name, Incarnation = owner.Incarnation, ManifestVersion = manifest.Version, CommitId = manifest.Commit.Id };
        }

        var head = await ResolveHeadAsync(source);
        if (source.ForkedFrom is { } inherited && await ProbeHeadAsync(source) is null)
        {
            // The source has not published on its own chain: its head is the manifest it was forked at, which lives on the
            // chain it was forked from (one level, since fork points are made physical here). The new branch starts at that
            // same manifest and commit.
            return new ForkPointRecord { Branch = inherited.Branch, Incarnation = inherited.Incarnation, ManifestVersion = inherited.ManifestVersion, CommitId = inherited.CommitId };
        }

        return new ForkPointRecord { Branch = source.Name, Incarnation = source.Incarnation, ManifestVersion = head.ManifestVersion, CommitId = head.Commit.Id };
    }

    /// <summary>
    /// Changes the registry and persists it with its ETag (durable): <paramref name="apply"/> checks and changes the
    /// state and returns how to undo that and how to recognise it. When the write fails the change is undone and the
    /// registry re-read: if the stored registry holds this very change, the write was applied and only its answer lost
    /// (the store's retry of it was refused, or reported an unknown outcome), so the change is done; if another process
    /// wrote the registry meanwhile, <paramref name="apply"/> runs again on what it wrote, so its checks always see the
    /// state it changes; any other failure is the caller's.
    /// </summary>
    private async Task UpdateRegistryAsync(Func<ManifestGrainState, RegistryChange> apply)
    {
        await _failpoints.BeforeAsync(Failpoints.BranchRegistryWrite);
        await UpdateStateAsync(apply);
        _failpoints.After(Failpoints.BranchRegistryWrite);
    }

    /// <summary>The compare-and-swap loop of <see cref="UpdateRegistryAsync"/>, for every change of the registry state.</summary>
    private async Task UpdateStateAsync(Func<ManifestGrainState, RegistryChange> apply)
    {
        await _stateLock.WaitAsync();
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var change = apply(_state.State);
                try
                {
                    await _state.WriteStateAsync();
                    break;
                }
                catch (Exception failure)
                {
                    change.Undo();
                    if (await LandedAfterAllAsync(change, failure))
                    {
                        break;
                    }

                    if (failure is not InconsistentStateException || attempt >= 2)
                    {
                        throw;
                    }
                }
            }
        }
        finally
        {
            _stateLock.Release();
        }
    }

    /// <summary>
    /// After a failed registry write: reads the registry back and says whether it holds <paramref name="change"/> (the
    /// write was applied, its answer lost). A read that fails leaves the original failure to be reported.
    /// </summary>
    private async Task<bool> LandedAfterAllAsync(RegistryChange change, Exception failure)
    {
        try
        {
            await _state.ReadStateAsync();
        }
        catch (Exception reread) when (failure is not InconsistentStateException)
        {
            LogRegistryRereadFailed(GraphId, reread);
            return false;
        }

        var landed = change.Landed(_state.State);
        if (landed)
        {
            LogRegistryWriteSettled(GraphId, failure.GetType().Name);
        }

        return landed;
    }

    /// <summary>Drops what this activation cached about a deleted incarnation.</summary>
    private void ForgetIncarnation(string incarnation)
    {
        _heads.Remove(incarnation);
        _verifiedChains.Remove(incarnation);
        _gaps.Remove(incarnation);
        _headProblems.Remove(incarnation);
        _persistedHints.Remove(incarnation);

        // Commits of the incarnation may sit in the lineage cache; from now on they are dead ends of the commit graph.
        _lineage.Clear();
    }

    /// <summary>A branch by name; the registry is re-read once when the name is unknown (another process may have created it).</summary>
    private async ValueTask<BranchInfo> GetBranchAsync(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var stamp = await RequireStampAsync();
        if (string.Equals(name, BranchNames.Main, StringComparison.Ordinal))
        {
            return MainBranch(stamp);
        }

        await _stateLock.WaitAsync();
        try
        {
            var record = _state.State.Branches.Find(b => string.Equals(b.Name, name, StringComparison.Ordinal));
            if (record is null)
            {
                await _state.ReadStateAsync();
                record = _state.State.Branches.Find(b => string.Equals(b.Name, name, StringComparison.Ordinal));
            }

            return record is null ? throw EngineErrors.BranchNotFound(name) : ToInfo(record);
        }
        finally
        {
            _stateLock.Release();
        }
    }

    /// <summary>The branch that owns an incarnation (for walking a fork's inherited history), or <c>null</c>.</summary>
    private async ValueTask<BranchInfo?> FindBranchByIncarnationAsync(string incarnation)
    {
        var stamp = await RequireStampAsync();
        if (string.Equals(incarnation, stamp.MainBranchIncarnation, StringComparison.Ordinal))
        {
            return MainBranch(stamp);
        }

        await _stateLock.WaitAsync();
        try
        {
            var record = _state.State.Branches.Find(b => string.Equals(b.Incarnation, incarnation, StringComparison.Ordinal));
            return record is null ? null : ToInfo(record);
        }
        finally
        {
            _stateLock.Release();
        }
    }

    /// <summary>
    /// The incarnation whose chain holds manifest version <paramref name="version"/> of <paramref name="incarnation"/>'s
    /// history: versions up to a fork point are the source's (followed through forks of forks).
    /// </summary>
    private async ValueTask<string> ChainHolderOfAsync(string incarnation, long version)
    {
        var current = await FindBranchByIncarnationAsync(incarnation);
        while (current?.ForkedFrom is { } fork && version <= fork.ManifestVersion)
        {
            incarnation = fork.Incarnation;
            current = await FindBranchByIncarnationAsync(fork.Incarnation);
        }

        return incarnation;
    }

    /// <summary>
    /// The deleted branch an incarnation belonged to, and whether a branch of that name exists again; <c>null</c> for an
    /// incarnation never deleted. The registry is re-read once (another process may have deleted it).
    /// </summary>
    private async ValueTask<(DeletedBranchRecord Deleted, bool Recreated)?> FindDeletedIncarnationAsync(string incarnation)
    {
        if (string.Equals(incarnation, (await RequireStampAsync()).MainBranchIncarnation, StringComparison.Ordinal))
        {
            return null;
        }

        await _stateLock.WaitAsync();
        try
        {
            for (var attempt = 0; attempt < 2; attempt++)
            {
                var deleted = _state.State.DeletedBranches.Find(d => string.Equals(d.Incarnation, incarnation, StringComparison.Ordinal));
                if (deleted is not null)
                {
                    return (deleted, _state.State.Branches.Exists(b => string.Equals(b.Name, deleted.Name, StringComparison.Ordinal)));
                }

                if (attempt == 0 && !_state.State.Branches.Exists(b => string.Equals(b.Incarnation, incarnation, StringComparison.Ordinal)))
                {
                    await _state.ReadStateAsync();
                    continue;
                }

                break;
            }

            return null;
        }
        finally
        {
            _stateLock.Release();
        }
    }

    private static BranchInfo MainBranch(GraphStampDocument stamp) =>
        new(BranchNames.Main, stamp.MainBranchIncarnation, stamp.CreatedAt, null);

    private static BranchInfo ToInfo(BranchRecord record) => new(
        record.Name,
        record.Incarnation,
        record.CreatedAt,
        new BranchForkPoint(record.ForkedFrom.Branch, record.ForkedFrom.Incarnation, record.ForkedFrom.ManifestVersion, record.ForkedFrom.CommitId));
}

namespace OmniGraph.Grains.Manifest;

internal sealed partial class ManifestGrain
{
    /// <inheritdoc />
    public async Task<GraphSnapshot> BeginWriteAsync(string branch, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var gate = await EnterWriteGateAsync();
        await RequireStampAsync();
        var info = await GetBranchAsync(branch);

        // A write that does not chain onto commits in flight prepares on the head they leave.
        await DrainAsync(info.Incarnation);
        return await EnterWriteAsync(info);
    }

    /// <inheritdoc />
    public async Task<GraphSnapshot> BeginChainedWriteAsync(string branch, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var gate = await EnterWriteGateAsync();
        await RequireStampAsync();
        var info = await GetBranchAsync(branch);

        // Commits in flight: the write chains onto the last one (its submission heals, as every submission does).
        return TailOf(info.Incarnation) is { } tail ? StoredDocuments.ToSnapshot(tail) : await EnterWriteAsync(info);
    }

    /// <inheritdoc />
    public async Task<long> SubmitCommitAsync(CommitRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        using var gate = await EnterWriteGateAsync();
        await RequireStampAsync();

        // 0. The graph's policy, before anything else (a denied write learns nothing about the branch).
        var owedAudit = await AuthorizeCommitAsync(request, request.Branch);
        var branch = await GetBranchAsync(request.Branch);

        // 1–2. Heal this branch's sidecars that can be healed now (again: a concurrent write of this silo may have been
        //      abandoned since the write's entry), refuse to write past one that cannot, and check that the chain the
        //      head ends is whole: a write on a chain that lost its last version would reuse that version's number.
        var head = await EnterWriteAsync(branch);

        // The last moment a cancellation is honoured: once queued, the commit runs to its end (or a crash leaves it to
        // recovery), so a cancelled write has published nothing and a write past here is not cut halfway.
        cancellationToken.ThrowIfCancellationRequested();
        return Accept(request, branch, head, owedAudit).Manifest.Version;
    }

    /// <inheritdoc />
    public async Task<int> SubmitCommitsAsync(ImmutableArray<CommitRequest> requests, CancellationToken cancellationToken = default)
    {
        if (requests.IsDefaultOrEmpty)
        {
            return 0;
        }

        var first = requests[0] ?? throw new ArgumentNullException(nameof(requests));
        cancellationToken.ThrowIfCancellationRequested();
        using var gate = await EnterWriteGateAsync();
        await RequireStampAsync();
        var owedAudit = await AuthorizeCommitAsync(first, first.Branch);
        var branch = await GetBranchAsync(first.Branch);

        // One heal and one head check for the whole group: its writes were prepared together, one on the other.
        var head = await EnterWriteAsync(branch);
        cancellationToken.ThrowIfCancellationRequested();
        var accepted = Accept(first, branch, head, owedAudit);
        for (var i = 1; i < requests.Length; i++)
        {
            // A store that answers at once lets the committer publish a commit before this loop goes on (no tail is left
            // then): the next write's base is that commit, published; one that failed leaves the head, and the next
            // write, based on it, is refused.
            if (accepted.Outcome.Task.IsCompletedSuccessfully)
            {
                head = StoredDocuments.ToSnapshot(accepted.Manifest);
            }

            // The access decision depends on the actor, the writer kind and the branch only: a write that shares them
            // with the first shares its decision (and owes the same audit entry). Any other is left to a submission of
            // its own, as is a write refused here (the caller learns why by submitting it again).
            var request = requests[i];
            if (request is null
                || CommitKinds.IsPromotion(request.Writer)
                || !string.Equals(request.Actor, first.Actor, StringComparison.Ordinal)
                || !string.Equals(request.Writer, first.Writer, StringComparison.Ordinal)
                || !string.Equals(request.Branch, first.Branch, StringComparison.Ordinal))
            {
                return i;
            }

            try
            {
                accepted = Accept(request, branch, head, owedAudit);
            }
            catch (OmniGraphException)
            {
                return i;
            }
        }

        return requests.Length;
    }

    /// <summary>
    /// Checks <paramref name="request"/> against the tail (the last accepted commit, or <paramref name="head"/> when none
    /// is in flight), builds its manifest and queues it. Nothing here awaits: the group committer, which interleaves at
    /// awaits, sees the tail before this commit or after it, never half-way.
    /// </summary>
    private PendingCommit Accept(CommitRequest request, BranchInfo branch, GraphSnapshot head, SidecarAuditDocument? owedAudit)
    {
        var tail = TailOf(branch.Incarnation) is { } pending ? StoredDocuments.ToSnapshot(pending) : head;
        if (request.ExpectedHeadCommit is { } expectedHead && !string.Equals(expectedHead, tail.Commit.Id, StringComparison.Ordinal))
        {
            throw new GraphPreconditionFailedException(branch.Name, expectedHead, tail.Commit.Id);
        }

        if (tail.ManifestVersion != request.BaseVersion || !string.Equals(tail.Commit.Id, request.BaseCommitId, StringComparison.Ordinal))
        {
            throw new ReadSetChangedException(ReadSetChangedException.GraphHead(branch.Name), request.BaseCommitId, tail.Commit.Id);
        }

        // (Nothing here awaits either.) A merge commit's second parent is a commit id; the merge coordinator names the
        // source head it took.
        if (request.MergedParentId is { } mergedParent && !StoredDocuments.IsUlid(mergedParent))
        {
            throw EngineErrors.InvalidWrite("graph", $"merged parent '{mergedParent}' is not a commit id");
        }

        // A schema apply publishes its schema and its complete table set; every other write the head's.
        var image = request.SchemaChange is { } schemaChange ? SchemaChangeImage(request, branch, tail, schemaChange) : tail;
        var changes = CheckChanges(request, branch, image);
        var manifest = BuildManifest(branch, image, changes, new CommitRecordDocument
        {
            Id = request.CommitId,
            Parent = tail.Commit.Id,
            MergedParent = request.MergedParentId,
            Actor = request.Actor,
            CreatedAt = request.CreatedAt,
            Kind = request.Writer,
        });

        var accepted = new PendingCommit(request, branch, changes, manifest, owedAudit);
        Enqueue(accepted);
        return accepted;
    }

    /// <inheritdoc />
    public async Task<CommitInfo> WaitForCommitAsync(string commitId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commitId);
        if (!_outcomes.TryGetValue(commitId, out var commit))
        {
            throw EngineErrors.InvalidWrite("graph", $"no commit {commitId} is waiting in this activation (it was never submitted here, or its outcome was taken)");
        }

        try
        {
            return await commit.Outcome.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            if (commit.Outcome.Task.IsCompleted)
            {
                _outcomes.Remove(commitId);
            }
        }
    }

    /// <summary>The write entry: heal what can be healed, refuse what blocks the branch, resolve and check the published head.</summary>
    private async Task<GraphSnapshot> EnterWriteAsync(BranchInfo branch)
    {
        await HealAllAsync(HealMode.WriteEntry, branch);
        ThrowIfWritesBlocked(branch);
        var head = await ResolveHeadAsync(branch);
        ThrowIfChainBroken(branch, head.ManifestVersion);
        return head;
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
            Dropped = StoredDocuments.ToDocuments(head.Dropped),
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

namespace OmniGraph.Grains.Manifest;

/// <summary>
/// The merge base over the commit graph (docs/branches.md, "How a merge decides"): a breadth-first walk from both heads
/// at once, along first and merged parents, that stops as soon as no undiscovered common ancestor can be nearer than the
/// best found. Its cost is the commits within that distance of the heads, not the history.
/// </summary>
internal sealed partial class ManifestGrain
{
    private const int LineageCacheCapacity = 65_536;

    /// <summary>Commits walked by merge-base searches, by id (immutable; a reclaimed or stale one is <c>null</c>).</summary>
    private readonly Dictionary<string, LineageNode?> _lineage = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<CommitInfo?> FindMergeBaseAsync(string sourceCommitId, string targetCommitId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sourceCommitId);
        ArgumentNullException.ThrowIfNull(targetCommitId);
        await RequireStampAsync();
        var source = await LineageNodeAsync(sourceCommitId) ?? throw EngineErrors.CommitNotFound(sourceCommitId);
        var target = await LineageNodeAsync(targetCommitId) ?? throw EngineErrors.CommitNotFound(targetCommitId);
        var fromSource = new Dictionary<string, int>(StringComparer.Ordinal) { [source.Commit.Id] = 0 };
        var fromTarget = new Dictionary<string, int>(StringComparer.Ordinal) { [target.Commit.Id] = 0 };
        (int Sum, CommitInfo Commit)? best = null;
        void Consider(LineageNode node)
        {
            if (fromSource.TryGetValue(node.Commit.Id, out var s) && fromTarget.TryGetValue(node.Commit.Id, out var t)
                && (best is not { } current || IsNearer(s + t, node.Commit, current.Sum, current.Commit)))
            {
                best = (s + t, node.Commit);
            }
        }

        Consider(source);
        Consider(target);
        List<LineageNode> sourceFrontier = [source];
        List<LineageNode> targetFrontier = [target];

        // After depth d every commit within d of either head is known; a common ancestor not found yet has a sum above d.
        for (var depth = 1; (sourceFrontier.Count > 0 || targetFrontier.Count > 0) && (best is null || depth <= best.Value.Sum); depth++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            sourceFrontier = await ExpandAsync(sourceFrontier, fromSource, depth, Consider);
            targetFrontier = await ExpandAsync(targetFrontier, fromTarget, depth, Consider);
        }

        return best?.Commit;
    }

    /// <summary>Nearer: a smaller sum of distances; then the later commit (manifest version, time, id).</summary>
    private static bool IsNearer(int sum, CommitInfo commit, int bestSum, CommitInfo bestCommit)
    {
        if (sum != bestSum)
        {
            return sum < bestSum;
        }

        if (commit.ManifestVersion != bestCommit.ManifestVersion)
        {
            return commit.ManifestVersion > bestCommit.ManifestVersion;
        }

        return commit.CreatedAt != bestCommit.CreatedAt ? commit.CreatedAt > bestCommit.CreatedAt : string.CompareOrdinal(commit.Id, bestCommit.Id) > 0;
    }

    private async Task<List<LineageNode>> ExpandAsync(List<LineageNode> frontier, Dictionary<string, int> distances, int depth, Action<LineageNode> discovered)
    {
        var next = new List<LineageNode>();
        foreach (var node in frontier)
        {
            foreach (var parent in await ParentsAsync(node))
            {
                if (distances.TryAdd(parent.Commit.Id, depth))
                {
                    next.Add(parent);
                    discovered(parent);
                }
            }
        }

        return next;
    }

    /// <summary>
    /// A commit's first and merged parents that can still be read. The first parent is found by position when it can be
    /// (the version before on the same chain, or the chain's fork point), which reads only manifests already cached by
    /// listings; otherwise through its commit pointer.
    /// </summary>
    private async Task<List<LineageNode>> ParentsAsync(LineageNode node)
    {
        var parents = new List<LineageNode>(2);
        if (node.Commit.ParentId is { } parentId)
        {
            LineageNode? parent = null;
            var owner = await FindBranchByIncarnationAsync(node.Incarnation);
            var floor = owner?.ForkedFrom?.ManifestVersion ?? 0;
            if (owner is not null && node.Commit.ManifestVersion - 1 > floor)
            {
                parent = await NodeAtAsync(node.Incarnation, owner.Name, node.Commit.ManifestVersion - 1, parentId);
            }
            else if (owner?.ForkedFrom is { } fork && string.Equals(fork.CommitId, parentId, StringComparison.Ordinal))
            {
                parent = await NodeAtAsync(fork.Incarnation, fork.Branch, fork.ManifestVersion, parentId);
            }

            if ((parent ?? await LineageNodeAsync(parentId)) is { } found)
            {
                parents.Add(found);
            }
        }

        if (node.Commit.MergedParentId is { } mergedId && await LineageNodeAsync(mergedId) is { } merged)
        {
            parents.Add(merged);
        }

        return parents;
    }

    /// <summary>The commit at a chain position, when it is the expected one.</summary>
    private async Task<LineageNode?> NodeAtAsync(string incarnation, string branch, long version, string expectedId)
    {
        if (IsReclaimed(incarnation, version))
        {
            return null;
        }

        var manifest = await TryReadManifestAsync(incarnation, version);
        return manifest is not null && string.Equals(manifest.Commit.Id, expectedId, StringComparison.Ordinal)
            ? new LineageNode(StoredDocuments.ToCommit(manifest) with { Branch = branch }, incarnation)
            : null;
    }

    /// <summary>A commit by id through its pointer; <c>null</c> when it is gone (a deleted branch's) or never existed.</summary>
    private async Task<LineageNode?> LineageNodeAsync(string commitId)
    {
        if (_lineage.TryGetValue(commitId, out var cached))
        {
            return cached;
        }

        LineageNode? node;
        try
        {
            var (pointer, manifest) = await ResolveCommitAsync(commitId);
            node = new LineageNode(StoredDocuments.ToCommit(manifest) with { Branch = pointer.Branch }, pointer.BranchIncarnation);
        }
        catch (OmniGraphException missing) when (missing.Code is ErrorCodes.CommitNotFound or ErrorCodes.StaleBranchIncarnation or ErrorCodes.HistoryReclaimed)
        {
            node = null;
        }

        if (_lineage.Count >= LineageCacheCapacity)
        {
            _lineage.Clear();
        }

        _lineage[commitId] = node;
        return node;
    }

    /// <summary>A commit of the lineage and the incarnation whose chain holds it.</summary>
    private sealed record LineageNode(CommitInfo Commit, string Incarnation);
}

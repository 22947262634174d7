namespace OmniGraph.Grains.Manifest;

/// <summary>
/// The plan of a cleanup: which manifest versions each live branch keeps, and the objects only the others name. What is
/// kept: per branch its head, its newest <c>keep</c> commits, every commit younger than <c>older-than</c>; on every chain
/// the fork points of live branches (and of deleted branches not reclaimed yet) and the merge bases of every pair of live
/// branches (a later merge reads them). Each branch keeps a contiguous suffix of its own history: its floor is the lowest
/// version any rule keeps.
/// </summary>
internal sealed partial class ManifestGrain
{
    private async Task<(CleanupJournalDocument? Journal, ImmutableArray<CleanedBranch> Branches)> PlanCleanupAsync(CleanupRequest request)
    {
        var now = NowMicros();
        var youngest = now - request.OlderThanMicros;
        var branches = await ListBranchesAsync();
        var heads = new Dictionary<string, GraphSnapshot>(StringComparer.Ordinal);
        foreach (var branch in branches)
        {
            heads[branch.Incarnation] = await ResolveHeadAsync(branch, verifyFigures: false);
        }

        // What other branches need of each chain: fork points and merge bases.
        var needed = new Dictionary<string, long>(StringComparer.Ordinal);
        void Need(string incarnation, long version) =>
            needed[incarnation] = needed.TryGetValue(incarnation, out var known) ? Math.Min(known, version) : version;
        foreach (var branch in branches)
        {
            if (branch.ForkedFrom is { } fork)
            {
                Need(fork.Incarnation, fork.ManifestVersion);
            }
        }

        foreach (var deleted in _state.State.DeletedBranches.Where(static d => !d.Reclaimed))
        {
            Need(deleted.ForkedFrom.Incarnation, deleted.ForkedFrom.ManifestVersion);
        }

        for (var i = 0; i < branches.Length; i++)
        {
            for (var j = i + 1; j < branches.Length; j++)
            {
                var baseCommit = await FindMergeBaseAsync(heads[branches[i].Incarnation].Commit.Id, heads[branches[j].Incarnation].Commit.Id);
                if (baseCommit is not null && await LineageNodeAsync(baseCommit.Id) is { } node)
                {
                    Need(node.Incarnation, baseCommit.ManifestVersion);
                }
            }
        }

        // Each branch's floor, and the versions of its own chain below it.
        var floors = new List<CleanupFloorDocument>();
        var summaries = ImmutableArray.CreateBuilder<CleanedBranch>(branches.Length);
        var reclaimed = new List<ManifestDocument>();
        var retained = new List<ManifestDocument>();
        foreach (var branch in branches)
        {
            var head = heads[branch.Incarnation].ManifestVersion;
            var forkVersion = branch.ForkedFrom?.ManifestVersion ?? 0;
            var start = Math.Max(forkVersion + 1, Math.Max(1, KeepFromOf(branch.Incarnation)));
            var keepFrom = Math.Max(start, head - Math.Max(request.Keep, 1) + 1);
            if (needed.TryGetValue(branch.Incarnation, out var need) && need >= start)
            {
                keepFrom = Math.Min(keepFrom, need);
            }

            var below = new List<ManifestDocument>();
            for (var version = start; version < keepFrom; version++)
            {
                below.Add(await ReadManifestAsync(branch.Incarnation, version));
            }

            // Younger than the cutoff is kept, and with it everything above it (the kept history is a suffix).
            if (below.FindIndex(m => m.Commit.CreatedAt >= youngest) is var firstYoung and >= 0)
            {
                keepFrom = below[firstYoung].Version;
                below.RemoveRange(firstYoung, below.Count - firstYoung);
            }

            for (var version = keepFrom; version <= head; version++)
            {
                retained.Add(await ReadManifestAsync(branch.Incarnation, version));
            }

            reclaimed.AddRange(below);
            if (below.Count > 0)
            {
                floors.Add(new CleanupFloorDocument { Branch = branch.Name, BranchIncarnation = branch.Incarnation, KeepFrom = keepFrom });
            }

            summaries.Add(new CleanedBranch(branch.Name, head, head > forkVersion ? keepFrom : forkVersion, below.Count));
        }

        if (reclaimed.Count == 0)
        {
            return (null, summaries.ToImmutable());
        }

        // Manifests of deleted branches not reclaimed yet stay whole (their reclaim reads them); so do fork points.
        foreach (var deleted in _state.State.DeletedBranches.Where(static d => !d.Reclaimed))
        {
            foreach (var key in await ListKeysAsync(GraphObjectKeys.ManifestsOf(deleted.Incarnation)))
            {
                if (GraphObjectKeys.ManifestVersionOf(key) is { } version && await TryReadManifestOrNoneAsync(deleted.Incarnation, version) is { } manifest)
                {
                    retained.Add(manifest);
                }
            }
        }

        foreach (var branch in branches.Where(static b => b.ForkedFrom is not null))
        {
            retained.Add(await ReadManifestAsync(branch.ForkedFrom!.Incarnation, branch.ForkedFrom.ManifestVersion));
        }

        return (await JournalAsync(floors, reclaimed, retained, now), summaries.ToImmutable());
    }

    /// <summary>The objects only the reclaimed manifests name, with their sizes.</summary>
    private async Task<CleanupJournalDocument> JournalAsync(List<CleanupFloorDocument> floors, List<ManifestDocument> reclaimed, List<ManifestDocument> retained, long now)
    {
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var prefix in new[] { GraphObjectKeys.CommitsPrefix, GraphObjectKeys.ManifestsPrefix, GraphObjectKeys.TablesPrefix })
        {
            foreach (var entry in await ListObjectsAsync(prefix))
            {
                sizes[entry.Key] = entry.Length;
            }
        }

        var keptVersions = TableVersionsOf(retained);
        var keptObjects = new HashSet<string>(StringComparer.Ordinal);
        var resolved = new Dictionary<string, TableVersionDocument>(StringComparer.Ordinal);
        foreach (var (key, reference) in keptVersions)
        {
            TableVersionReferences.AddObjectsOf(await ReadTableVersionDocumentAsync(key, reference, resolved), keptObjects);
        }

        var goneVersions = TableVersionsOf(reclaimed).Where(v => !keptVersions.ContainsKey(v.Key)).ToArray();
        var goneObjects = new SortedSet<string>(StringComparer.Ordinal);
        var goneLinks = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (key, reference) in goneVersions)
        {
            if (sizes.ContainsKey(key))
            {
                var document = await ReadTableVersionDocumentAsync(key, reference, resolved);
                foreach (var objectKey in TableVersionReferences.ObjectsOf(document))
                {
                    if (!keptObjects.Contains(objectKey))
                    {
                        // An earlier version object a gone delta stood on goes with the table versions, not the data: one
                        // an earlier cleanup kept for a version kept then, and named by no manifest now, included.
                        (document.Links.Contains(objectKey, StringComparer.Ordinal) ? goneLinks : goneObjects).Add(objectKey);
                    }
                }
            }
        }

        string[] Existing(IEnumerable<string> keys) => [.. keys.Where(sizes.ContainsKey).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var pointers = Existing(reclaimed.Select(static m => GraphObjectKeys.CommitPointer(m.Commit.Id)));
        var manifests = Existing(reclaimed.Select(static m => GraphObjectKeys.Manifest(m.BranchIncarnation, m.Version)));
        // A kept version stored as a delta needs the earlier version objects it stands on, reclaimed manifests' included.
        var tableVersions = Existing(goneVersions.Select(static v => v.Key).Where(k => !keptObjects.Contains(k)).Concat(goneLinks));
        var data = Existing(goneObjects);
        return new CleanupJournalDocument
        {
            Format = StorageFormat.ObjectFormat,
            CleanupId = Ulid.NewUlid().ToString(),
            CreatedAt = now,
            Floors = [.. floors],
            Commits = [.. reclaimed.Select(static m => new CleanupCommitDocument { CommitId = m.Commit.Id, Branch = m.Branch })],
            CommitPointers = pointers,
            Manifests = manifests,
            TableVersions = tableVersions,
            DataObjects = data,
            Bytes = pointers.Concat(manifests).Concat(tableVersions).Concat(data).Sum(k => sizes[k]),
        };
    }

    /// <summary>The table versions the manifests name, by key (version 0, which has no object, left out).</summary>
    private static Dictionary<string, TableVersionRef> TableVersionsOf(IEnumerable<ManifestDocument> manifests)
    {
        var versions = new Dictionary<string, TableVersionRef>(StringComparer.Ordinal);
        foreach (var manifest in manifests)
        {
            foreach (var reference in StoredDocuments.NamedTableVersions(manifest))
            {
                if (reference.Key is { } key)
                {
                    versions.TryAdd(key, reference);
                }
            }
        }

        return versions;
    }

    private async Task<TableVersionDocument> ReadTableVersionDocumentAsync(string key, TableVersionRef reference, Dictionary<string, TableVersionDocument> resolved)
    {
        try
        {
            return await TableVersionChain.ResolveAsync(_store, key, reference, resolved);
        }
        catch (ObjectNotFoundException exception)
        {
            throw new CorruptObjectException(key, "a table version a manifest names is missing", exception);
        }
    }
}

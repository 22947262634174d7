namespace OmniGraph.Grains.Manifest;

/// <summary>
/// <c>omnigraph repair</c> (docs/maintenance.md, "repair"): the drift between the table objects the retained history
/// names and those the store holds. Every retained table version and every object it names is read and checked
/// (missing, corrupt, with the commits that need it); every table object nothing names is an orphan. Confirmed, it
/// deletes the verified orphans (older than the grace period, nothing unreadable that could name them, no lost manifest
/// version whose head records may name them), table versions before the data they name, and rebuilds the derived head
/// records of branches whose history is intact. It never invents table data: lost data is reported, not replaced.
/// </summary>
internal sealed partial class ManifestGrain
{
    /// <inheritdoc />
    public async Task<ObjectRepairReport> RepairObjectsAsync(ObjectRepairRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(request.GraceMicros);
        using var gate = await EnterWriteGateAsync();
        await RequireStampAsync();
        await SettleCompletionsAsync();
        await RefuseWhileSidecarsPendingAsync();
        if (request.Confirm)
        {
            // What an interrupted cleanup or branch reclaim already decided to delete is finished first, by its own rules.
            await FinishCleanupsAsync();
            await ReclaimPendingAsync();
        }

        var (_, surveys) = await SurveyAsync();
        var scan = await ScanObjectsAsync(surveys, request);
        var rebuilds = surveys.Select(HeadRecordRebuildOf).OfType<PlannedRepair>().ToList();
        var deleted = 0;
        long bytes = 0;
        if (request.Confirm)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var deletable = scan.Orphans.Where(static o => o.Fix == ObjectDriftFix.Deleted).ToList();
            if (deletable.Count > 0)
            {
                // A write that committed since the scan names only objects younger than the grace period; one that is
                // committing right now has a sidecar: then nothing is deleted.
                await RefuseWhileSidecarsPendingAsync();
                (string Phase, List<string> Keys)[] phases =
                [
                    ("table_versions", [.. deletable.Where(static o => o.ObjectKind == ReferencedObject.TableVersion).Select(static o => o.Key)]),
                    ("data_objects", [.. deletable.Where(static o => o.ObjectKind != ReferencedObject.TableVersion).Select(static o => o.Key)]),
                ];
                foreach (var (phase, keys) in phases)
                {
                    await _failpoints.BeforeAsync(Failpoints.RepairDelete, phase);
                    await _store.DeleteAllAsync(keys);
                    _failpoints.After(Failpoints.RepairDelete, phase);
                }

                deleted = deletable.Count;
                bytes = deletable.Sum(static o => o.Length ?? 0);
            }

            foreach (var rebuild in rebuilds)
            {
                await rebuild.Apply!();
                LogRepaired(GraphId, rebuild.Step.Kind, rebuild.Step.Branch, rebuild.Step.Detail);
            }

            LogRepairedObjects(GraphId, deleted, bytes, scan.Drifts.Count(static d => d.Drift.Kind != ObjectDriftKind.Orphaned));
        }

        var tables = scan.Drifts
            .GroupBy(static d => d.Directory, StringComparer.Ordinal)
            .OrderBy(static g => g.Key, StringComparer.Ordinal)
            .Select(g => new TableObjectDrift(g.Key, scan.TableNames.GetValueOrDefault(g.Key), [.. g.Select(static d => d.Drift).OrderBy(static d => d.Key, StringComparer.Ordinal)]))
            .ToImmutableArray();
        return new ObjectRepairReport(request.Confirm, tables, scan.Checked, deleted, bytes, [.. rebuilds.Select(static r => r.Step)], scan.OrphansHeld);
    }

    private async Task RefuseWhileSidecarsPendingAsync()
    {
        var sidecars = await ListSidecarKeysAsync();
        if (sidecars.Count > 0)
        {
            throw EngineErrors.CleanupSidecarsPending(sidecars.Count, sidecars[0], "repair");
        }
    }

    /// <summary>Reads and checks everything the retained history names, and lists what nothing names.</summary>
    private async Task<ObjectScan> ScanObjectsAsync(List<BranchSurvey> surveys, ObjectRepairRequest request)
    {
        var scan = new ObjectScan();
        var listed = (await ListObjectsAsync(GraphObjectKeys.TablesPrefix)).ToDictionary(static o => o.Key, StringComparer.Ordinal);
        var retained = await CollectRetainedTableVersionsAsync(surveys, includeSidecars: false);
        var referenced = new HashSet<string>(retained.Keys, StringComparer.Ordinal);
        var data = new Dictionary<string, (List<ReferencedObject> Checks, HashSet<ManifestNeed> NeededBy)>(StringComparer.Ordinal);
        var resolved = new Dictionary<string, TableVersionDocument>(StringComparer.Ordinal);
        var lost = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, version) in retained.OrderBy(static v => v.Key, StringComparer.Ordinal))
        {
            var directory = DirectoryOf(key);
            scan.TableNames.TryAdd(directory, version.Reference.Table);
            IEnumerable<ReferencedObject> checks;
            try
            {
                checks = TableVersionReferences.ChecksOf(await TableVersionChain.ResolveAsync(_store, key, version.Reference, resolved));
                scan.Checked++;
            }
            catch (Exception exception) when (exception is CorruptObjectException or ObjectNotFoundException)
            {
                // A delta whose chain breaks below it: the broken link is what is lost (once), and the deltas above it
                // still name (and have checked) what they add; what they inherit through the link is unknown.
                var at = exception is CorruptObjectException { Key: { Length: > 0 } broken } ? broken : key;
                if (lost.Add(at))
                {
                    var missing = exception is ObjectNotFoundException || exception.InnerException is ObjectNotFoundException || !listed.ContainsKey(at);
                    scan.Lost(DirectoryOf(at), missing, at, ReferencedObject.TableVersion, exception, listed.GetValueOrDefault(at)?.Length, version.NeededBy);
                }

                referenced.Add(at);
                scan.Unverifiable.Add(directory);
                checks = await ChecksAboveBrokenLinkAsync(version.Reference, at);
            }

            foreach (var check in checks)
            {
                if (check.Kind == ReferencedObject.TableVersion && retained.ContainsKey(check.Key))
                {
                    // A link that a retained manifest names itself is checked as that version.
                    continue;
                }

                referenced.Add(check.Key);
                if (!data.TryGetValue(check.Key, out var entry))
                {
                    data[check.Key] = entry = ([], []);
                }

                entry.Checks.Add(check);
                entry.NeededBy.UnionWith(version.NeededBy);
            }
        }

        foreach (var (key, (checks, neededBy)) in data.OrderBy(static d => d.Key, StringComparer.Ordinal))
        {
            try
            {
                var bytes = (await _store.GetAsync(key)).Content;
                foreach (var check in checks)
                {
                    check.Check(bytes);
                }

                scan.Checked++;
            }
            catch (Exception exception) when (exception is CorruptObjectException or ObjectNotFoundException)
            {
                var missing = exception is ObjectNotFoundException || !listed.ContainsKey(key);
                scan.Lost(DirectoryOf(key), missing, key, checks[0].Kind, exception, listed.GetValueOrDefault(key)?.Length, neededBy);
            }
        }

        await AddPendingReclaimsAsync(listed, referenced, scan);
        scan.OrphansHeld = OrphansHeldBy(surveys);
        var now = NowMicros();
        foreach (var (key, properties) in listed)
        {
            if (referenced.Contains(key))
            {
                continue;
            }

            var directory = DirectoryOf(key);
            var kind = ObjectKindOf(key);
            var age = now - ((properties.LastModified.UtcTicks - DateTime.UnixEpoch.Ticks) / 10);
            var (fix, detail) = kind is null ? (ObjectDriftFix.Held, "not an object the engine writes: inspect it and remove it by hand")
                : scan.OrphansHeld is { } held ? (ObjectDriftFix.Held, held)
                : scan.Unverifiable.Contains(directory) ? (ObjectDriftFix.Held, "a retained table version of this table cannot be read, so what it names is unknown")
                : age < request.GraceMicros ? (ObjectDriftFix.WithinGrace, "younger than the grace period: it may be staged by a write in progress")
                : (request.Confirm ? ObjectDriftFix.Deleted : ObjectDriftFix.WouldDelete, "no retained manifest version, pending write or pending branch reclaim names it");
            var drift = new ObjectDrift(ObjectDriftKind.Orphaned, key, kind ?? "other", fix, detail, properties.Length, []);
            scan.Drifts.Add((directory, drift));
            scan.Orphans.Add(drift);
        }

        return scan;
    }

    /// <summary>
    /// What the readable deltas from <paramref name="reference"/> down to the unreadable version object
    /// <paramref name="broken"/> add themselves (<see cref="TableVersionReferences.OwnChecksOf"/>).
    /// </summary>
    private async Task<List<ReferencedObject>> ChecksAboveBrokenLinkAsync(TableVersionRef reference, string broken)
    {
        var checks = new List<ReferencedObject>();
        for (var current = reference; current.Key is { } key && !string.Equals(key, broken, StringComparison.Ordinal);)
        {
            TableVersionDeltaDocument delta;
            try
            {
                if (StoredDocuments.ReadTableVersion(key, (await _store.GetAsync(key)).Content.Span, current).Delta is not { } read)
                {
                    break;
                }

                delta = read;
            }
            catch (Exception exception) when (exception is CorruptObjectException or ObjectNotFoundException)
            {
                break;
            }

            checks.AddRange(TableVersionReferences.OwnChecksOf(delta));
            current = StoredDocuments.ToRef(delta.Parent);
        }

        return checks;
    }

    /// <summary>
    /// Objects of deleted branches whose reclaim has not finished are that reclaim's to delete (it reads their table
    /// versions to know what to remove): they count as named.
    /// </summary>
    private async Task AddPendingReclaimsAsync(Dictionary<string, ObjectProperties> listed, HashSet<string> referenced, ObjectScan scan)
    {
        string[] pending;
        await _stateLock.WaitAsync();
        try
        {
            pending = [.. _state.State.DeletedBranches.Where(static d => !d.Reclaimed).Select(static d => d.Incarnation)];
        }
        finally
        {
            _stateLock.Release();
        }

        foreach (var key in listed.Keys.Where(k => pending.Any(i => k.Contains($"/versions/{i}/", StringComparison.Ordinal))).ToList())
        {
            referenced.Add(key);
            try
            {
                referenced.UnionWith(TableVersionReferences.OwnObjectsOf(StoredDocuments.ReadListedTableVersion(key, (await _store.GetAsync(key)).Content.Span)));
            }
            catch (Exception exception) when (exception is CorruptObjectException or ObjectNotFoundException)
            {
                scan.Unverifiable.Add(DirectoryOf(key));
            }
        }
    }

    /// <summary>Why no orphan may be deleted: a lost manifest version's table head records name table versions no manifest does.</summary>
    private static string? OrphansHeldBy(List<BranchSurvey> surveys) =>
        surveys.FirstOrDefault(static s => s.HeadManifest is null || s.ProvenVersion is not null || s.Findings.Any(static f => f.Kind == IntegrityFindingKind.MissingManifest)) is { } lost
            ? $"branch '{lost.Branch.Name}' has a lost or unreadable manifest version whose writes may own these objects: run omnigraph recovery repair first"
            : null;

    /// <summary>The table directory of a table object (<c>tables/node-000001</c>).</summary>
    private static string DirectoryOf(string key)
    {
        var second = key.IndexOf('/', GraphObjectKeys.TablesPrefix.Length);
        return second < 0 ? key : key[..second];
    }

    /// <summary>What a table object is, by its key; <c>null</c> for a key the engine never writes.</summary>
    private static string? ObjectKindOf(string key)
    {
        if (GraphObjectKeys.IsTableDataObject(key))
        {
            return key.Split('/')[2] == "fragments" ? ReferencedObject.Fragment : ReferencedObject.DeletionFile;
        }

        return key.Split('/') is [_, _, "versions", _, _] && GraphObjectKeys.TableVersionTx(key) is not null ? ReferencedObject.TableVersion : null;
    }

    /// <summary>What a repair scan found.</summary>
    private sealed class ObjectScan
    {
        public List<(string Directory, ObjectDrift Drift)> Drifts { get; } = [];

        public List<ObjectDrift> Orphans { get; } = [];

        /// <summary>Table directories with a retained table version that cannot be read: what it names is unknown.</summary>
        public HashSet<string> Unverifiable { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> TableNames { get; } = new(StringComparer.Ordinal);

        public int Checked { get; set; }

        public string? OrphansHeld { get; set; }

        public void Lost(string directory, bool missing, string key, string kind, Exception exception, long? length, IEnumerable<ManifestNeed> neededBy)
        {
            var detail = missing ? "the store does not hold it" : ((exception as CorruptObjectException)?.Reason ?? exception.Message);
            Drifts.Add((directory, new ObjectDrift(
                missing ? ObjectDriftKind.Missing : ObjectDriftKind.Corrupt,
                key,
                kind,
                ObjectDriftFix.Unrecoverable,
                detail,
                missing ? null : length,
                NeedsOf(neededBy))));
        }

        private static ImmutableArray<ObjectNeed> NeedsOf(IEnumerable<ManifestNeed> neededBy) =>
        [
            .. neededBy
                .GroupBy(static n => n.Branch, StringComparer.Ordinal)
                .OrderBy(static g => g.Key, StringComparer.Ordinal)
                .Select(static g =>
                {
                    var ordered = g.OrderBy(static n => n.Version).ToList();
                    return new ObjectNeed(g.Key, ordered[0].Version, ordered[^1].Version, ordered.Exists(static n => n.Head), [.. ordered.Select(static n => n.CommitId).Distinct(StringComparer.Ordinal)]);
                }),
        ];
    }
}

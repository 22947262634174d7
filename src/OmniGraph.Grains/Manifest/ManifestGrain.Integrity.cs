using System.Globalization;
using OmniGraph.Grains.Hosting;

namespace OmniGraph.Grains.Manifest;

/// <summary>
/// Integrity of what a resolve serves (docs/design/storage-engine.md §6.1): the end of a branch's chain of manifest
/// versions is cross-checked against every durable record that names a later state, and the row counts of a manifest are
/// checked against the table versions they describe before they are reported or carried into a new version. Both
/// verdicts are cached (per incarnation, per table version), so a warm resolve still costs one probe.
/// </summary>
internal sealed partial class ManifestGrain
{
    /// <summary>Incarnations whose chain end was verified at least once by this activation.</summary>
    private readonly HashSet<string> _verifiedChains = new(StringComparer.Ordinal);

    /// <summary>Chain gaps found, by incarnation; a verdict stands while the chain still ends at the same version.</summary>
    private readonly Dictionary<string, (long HeadVersion, CorruptObjectException Error)> _gaps = new(StringComparer.Ordinal);

    /// <summary>Head records found disagreeing with their published head, by incarnation: they block writes to the branch.</summary>
    private readonly Dictionary<string, CorruptObjectException> _headProblems = new(StringComparer.Ordinal);

    /// <summary>Table version keys whose published row counts were verified against the table version object.</summary>
    private readonly HashSet<string> _verifiedFigures = new(StringComparer.Ordinal);

    /// <summary>Sidecars the last heal pass read: each proves its base manifest version was published.</summary>
    private readonly Dictionary<string, (string Incarnation, long BaseVersion)> _sidecarBases = new(StringComparer.Ordinal);

    /// <summary>
    /// Refuses to serve a head that ends below what a durable record proves was published (a lost manifest version):
    /// serving it would roll the branch back, and a write on top of it would reuse the lost version's number. The first
    /// resolve of an incarnation reads the evidence (head hints, sidecars, every table head record); later resolves reuse
    /// the verdict.
    /// </summary>
    /// <exception cref="CorruptObjectException">The chain has lost a version; the message names it and the evidence.</exception>
    private async Task VerifyChainEndAsync(BranchInfo branch, long headVersion, IReadOnlyList<TableVersionRef> tables)
    {
        var incarnation = branch.Incarnation;
        if (_gaps.TryGetValue(incarnation, out var gap))
        {
            if (gap.HeadVersion == headVersion)
            {
                throw gap.Error;
            }

            // The chain moved on (a restored file, a repair): look again.
            _gaps.Remove(incarnation);
            _verifiedChains.Remove(incarnation);
        }

        if (_verifiedChains.Contains(incarnation))
        {
            return;
        }

        var evidence = CheapEvidence(incarnation);
        var verdicts = await ClassifyHeadsAsync(branch, headVersion, tables);
        foreach (var verdict in verdicts)
        {
            if (verdict.ProvenVersion is { } proven)
            {
                evidence.Add((proven, $"the table head record {verdict.StateKey} ({verdict.Detail})"));
            }
        }

        if (evidence.Count > 0 && evidence.Max(static e => e.Version) > headVersion)
        {
            // Another process may have published since this head was probed (a head or sidecar of its newer write is
            // evidence too): only a chain that still ends below after a fresh probe has lost a version.
            var reprobed = await ProbeHeadAsync(branch);
            headVersion = reprobed?.Version ?? branch.ForkedFrom!.ManifestVersion;
        }

        ThrowIfChainEndsBelow(branch, headVersion, evidence);
        var problem = verdicts.FirstOrDefault(static v => v.Relation is HeadRelation.Missing or HeadRelation.Inconsistent);
        if (problem.StateKey is not null)
        {
            _headProblems[incarnation] = HeadRecordError(branch, problem);
        }
        else
        {
            _headProblems.Remove(incarnation);
        }

        _verifiedChains.Add(incarnation);
    }

    /// <summary>The write-entry check: the evidence held in memory (hints, sidecars of the last heal) against the head, and head problems found earlier.</summary>
    private void ThrowIfChainBroken(BranchInfo branch, long headVersion)
    {
        if (_gaps.TryGetValue(branch.Incarnation, out var gap))
        {
            throw gap.Error;
        }

        ThrowIfChainEndsBelow(branch, headVersion, CheapEvidence(branch.Incarnation));
        if (_headProblems.TryGetValue(branch.Incarnation, out var problem))
        {
            throw problem;
        }
    }

    /// <summary>Head hints and sidecar bases: each names a manifest version that was published.</summary>
    private List<(long Version, string Source)> CheapEvidence(string incarnation)
    {
        var evidence = new List<(long Version, string Source)>();
        var hint = HintFor(incarnation);
        if (hint > 0)
        {
            evidence.Add((hint, $"the head hint in {RegistryStateKey}"));
        }

        foreach (var (key, (sidecarIncarnation, baseVersion)) in _sidecarBases)
        {
            if (string.Equals(sidecarIncarnation, incarnation, StringComparison.Ordinal))
            {
                evidence.Add((baseVersion, $"the recovery sidecar {key} (a write based on that version)"));
            }
        }

        return evidence;
    }

    private void ThrowIfChainEndsBelow(BranchInfo branch, long headVersion, List<(long Version, string Source)> evidence)
    {
        var (proven, source) = evidence.Count == 0 ? (0, string.Empty) : evidence.MaxBy(static e => e.Version);
        if (proven <= headVersion)
        {
            return;
        }

        var missing = headVersion + 1;
        var error = new CorruptObjectException(
            GraphObjectKeys.Manifest(branch.Incarnation, missing),
            string.Create(CultureInfo.InvariantCulture,
                $"manifest version {missing} of branch '{branch.Name}' is missing, but {source} shows that version {proven} was published; the branch is not served from version {headVersion} (that would roll it back) and takes no write (that would reuse a version number): restore the file, or see `omnigraph recovery status`"));
        _gaps[branch.Incarnation] = (headVersion, error);
        LogChainGap(GraphId, branch.Name, missing, proven);
        throw error;
    }

    /// <summary>Classifies every table's head record on the branch against the published head (in parallel, one grain call each).</summary>
    private async Task<HeadVerdict[]> ClassifyHeadsAsync(BranchInfo branch, long headVersion, IReadOnlyList<TableVersionRef> tables)
    {
        var verdicts = new HeadVerdict[tables.Count];
        await Task.WhenAll(tables.Select(async (published, i) =>
        {
            var grain = TableGrain(published.Table, branch.Name);
            TableHeadRecord record;
            try
            {
                record = await grain.GetHeadRecordAsync(refresh: false);
            }
            catch (Exception exception) when (OmniGraphErrors.Unwrap(exception) is CorruptObjectException corrupt)
            {
                // An unreadable record fails its grain's activation (the runtime wraps the storage error).
                verdicts[i] = new HeadVerdict(HeadRelation.Inconsistent, corrupt.Key, null, corrupt.Reason);
                return;
            }

            var verdict = await ClassifyHeadAsync(branch, headVersion, published, record);
            if (verdict.Relation is HeadRelation.Missing or HeadRelation.Inconsistent)
            {
                // The record may be older than the probes behind the verdict (another process completed its write in
                // between: moved the head, then deleted the sidecar): look at it once more before calling it a problem.
                verdict = await ClassifyHeadAsync(branch, headVersion, published, await grain.GetHeadRecordAsync(refresh: true));
            }

            verdicts[i] = verdict;
        }));
        return verdicts;
    }

    /// <summary>
    /// How a head record relates to the published head <paramref name="headVersion"/> whose entry for the table is
    /// <paramref name="published"/>. The store is probed only for a head ahead of the published one: whether its write
    /// still has a sidecar (in flight), then whether the manifest version it wanted exists (in that order: a writer
    /// deletes its sidecar only after publishing, or after undoing its heads).
    /// </summary>
    private async Task<HeadVerdict> ClassifyHeadAsync(BranchInfo branch, long headVersion, TableVersionRef published, TableHeadRecord record)
    {
        var key = record.StateKey;
        var head = record.Head;
        var publishedHere = published.Version > 0 && string.Equals(published.ChainIncarnation, branch.Incarnation, StringComparison.Ordinal);
        if (head is null || !string.Equals(head.ChainIncarnation, branch.Incarnation, StringComparison.Ordinal))
        {
            if (!publishedHere || published.SameVersionAs(head))
            {
                return new HeadVerdict(HeadRelation.Consistent, key, null, "never moved on this branch");
            }

            if (await IsBeingCompletedAsync(published))
            {
                return new HeadVerdict(HeadRelation.InFlight, key, null, $"not moved yet to {Describe(published)}, published by a write still being completed");
            }

            var found = record.Exists ? $"names {(head is null ? "no head" : Describe(head))}" : "is missing";
            return new HeadVerdict(HeadRelation.Missing, key, null, $"the record {found} but manifest version {headVersion} names {Describe(published)}");
        }

        if (published.SameVersionAs(head))
        {
            return new HeadVerdict(HeadRelation.Consistent, key, null, "at the published version");
        }

        if (head.Version <= published.Version)
        {
            return await IsBeingCompletedAsync(published)
                ? new HeadVerdict(HeadRelation.InFlight, key, null, $"at {Describe(head)}, not moved yet to {Describe(published)}, published by a write still being completed")
                : new HeadVerdict(HeadRelation.Inconsistent, key, null, $"the record names {Describe(head)} but manifest version {headVersion} names {Describe(published)}");
        }

        var wanted = record.ManifestVersion;
        if (await SidecarCoversAsync(head.Tx!))
        {
            return new HeadVerdict(HeadRelation.InFlight, key, wanted - 1, $"moved to {head} by write {head.Tx}, still in progress or to be healed");
        }

        if (wanted is { } target)
        {
            if (target > headVersion)
            {
                return await _store.GetPropertiesAsync(GraphObjectKeys.Manifest(branch.Incarnation, target)) is null
                    ? new HeadVerdict(HeadRelation.LostManifest, key, target, $"moved to {head} by the write that published version {target}")
                    : new HeadVerdict(HeadRelation.InFlight, key, null, $"moved to {head} by a write published since this head was read");
            }

            return head.Version == published.Version + 1
                ? new HeadVerdict(HeadRelation.Orphan, key, null, $"moved to {head} by write {head.Tx}, which lost version {target} to another commit")
                : new HeadVerdict(HeadRelation.Inconsistent, key, null, $"the record names {head}, more than one version past {published}");
        }

        // A record from before heads named their manifest version: one version ahead is an orphan when the next version
        // is still free (the old rule); anything further ahead cannot come from one unpublished write.
        if (head.Version == published.Version + 1)
        {
            return await _store.GetPropertiesAsync(GraphObjectKeys.Manifest(branch.Incarnation, headVersion + 1)) is null
                ? new HeadVerdict(HeadRelation.Orphan, key, null, $"moved to {head} by write {head.Tx}, which never published")
                : new HeadVerdict(HeadRelation.InFlight, key, null, $"moved to {head}; the branch moved on meanwhile");
        }

        return new HeadVerdict(HeadRelation.LostManifest, key, headVersion + 1, $"moved to {head}, more than one version past {published}");
    }

    /// <summary>
    /// Whether the write that published <paramref name="published"/> still has its sidecar: its table heads move after its
    /// acknowledgement (§5, step 6), so until the sidecar is gone a head behind the published version is its to move (or
    /// the heal's), not a damaged record.
    /// </summary>
    private async Task<bool> IsBeingCompletedAsync(TableVersionRef published)
    {
        if (published.Tx is not { } tx)
        {
            return false;
        }

        return OwnsSidecar(GraphObjectKeys.Sidecar(tx)) || await SidecarCoversAsync(tx);
    }

    /// <summary>
    /// Whether a stored sidecar still covers the write <paramref name="tx"/>: its own (a write alone, or the last of its
    /// batch), or its batch's, which carries it as a predecessor (format 3). The second look lists and reads the sidecars
    /// left, which exist only while writes are being completed or wait for a heal.
    /// </summary>
    private async Task<bool> SidecarCoversAsync(string tx)
    {
        if (await _store.GetPropertiesAsync(GraphObjectKeys.Sidecar(tx)) is not null)
        {
            return true;
        }

        foreach (var key in await ListSidecarKeysAsync())
        {
            try
            {
                var sidecar = StoredDocuments.ReadSidecar(key, (await _store.GetAsync(key)).Content.Span);
                if (sidecar.Predecessors is { } links && links.Any(link => string.Equals(link.Tx, tx, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
            catch (Exception exception) when (exception is ObjectNotFoundException or CorruptObjectException)
            {
                // Gone since the listing, or unreadable (the heal refuses it): it covers nothing this check can prove.
            }
        }

        return false;
    }

    /// <summary>A version with the write that staged it: two versions with the same number read apart.</summary>
    private static string Describe(TableVersionRef version) => version.Tx is null ? version.ToString() : $"{version} of write {version.Tx}";

    private static CorruptObjectException HeadRecordError(BranchInfo branch, HeadVerdict verdict) => new(
        verdict.StateKey,
        $"the table head record of branch '{branch.Name}' disagrees with the published head: {verdict.Detail}; writes to the branch are refused until `omnigraph recovery repair` rebuilds it from the published head");

    /// <summary>
    /// Checks each row count a manifest reports against the table version object it describes (once per table version:
    /// the verdict is kept), so a figure is never reported or carried into a new version unverified.
    /// </summary>
    /// <exception cref="CorruptObjectException">A table version is missing, damaged, or holds another count.</exception>
    private async Task VerifyFiguresAsync(IReadOnlyList<TableVersionRef> tables)
    {
        List<TableVersionRef>? unverified = null;
        foreach (var table in tables)
        {
            if (table.Key is { } key && !IsFigureVerified(key))
            {
                (unverified ??= []).Add(table);
            }
        }

        if (unverified is null)
        {
            return;
        }

        await Task.WhenAll(unverified.Select(async table =>
        {
            var key = table.Key!;
            StoredObject stored;
            try
            {
                stored = await _store.GetAsync(key);
            }
            catch (ObjectNotFoundException exception)
            {
                throw new CorruptObjectException(key, $"the table version that a manifest names for {table.Table} is missing", exception);
            }

            StoredDocuments.ReadTableVersion(key, stored.Content.Span, table);
        }));

        foreach (var table in unverified)
        {
            _verifiedFigures.Add(table.Key!);
        }
    }

    private bool IsFigureVerified(string key) => _verifiedFigures.Contains(key);

    /// <summary>Records a table version whose figures this grain knows (it was just staged from verified data).</summary>
    private void NoteFigureVerified(string? key)
    {
        if (key is not null)
        {
            _verifiedFigures.Add(key);
        }
    }

    private string RegistryStateKey => GraphGrainStorage.KeyOf("registry", this.GetGrainId());
}

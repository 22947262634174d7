using System.Globalization;

namespace OmniGraph.Grains.Manifest;

/// <summary>
/// The full examination behind <c>omnigraph recovery status</c> (docs/commits-and-recovery.md, "Recovery status"): every
/// branch's whole chain read, its end checked against every durable record naming a later state (commit pointers
/// included, which only a full scan can afford), head records, figures, sidecars, and what crashed writes left behind.
/// </summary>
internal sealed partial class ManifestGrain
{
    /// <inheritdoc />
    public async Task<RecoveryExamination> ExamineAsync(CancellationToken cancellationToken = default)
    {
        using var gate = await EnterWriteGateAsync();
        await RequireStampAsync();
        await SettleCompletionsAsync();
        var (examination, _) = await SurveyAsync();
        return examination;
    }

    /// <summary>Examines the graph; also returns the per-branch surveys repair plans from.</summary>
    private async Task<(RecoveryExamination Examination, List<BranchSurvey> Surveys)> SurveyAsync()
    {
        await HealAllAsync(HealMode.Survey);
        var pointers = await ReadCommitPointersAsync();
        var surveys = new List<BranchSurvey>();
        foreach (var branch in await ListBranchesAsync())
        {
            surveys.Add(await SurveyBranchAsync(branch, pointers));
        }

        var temporaryFiles = _store is ITemporaryFileListing listing
            ? listing.ListTemporaryFiles().Select(static f => new LeftoverFile(f.Path, f.Created.ToUnixTimeMilliseconds() * 1000, f.Length)).ToImmutableArray()
            : [];
        var examination = new RecoveryExamination(
            [.. surveys.Select(ToExamination)],
            [.. _pending.Values],
            temporaryFiles,
            [.. await FindUnreferencedObjectsAsync(surveys)]);
        return (examination, surveys);
    }

    /// <summary>What one branch's chain, heads and figures look like.</summary>
    private async Task<BranchSurvey> SurveyBranchAsync(BranchInfo branch, Dictionary<(string Incarnation, long Version), List<string>> pointers)
    {
        var survey = new BranchSurvey(branch);
        var incarnation = branch.Incarnation;
        var floor = branch.ForkedFrom?.ManifestVersion ?? 0;
        _verifiedChains.Remove(incarnation);
        _gaps.Remove(incarnation);
        try
        {
            var head = await ProbeHeadAsync(branch);
            survey.HeadVersion = head?.Version ?? floor;
            survey.HeadManifest = head ?? await ReadManifestAsync(branch.ForkedFrom!.Incarnation, floor);
        }
        catch (CorruptObjectException corrupt)
        {
            survey.Add(IntegrityFindingKind.CorruptObject, corrupt.Key, corrupt.Reason);
            return survey;
        }

        var tables = survey.HeadManifest.Tables.Select(StoredDocuments.ToRef).ToArray();
        var evidence = CheapEvidence(incarnation);
        survey.Verdicts = await ClassifyHeadsAsync(branch, survey.HeadVersion, tables);
        foreach (var verdict in survey.Verdicts)
        {
            if (verdict.ProvenVersion is { } proven)
            {
                evidence.Add((proven, $"the table head record {verdict.StateKey} ({verdict.Detail})"));
            }

            if (verdict.Relation == HeadRelation.Missing)
            {
                survey.Add(IntegrityFindingKind.HeadRecordMissing, verdict.StateKey, verdict.Detail);
            }
            else if (verdict.Relation == HeadRelation.Inconsistent)
            {
                survey.Add(IntegrityFindingKind.HeadRecordInconsistent, verdict.StateKey, verdict.Detail);
            }
        }

        // A commit pointer is written on top of the head it was based on: a pointer naming version V proves V - 1.
        foreach (var ((pointerIncarnation, version), ids) in pointers)
        {
            if (string.Equals(pointerIncarnation, incarnation, StringComparison.Ordinal) && version - 1 > floor)
            {
                evidence.Add((version - 1, $"the commit pointer {GraphObjectKeys.CommitPointer(ids[0])} (a write based on that version)"));
            }
        }

        survey.Pointers = pointers;
        if (evidence.Count > 0 && evidence.MaxBy(static e => e.Version) is var (provenVersion, source) && provenVersion > survey.HeadVersion)
        {
            survey.ProvenVersion = provenVersion;
            try
            {
                ThrowIfChainEndsBelow(branch, survey.HeadVersion, [(provenVersion, source)]);
            }
            catch (CorruptObjectException gap)
            {
                survey.Add(IntegrityFindingKind.MissingManifest, gap.Key, gap.Reason);
            }

            for (var version = survey.HeadVersion + 2; version <= provenVersion + 1; version++)
            {
                if (await _store.GetPropertiesAsync(GraphObjectKeys.Manifest(incarnation, version)) is not null)
                {
                    survey.LaterVersions.Add(version);
                }
            }
        }

        await SurveyHistoryAsync(survey, floor);
        try
        {
            await VerifyFiguresAsync(tables);
        }
        catch (CorruptObjectException corrupt)
        {
            survey.Add(IntegrityFindingKind.CorruptObject, corrupt.Key, corrupt.Reason);
        }

        foreach (var pending in _pending.Values)
        {
            if (string.Equals(pending.Branch, branch.Name, StringComparison.Ordinal) || pending.State == PendingSidecarState.Refused)
            {
                survey.Add(IntegrityFindingKind.SidecarPending, pending.Key, $"{pending.State}: {pending.Reason}");
            }
        }

        if (survey.Findings.Count == 0)
        {
            _verifiedChains.Add(incarnation);
            _headProblems.Remove(incarnation);
        }

        return survey;
    }

    /// <summary>Reads every version of the branch's own chain: each must exist, read strictly, and name the one before it as its parent commit.</summary>
    private async Task SurveyHistoryAsync(BranchSurvey survey, long floor)
    {
        var incarnation = survey.Branch.Incarnation;
        string? parent = survey.Branch.ForkedFrom?.CommitId;

        // History cleanup reclaimed is gone by design: the chain is read from its floor.
        if (KeepFromOf(incarnation) - 1 > floor)
        {
            floor = KeepFromOf(incarnation) - 1;
            parent = null;
        }

        for (var version = floor + 1; version <= survey.HeadVersion; version++)
        {
            ManifestDocument? manifest;
            try
            {
                manifest = await TryReadManifestAsync(incarnation, version);
            }
            catch (CorruptObjectException corrupt)
            {
                survey.Add(IntegrityFindingKind.CorruptObject, corrupt.Key, corrupt.Reason);
                parent = null;
                continue;
            }

            var key = GraphObjectKeys.Manifest(incarnation, version);
            if (manifest is null)
            {
                survey.Add(IntegrityFindingKind.MissingManifest, key, string.Create(CultureInfo.InvariantCulture, $"manifest version {version} is missing although version {survey.HeadVersion} exists"));
            }
            else if (parent is not null && !string.Equals(manifest.Commit.Parent, parent, StringComparison.Ordinal))
            {
                survey.Add(IntegrityFindingKind.CorruptObject, key, $"its commit {manifest.Commit.Id} names parent {manifest.Commit.Parent ?? "none"}, but the version before it is commit {parent}");
            }

            parent = manifest?.Commit.Id;
        }
    }

    /// <summary>Every commit pointer, by the (incarnation, version) it names.</summary>
    private async Task<Dictionary<(string Incarnation, long Version), List<string>>> ReadCommitPointersAsync()
    {
        var pointers = new Dictionary<(string, long), List<string>>();
        foreach (var key in await ListKeysAsync(GraphObjectKeys.CommitsPrefix))
        {
            if (GraphObjectKeys.CommitIdOf(key) is not { } id)
            {
                continue;
            }

            CommitPointerDocument pointer;
            try
            {
                pointer = StoredDocuments.ReadCommitPointer(key, (await _store.GetAsync(key)).Content.Span, id);
            }
            catch (Exception exception) when (exception is CorruptObjectException or OmniGraphException { Code: ErrorCodes.UnsupportedStorageFormat } or ObjectNotFoundException)
            {
                // A damaged pointer only makes its own commit unfindable; it proves nothing about the chain.
                continue;
            }

            var slot = (pointer.BranchIncarnation, pointer.ManifestVersion);
            if (!pointers.TryGetValue(slot, out var ids))
            {
                pointers[slot] = ids = [];
            }

            ids.Add(id);
        }

        return pointers;
    }

    private static BranchExamination ToExamination(BranchSurvey survey)
    {
        var findings = survey.Findings.OrderBy(static f => f.Kind).ToImmutableArray();
        var condition = findings.Any(static f => f.Kind is IntegrityFindingKind.MissingManifest or IntegrityFindingKind.CorruptObject)
            ? BranchCondition.Unreadable
            : findings.IsEmpty ? BranchCondition.Healthy : BranchCondition.WritesBlocked;
        return new BranchExamination(survey.Branch.Name, survey.Branch.Incarnation, survey.HeadManifest is null ? null : survey.HeadVersion, condition, findings);
    }

    /// <summary>What the examination learnt about one branch (repair plans from it).</summary>
    private sealed class BranchSurvey(BranchInfo branch)
    {
        public BranchInfo Branch { get; } = branch;

        public long HeadVersion { get; set; }

        public ManifestDocument? HeadManifest { get; set; }

        /// <summary>The highest manifest version a durable record proves was published, when above the head.</summary>
        public long? ProvenVersion { get; set; }

        /// <summary>Manifest versions that exist beyond the missing one (a hole, not a lost end).</summary>
        public List<long> LaterVersions { get; } = [];

        public HeadVerdict[] Verdicts { get; set; } = [];

        public Dictionary<(string Incarnation, long Version), List<string>> Pointers { get; set; } = [];

        public List<IntegrityFinding> Findings { get; } = [];

        public void Add(IntegrityFindingKind kind, string key, string detail) => Findings.Add(new IntegrityFinding(kind, key, detail));
    }
}

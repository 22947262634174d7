using System.Globalization;

namespace OmniGraph.Grains.Manifest;

/// <summary>
/// <c>omnigraph recovery repair</c> (docs/commits-and-recovery.md, "Repair"): the repairs that publish only what was
/// verified first. Each is idempotent and ordered so that a crash half-way leaves a state the next examination still
/// recognises (a lost version is published before the heads that prove it are touched).
/// </summary>
internal sealed partial class ManifestGrain
{
    private const int MaxRepairRounds = 3;

    /// <inheritdoc />
    public async Task<RepairReport> RepairAsync(RepairRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var gate = await EnterWriteGateAsync();
        await RequireStampAsync();
        await SettleCompletionsAsync();
        if (request.Apply)
        {
            // What healing resolves needs no repair (and a pending sidecar must be resolved before anything else).
            await HealAllAsync(HealMode.Full);
        }

        var (examination, surveys) = await SurveyAsync();
        var steps = ImmutableArray.CreateBuilder<RepairStep>();
        for (var round = 1; ; round++)
        {
            var plans = new List<PlannedRepair>();
            foreach (var survey in surveys)
            {
                plans.AddRange(await PlanRepairAsync(survey, request));
            }

            foreach (var refused in _pending.Values.Where(static p => p.State == PendingSidecarState.Refused))
            {
                plans.Add(new PlannedRepair(
                    new RepairStep(RepairStepKind.Refused, "*", $"recovery record {refused.Key} cannot be read ({refused.Reason}): inspect it and remove it by hand once the graph is as you want it"),
                    null));
            }

            var actionable = plans.Where(static p => p.Apply is not null).ToList();
            if (!request.Apply || actionable.Count == 0 || round > MaxRepairRounds)
            {
                steps.AddRange(plans.Where(p => !request.Apply || p.Apply is null).Select(static p => p.Step));
                break;
            }

            foreach (var plan in actionable)
            {
                await plan.Apply!();
                steps.Add(plan.Step);
                LogRepaired(GraphId, plan.Step.Kind, plan.Step.Branch, plan.Step.Detail);
            }

            (examination, surveys) = await SurveyAsync();
        }

        return new RepairReport(steps.ToImmutable(), request.Apply, examination);
    }

    /// <summary>The repairs of one branch: a lost end of the chain first (the rest is judged against the repaired head in the next round).</summary>
    private async Task<List<PlannedRepair>> PlanRepairAsync(BranchSurvey survey, RepairRequest request)
    {
        var name = survey.Branch.Name;
        if (survey.HeadManifest is not { } head)
        {
            return [Refused(name, $"the head cannot be read ({string.Join("; ", survey.Findings.Select(static f => f.Detail))}): restore the damaged file from a backup")];
        }

        var pending = _pending.Values.Where(p => p.State != PendingSidecarState.Refused && string.Equals(p.Branch, name, StringComparison.Ordinal)).ToList();
        if (pending.Count > 0)
        {
            return [.. pending.Select(p => Refused(name, _sidecarBases.TryGetValue(p.Key, out var based) && based.BaseVersion > survey.HeadVersion
                ? Invariant($"recovery record {p.Key} belongs to a write based on version {based.BaseVersion}, which is lost: restore the missing manifest file from a backup (repair does not rebuild a version a pending write is based on)")
                : $"recovery record {p.Key} is pending ({p.State}: {p.Reason}); it is healed when the graph is opened or written, and repair waits for it"))];
        }

        if (survey.ProvenVersion is { } proven)
        {
            var missing = survey.HeadVersion + 1;
            if (survey.LaterVersions.Count > 0)
            {
                return [Refused(name, Invariant($"manifest version {missing} is missing but version {survey.LaterVersions[0]} exists: restore the missing file from a backup (repair never rewrites versions that exist)"))];
            }

            var range = proven == missing ? Invariant($"version {missing}") : Invariant($"versions {missing} to {proven}");
            var (rebuilt, reason) = await RebuildLostHeadAsync(survey, proven);
            if (rebuilt is not null)
            {
                var changed = string.Join(", ", rebuilt.Where((t, i) => !t.SameVersionAs(StoredDocuments.ToRef(head.Tables[i]))).Select(static t => t.ToString()));
                return [new PlannedRepair(
                    new RepairStep(RepairStepKind.RepublishLostVersions, name, Invariant($"publish {range} again: version {proven} rebuilt from the table heads ({(changed.Length == 0 ? "no table changed" : changed)})") + (proven > missing ? " and the versions before it as unreadable placeholders" : string.Empty)),
                    () => PublishLostVersionsAsync(survey, proven, rebuilt, CommitKinds.RecoveryRepublish, rollHeadsBack: false))];
            }

            if (request.DiscardLostVersions)
            {
                return [new PlannedRepair(
                    new RepairStep(RepairStepKind.DiscardLostVersions, name, Invariant($"close {range}: version {proven} continues from version {survey.HeadVersion} (the lost writes are dropped: {reason}), versions before it are unreadable placeholders, table heads move back")),
                    () => PublishLostVersionsAsync(survey, proven, [.. head.Tables.Select(StoredDocuments.ToRef)], CommitKinds.RecoveryDiscard, rollHeadsBack: true))];
            }

            return [Refused(name, Invariant($"{range} cannot be rebuilt ({reason}): restore the missing manifest files from a backup, or run repair with --discard-lost to continue from version {survey.HeadVersion}"))];
        }

        var plans = new List<PlannedRepair>();
        foreach (var finding in survey.Findings.Where(static f => f.Kind is IntegrityFindingKind.CorruptObject or IntegrityFindingKind.MissingManifest))
        {
            plans.Add(Refused(name, $"{finding.Key}: {finding.Detail}: restore the file from a backup"));
        }

        if (plans.Count == 0 && HeadRecordRebuildOf(survey) is { } rebuild)
        {
            plans.Add(rebuild);
        }

        return plans;
    }

    /// <summary>
    /// The rebuild of a branch's broken head records (derived state) from its published head, when the history they
    /// derive from is intact: a readable head, no lost version (whose head records are its only evidence), nothing damaged.
    /// <c>recovery repair</c> and <c>omnigraph repair</c> both carry it out.
    /// </summary>
    private PlannedRepair? HeadRecordRebuildOf(BranchSurvey survey)
    {
        if (survey.HeadManifest is not { } head
            || survey.ProvenVersion is not null
            || survey.Findings.Any(static f => f.Kind is IntegrityFindingKind.CorruptObject or IntegrityFindingKind.MissingManifest))
        {
            return null;
        }

        var broken = Enumerable.Range(0, survey.Verdicts.Length)
            .Where(i => survey.Verdicts[i].Relation is HeadRelation.Missing or HeadRelation.Inconsistent)
            .ToArray();
        return broken.Length == 0
            ? null
            : new PlannedRepair(
                new RepairStep(RepairStepKind.RebuildHeadRecords, survey.Branch.Name, $"rewrite the head records of {string.Join(", ", broken.Select(i => head.Tables[i].Table))} from manifest version {survey.HeadVersion.ToString(CultureInfo.InvariantCulture)}"),
                () => RebuildHeadRecordsAsync(survey, broken));
    }

    /// <summary>
    /// The state the last lost version published, rebuilt from the table heads: the head version's tables with every
    /// table whose head proves a lost write replaced by that head. Only returned when it is verified: each such head's
    /// table versions lead down to the published one, load (every fragment and deletion file read and checked), share
    /// the schema, and every write among them is complete (each table version a write staged is on its table's path).
    /// </summary>
    private async Task<(TableVersionRef[]? Tables, string Reason)> RebuildLostHeadAsync(BranchSurvey survey, long proven)
    {
        var head = survey.HeadManifest!;
        var incarnation = survey.Branch.Incarnation;
        var tables = head.Tables.Select(StoredDocuments.ToRef).ToArray();
        var paths = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var writes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tables.Length; i++)
        {
            var published = tables[i];
            paths[published.Table] = new HashSet<string>(StringComparer.Ordinal);
            var verdict = survey.Verdicts[i];
            if (verdict.Relation is HeadRelation.Missing or HeadRelation.Inconsistent)
            {
                return (null, $"the head record of {published.Table} cannot be trusted ({verdict.Detail})");
            }

            if (verdict.Relation != HeadRelation.LostManifest)
            {
                continue;
            }

            var record = await TableGrain(published.Table, survey.Branch.Name).GetHeadRecordAsync(refresh: true);
            if (record.Head is not { } lost || record.ManifestVersion is not { } wanted || wanted > proven)
            {
                return (null, $"the head record of {published.Table} does not say which version its write published");
            }

            for (var current = lost; !current.SameVersionAs(published);)
            {
                if (current.Version <= published.Version || current.Key is null)
                {
                    return (null, $"the versions of {published.Table} below its head {lost} do not lead to the published {published}");
                }

                StoredTableVersion document;
                try
                {
                    document = StoredDocuments.ReadTableVersion(current.Key, (await _store.GetAsync(current.Key)).Content.Span, current);
                }
                catch (Exception exception) when (exception is CorruptObjectException or ObjectNotFoundException)
                {
                    return (null, $"table version {current.Key} cannot be read ({exception.Message})");
                }

                paths[published.Table].Add(current.Key);
                writes.Add(document.Tx);
                current = StoredDocuments.ToRef(document.Parent);
            }

            try
            {
                await TableGrain(published.Table, survey.Branch.Name).GetVersionInfoAsync(lost);
            }
            catch (OmniGraphException exception)
            {
                return (null, $"{lost} cannot be loaded ({exception.Message})");
            }

            if (!string.Equals(lost.SchemaHash, head.SchemaHash, StringComparison.Ordinal))
            {
                return (null, $"{lost} is laid out by another schema than version {survey.HeadVersion}");
            }

            tables[i] = lost;
        }

        // Every table version a lost write staged must be on its table's path: otherwise the write stopped before its
        // commit point, and publishing what it did move would publish half a write.
        for (var i = 0; i < tables.Length && writes.Count > 0; i++)
        {
            var table = tables[i];
            var prefix = GraphObjectKeys.TableVersionsOf(table.IsEdge, table.TableId, incarnation);
            foreach (var key in await ListKeysAsync(prefix))
            {
                if (GraphObjectKeys.TableVersionTx(key) is { } tx && writes.Contains(tx) && !paths[table.Table].Contains(key))
                {
                    return (null, $"write {tx} staged {key} but the head of {table.Table} never reached it: that write never completed");
                }
            }
        }

        return (tables, string.Empty);
    }

    /// <summary>
    /// Publishes the lost versions (head + 1 .. <paramref name="proven"/>): placeholders that keep each number and, when
    /// exactly one commit pointer names it, its commit id; the last one with <paramref name="tables"/>. Then, for a
    /// discard, moves the heads that proved the lost writes back to the published versions.
    /// </summary>
    private async Task PublishLostVersionsAsync(BranchSurvey survey, long proven, TableVersionRef[] tables, string kind, bool rollHeadsBack)
    {
        var head = survey.HeadManifest!;
        var branch = survey.Branch;
        var parent = head.Commit.Id;
        ManifestDocument? last = null;
        for (var version = survey.HeadVersion + 1; version <= proven; version++)
        {
            var isLast = version == proven;
            var commitId = survey.Pointers.TryGetValue((branch.Incarnation, version), out var ids) && ids.Count == 1 ? ids[0] : Ulid.NewUlid().ToString();
            var manifest = new ManifestDocument
            {
                Format = StorageFormat.ObjectFormat,
                Branch = branch.Name,
                BranchIncarnation = branch.Incarnation,
                Version = version,
                SchemaHash = head.SchemaHash,
                Commit = new CommitRecordDocument
                {
                    Id = commitId,
                    Parent = parent,
                    MergedParent = null,
                    Actor = CommitInfo.RecoveryActor,
                    CreatedAt = NowMicros(),
                    Kind = isLast ? kind : CommitKinds.RecoveryLost,
                },
                Tables = isLast ? [.. tables.Select(StoredDocuments.ToDocument)] : head.Tables,
                Dropped = head.Dropped,
            };
            await PutIfAbsentAsync(GraphObjectKeys.CommitPointer(commitId), StoredDocuments.Serialize(new CommitPointerDocument
            {
                Format = StorageFormat.ObjectFormat,
                CommitId = commitId,
                Branch = branch.Name,
                BranchIncarnation = branch.Incarnation,
                ManifestVersion = version,
            }));
            try
            {
                await _store.PutAsync(GraphObjectKeys.Manifest(branch.Incarnation, version), StoredDocuments.Serialize(manifest), WriteCondition.IfNotExists);
            }
            catch (ObjectPreconditionFailedException exception)
            {
                throw new CorruptObjectException(GraphObjectKeys.Manifest(branch.Incarnation, version), "it appeared while repair was publishing the lost versions; nothing more was published: examine the graph again", exception);
            }

            CacheManifest(manifest);
            parent = commitId;
            last = manifest;
        }

        NoteHead(last!);
        _gaps.Remove(branch.Incarnation);
        _verifiedChains.Remove(branch.Incarnation);
        await PersistHeadHintsAsync(force: true);
        if (rollHeadsBack)
        {
            for (var i = 0; i < survey.Verdicts.Length; i++)
            {
                if (survey.Verdicts[i].Relation == HeadRelation.LostManifest)
                {
                    var published = StoredDocuments.ToRef(head.Tables[i]);
                    var grain = TableGrain(published.Table, branch.Name);
                    if ((await grain.GetHeadRecordAsync(refresh: true)).Head is { } lost)
                    {
                        await grain.RollBackHeadAsync(lost.Tx!, lost, published);
                    }
                }
            }
        }
    }

    /// <summary>Rewrites broken head records from the published head; an unreadable one is deleted first (it is derived state).</summary>
    private async Task RebuildHeadRecordsAsync(BranchSurvey survey, int[] broken)
    {
        await _failpoints.BeforeAsync(Failpoints.RepairHeadRecords, survey.Branch.Name);
        foreach (var i in broken)
        {
            var published = StoredDocuments.ToRef(survey.HeadManifest!.Tables[i]);
            var grain = TableGrain(published.Table, survey.Branch.Name);
            try
            {
                await grain.RepairHeadAsync(published);
            }
            catch (Exception exception) when (OmniGraphErrors.Unwrap(exception) is CorruptObjectException)
            {
                await _store.DeleteAsync(survey.Verdicts[i].StateKey, WriteCondition.None);
                await grain.RepairHeadAsync(published);
            }
        }

        _headProblems.Remove(survey.Branch.Incarnation);
        _verifiedChains.Remove(survey.Branch.Incarnation);
        _failpoints.After(Failpoints.RepairHeadRecords, survey.Branch.Name);
    }

    private static PlannedRepair Refused(string branch, string detail) => new(new RepairStep(RepairStepKind.Refused, branch, detail), null);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A planned step and how to carry it out (<c>null</c> for a refused one).</summary>
    private sealed record PlannedRepair(RepairStep Step, Func<Task>? Apply);
}

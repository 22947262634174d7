using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmniGraph.Grains.Access;
using OmniGraph.Grains.Hosting;
using OmniGraph.Grains.Schema;
using OmniGraph.Grains.Writes;

namespace OmniGraph.Grains.Merging;

/// <summary>
/// Merges one branch into another (docs/branches.md, "How a merge decides"):
/// <list type="number">
/// <item>the target's write entry (heal, head) and the source head;</item>
/// <item>up to date when the heads are equal or the source head is the merge base (<see cref="IManifestGrain.FindMergeBaseAsync"/>);
/// a fast forward when the target head is the base;</item>
/// <item>for every table the source changed since the base and whose version differs between the sides, the three-way
/// merge of its rows (<see cref="ITableBranchGrain.PlanMergeAsync"/> on the grain that holds the target's version); any row conflict
/// ends the merge with nothing written;</item>
/// <item>the merged rows staged on the target (<see cref="GraphWriteCoordinator.PrepareAllAsync"/>), then the constraint
/// checks on the merged graph (<see cref="WriteValidator"/>), every violation collected;</item>
/// <item>one commit on the target whose merged parent is the source head (<see cref="IManifestProtocol.SubmitCommitAsync"/>
/// and <see cref="IManifestProtocol.WaitForCommitAsync"/>: the same group commit and sidecar protocol as every write). When
/// another write lands on the target first, the merge is prepared again.</item>
/// </list>
/// </summary>
public sealed partial class BranchMergeCoordinator
{
    private readonly IGrainFactory _grains;
    private readonly IGraphDirectory _directory;
    private readonly SchemaCatalogCache _schemas;
    private readonly GraphWriteCoordinator _writes;
    private readonly FailpointRegistry _failpoints;
    private readonly OmniGraphOptions _options;
    private readonly ILogger<BranchMergeCoordinator> _logger;

    /// <summary>Creates the coordinator (a silo singleton).</summary>
    public BranchMergeCoordinator(
        IGrainFactory grains,
        IGraphDirectory directory,
        SchemaCatalogCache schemas,
        GraphWriteCoordinator writes,
        FailpointRegistry failpoints,
        IOptions<OmniGraphOptions> options,
        ILogger<BranchMergeCoordinator> logger)
    {
        _grains = grains;
        _directory = directory;
        _schemas = schemas;
        _writes = writes;
        _failpoints = failpoints;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Merges <paramref name="request"/>'s source into its target in graph <paramref name="graphId"/>.</summary>
    public async Task<BranchMergeResult> MergeAsync(string graphId, BranchMergeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graphId);
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.Source) || string.IsNullOrEmpty(request.Target))
        {
            throw EngineErrors.InvalidBranchOperation(request.Target ?? string.Empty, "a merge names a source and a target branch");
        }

        if (string.Equals(request.Source, request.Target, StringComparison.Ordinal))
        {
            throw EngineErrors.InvalidBranchOperation(request.Target, $"a merge needs distinct source and target branches (both are '{request.Target}')");
        }

        // A protected branch takes promotions only (the commit refuses it too; this refuses before anything is read).
        GraphWriteAccess.RequireUnprotected(_options, graphId, request.Target, CommitKinds.Merge);
        var manifest = _grains.GetGrain<IManifestProtocol>(graphId);
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var target = await manifest.BeginWriteAsync(request.Target, cancellationToken);
            var source = await manifest.ResolveSnapshotAsync(SnapshotTarget.Head(request.Source), cancellationToken);
            try
            {
                var result = await MergeOnceAsync(graphId, manifest, request, source, target, attempt, cancellationToken);
                LogMerged(graphId, request.Source, request.Target, result.Outcome, result.Commit?.Id, result.Conflicts.Length);
                return await DeleteSourceAsync(manifest, request, result);
            }
            catch (ReadSetChangedException conflict) when (attempt < _options.MaxWriteAttempts)
            {
                // Another write landed on the target first (before any effect of this one): merge again from its head.
                LogReprepare(graphId, request.Source, request.Target, attempt, conflict.Message);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 2 * attempt)), cancellationToken);
            }
        }
    }

    private async Task<BranchMergeResult> MergeOnceAsync(string graphId, IManifestProtocol manifest, BranchMergeRequest request, GraphSnapshot source, GraphSnapshot target, int attempt, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(graphId, manifest, request.Source, request.Target, source, target, cancellationToken);
        BranchMergeResult Result(BranchMergeOutcome outcome, CommitInfo? commit, ImmutableArray<TableMergeSummary> tables, ImmutableArray<MergeConflict> conflicts) =>
            new(outcome, request.Source, request.Target, source.Commit.Id, prepared.BaseCommitId, commit, tables, conflicts, attempt);
        if (prepared.Outcome is BranchMergeOutcome.AlreadyUpToDate or BranchMergeOutcome.Conflicted)
        {
            return Result(prepared.Outcome, null, [], prepared.Conflicts);
        }

        var applied = await CommitAsync(graphId, manifest, target, prepared.Plans, new MergeCommit(request.Actor, CommitKinds.Merge, source.Commit.Id), cancellationToken);
        return applied.Commit is null
            ? Result(BranchMergeOutcome.Conflicted, null, [], applied.Conflicts)
            : Result(prepared.Outcome, applied.Commit, applied.Tables, []);
    }

    /// <summary>
    /// Everything a merge of <paramref name="source"/> into <paramref name="target"/> decides before it writes: the merge
    /// base, the outcome so far (up to date, fast forward, merge, or conflicted by rows) and the per-table plans.
    /// Reads only; deterministic for the same two heads.
    /// </summary>
    internal async Task<MergePreparation> PrepareAsync(string graphId, IManifestProtocol manifest, string sourceName, string targetName, GraphSnapshot source, GraphSnapshot target, CancellationToken cancellationToken)
    {
        RequireOneSchema(sourceName, targetName, source, target);
        if (string.Equals(source.Commit.Id, target.Commit.Id, StringComparison.Ordinal))
        {
            return new MergePreparation(BranchMergeOutcome.AlreadyUpToDate, source.Commit.Id, [], []);
        }

        var mergeBase = await manifest.FindMergeBaseAsync(source.Commit.Id, target.Commit.Id, cancellationToken)
            ?? throw EngineErrors.InvalidBranchOperation(targetName, $"'{sourceName}' and '{targetName}' share no commit");
        if (string.Equals(mergeBase.Id, source.Commit.Id, StringComparison.Ordinal))
        {
            return new MergePreparation(BranchMergeOutcome.AlreadyUpToDate, mergeBase.Id, [], []);
        }

        var fastForward = string.Equals(mergeBase.Id, target.Commit.Id, StringComparison.Ordinal);
        var baseSnapshot = fastForward ? target : await manifest.ResolveSnapshotAsync(SnapshotTarget.AtCommit(mergeBase.Id), cancellationToken);
        RequireOneSchema(sourceName, targetName, baseSnapshot, target);
        var plans = await PlanAsync(graphId, baseSnapshot, source, target, cancellationToken);
        var rowConflicts = plans.SelectMany(static p => p.Conflicts).ToImmutableArray();
        return !rowConflicts.IsEmpty
            ? new MergePreparation(BranchMergeOutcome.Conflicted, mergeBase.Id, plans, rowConflicts)
            : new MergePreparation(fastForward ? BranchMergeOutcome.FastForward : BranchMergeOutcome.Merged, mergeBase.Id, plans, []);
    }

    /// <summary>
    /// Stages <paramref name="plans"/> on <paramref name="target"/>, checks the merged graph and, when it holds, commits it
    /// as one commit described by <paramref name="commit"/> (the same group commit and sidecar protocol as every write).
    /// A constraint violation writes nothing and is returned as conflicts. <paramref name="beforeSubmit"/> runs after the
    /// checks and before the commit is submitted (a promotion records its intent there).
    /// </summary>
    internal async Task<MergeApplied> CommitAsync(
        string graphId,
        IManifestProtocol manifest,
        GraphSnapshot target,
        IReadOnlyList<TableMergePlan> plans,
        MergeCommit commit,
        CancellationToken cancellationToken,
        Func<string, Task>? beforeSubmit = null)
    {
        var writes = plans
            .Where(static p => !p.IsEmpty)
            .Select(static p => new TableWrite(p.Table, TableWriteMode.Upsert, [], p.Upserts.Length > 0 ? [p.Upserts] : [], p.DeleteIds.Count > 0 ? p.DeleteIds : null))
            .ToArray();
        var tx = Ulid.NewUlid().ToString();
        var violations = new WriteViolations();
        var started = Stopwatch.GetTimestamp();
        await _failpoints.BeforeAsync(Failpoints.MergeStage);
        var staged = await _writes.PrepareAllAsync(graphId, tx, target, writes, cancellationToken, violations);
        try
        {
            _failpoints.After(Failpoints.MergeStage);
            if (violations.Count == 0)
            {
                var catalog = await _schemas.GetAsync(await _directory.GetStoreAsync(graphId, cancellationToken), target.SchemaHash, cancellationToken);
                await new WriteValidator(_grains, graphId, catalog, target, staged, violations).ValidateAsync(cancellationToken);
            }

            if (violations.Count > 0)
            {
                await _writes.AbortAllAsync(graphId, tx, target.Branch, staged.Keys);
                return new MergeApplied(null, [], MergeViolations.ToConflicts(violations));
            }

            cancellationToken.ThrowIfCancellationRequested();
            var commitId = Ulid.NewUlid().ToString();
            if (beforeSubmit is not null)
            {
                await beforeSubmit(commitId);
            }

            await manifest.SubmitCommitAsync(
                _writes.CommitRequestFor(tx, target, staged, commitId) with
                {
                    Actor = commit.Actor,
                    Writer = commit.Writer,
                    MergedParentId = commit.MergedParentId,
                    PromotionSource = commit.PromotionSource,
                    PromotionDigest = commit.PromotionDigest,
                },
                cancellationToken);

            // Submitted: the commit runs to its end whatever the caller does now, so its outcome is waited for.
            var published = await manifest.WaitForCommitAsync(commitId, CancellationToken.None);
            EngineMetrics.RecordCommit(graphId, CommitKinds.Merge, started);
            var tables = staged.Values
                .Select(static s => new TableMergeSummary(s.Version.Table, s.Inserted, s.Replaced, s.Deleted))
                .ToImmutableArray();
            return new MergeApplied(published, tables, []);
        }
        catch (Exception exception) when (exception is not SimulatedCrashException)
        {
            EngineMetrics.RecordCommit(graphId, CommitKinds.Merge, started, exception);
            await _writes.AbortAllAsync(graphId, tx, target.Branch, staged.Keys);
            throw;
        }
    }

    /// <summary>
    /// The three-way plan of every table whose version differs between the sides and that the source changed since the
    /// base (manifest-level equality: a table the source never wrote, or that both sides share, costs nothing).
    /// </summary>
    internal async Task<TableMergePlan[]> PlanAsync(string graphId, GraphSnapshot baseSnapshot, GraphSnapshot source, GraphSnapshot target, CancellationToken cancellationToken)
    {
        var plans = new List<Task<TableMergePlan>>();
        foreach (var table in target.Tables)
        {
            var theirs = source.GetTable(table.Table);
            var common = baseSnapshot.GetTable(table.Table);
            if (theirs.SameVersionAs(table) || theirs.SameVersionAs(common))
            {
                continue;
            }

            // On the grain of the chain that holds the target's version: it keeps that version warm, and the base's and
            // the source's versions share its leading fragments, so only what changed is read.
            var grain = _grains.GetGrain<ITableBranchProtocol>(GraphGrainKeys.TableBranch(graphId, table.Table, table.ChainBranch));
            plans.Add(grain.PlanMergeAsync(common, theirs, table, cancellationToken));
        }

        return await Task.WhenAll(plans);
    }

    private static void RequireOneSchema(string source, string target, GraphSnapshot other, GraphSnapshot targetSnapshot)
    {
        if (!string.Equals(other.SchemaHash, targetSnapshot.SchemaHash, StringComparison.Ordinal))
        {
            throw EngineErrors.InvalidBranchOperation(
                target,
                $"cannot merge '{source}' into '{target}': {other.Branch} v{other.ManifestVersion} and {targetSnapshot.Branch} v{targetSnapshot.ManifestVersion} have different schemas");
        }
    }

    /// <summary><c>--delete-branch</c>: deletes the source after a merge that did not conflict; a refusal is reported, never raised.</summary>
    private static async Task<BranchMergeResult> DeleteSourceAsync(IManifestProtocol manifest, BranchMergeRequest request, BranchMergeResult result)
    {
        if (!request.DeleteBranch || result.Outcome == BranchMergeOutcome.Conflicted)
        {
            return result;
        }

        try
        {
            await manifest.DeleteBranchAsync(request.Source);
            return result with { BranchDeleted = true };
        }
        catch (Exception exception) when (OmniGraphErrors.Unwrap(exception) is OmniGraphException error and not SimulatedCrashException)
        {
            return result with { BranchDeleteError = $"{error.Code}: {error.Message}" };
        }
    }

    [LoggerMessage((int)LogEventId.BranchMergeMerged, LogLevel.Information, "Graph {GraphId}: merge of {Source} into {Target}: {Outcome} (commit {CommitId}, {Conflicts} conflicts)")]
    private partial void LogMerged(string graphId, string source, string target, BranchMergeOutcome outcome, string? commitId, int conflicts);

    [LoggerMessage((int)LogEventId.BranchMergeReprepare, LogLevel.Debug, "Graph {GraphId}: merge of {Source} into {Target} prepared again after attempt {Attempt}: {Reason}")]
    private partial void LogReprepare(string graphId, string source, string target, int attempt, string reason);
}

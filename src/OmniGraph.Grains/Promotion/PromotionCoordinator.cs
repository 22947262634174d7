using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmniGraph.Grains.Access;
using OmniGraph.Grains.Hosting;
using OmniGraph.Grains.Merging;
using OmniGraph.Security;

namespace OmniGraph.Grains.Promotion;

/// <summary>
/// Promotions (docs/branches.md, "Protected branches and promotion"): the only writes a protected branch takes.
/// <list type="bullet">
/// <item>Preview: the three-way merge of the source into the target planned (<see cref="BranchMergeCoordinator.PrepareAsync"/>),
/// nothing written, and its digest (<see cref="PromotionDigest"/>).</item>
/// <item>Confirm: planned again at the target's write entry; applied only when its digest is the one given, as one
/// commit of kind <see cref="CommitKinds.Promote"/> (whose policy check is <c>promote</c> on the target, and whose
/// audit entry the commit protocol appends). The promotion's record is created before the commit is submitted.</item>
/// <item>Revert: the three-way merge from the promotion commit back to its parent onto the target's head, as one commit
/// of kind <see cref="CommitKinds.PromoteRevert"/>, claimed once per promotion before it is submitted.</item>
/// </list>
/// </summary>
internal sealed partial class PromotionCoordinator
{
    private readonly IGrainFactory _grains;
    private readonly IGraphDirectory _directory;
    private readonly BranchMergeCoordinator _merges;
    private readonly GraphWriteAccess _access;
    private readonly AuditLogFactory _auditLogs;
    private readonly FailpointRegistry _failpoints;
    private readonly OmniGraphOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PromotionCoordinator> _logger;

    public PromotionCoordinator(
        IGrainFactory grains,
        IGraphDirectory directory,
        BranchMergeCoordinator merges,
        GraphWriteAccess access,
        AuditLogFactory auditLogs,
        FailpointRegistry failpoints,
        IOptions<OmniGraphOptions> options,
        TimeProvider time,
        ILogger<PromotionCoordinator> logger)
    {
        _grains = grains;
        _directory = directory;
        _merges = merges;
        _access = access;
        _auditLogs = auditLogs;
        _failpoints = failpoints;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>See <see cref="IPromotionGrain.PreviewAsync"/>.</summary>
    public async Task<PromotionPreview> PreviewAsync(string graphId, string source, string target, CancellationToken cancellationToken)
    {
        RequireTwoBranches(source, target);
        var manifest = _grains.GetGrain<IManifestProtocol>(graphId);
        var targetHead = await manifest.ResolveSnapshotAsync(SnapshotTarget.Head(target), cancellationToken);
        var sourceHead = await manifest.ResolveSnapshotAsync(SnapshotTarget.Head(source), cancellationToken);
        var prepared = await _merges.PrepareAsync(graphId, manifest, source, target, sourceHead, targetHead, cancellationToken);
        return ToPreview(source, target, sourceHead, targetHead, prepared);
    }

    /// <summary>See <see cref="IPromotionGrain.PromoteAsync"/>.</summary>
    public async Task<PromotionResult> PromoteAsync(string graphId, PromotionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!PromotionDigest.IsWellFormed(request.Digest))
        {
            throw EngineErrors.InvalidPromotionDigest(request.Digest);
        }

        RequireTwoBranches(request.Source, request.Target);
        var store = await _directory.GetStoreAsync(graphId, cancellationToken);
        await AuthorizeAsync(graphId, store, request.Actor, request.Source, request.Target);
        var manifest = _grains.GetGrain<IManifestProtocol>(graphId);
        var targetHead = await manifest.BeginWriteAsync(request.Target, cancellationToken);
        var sourceHead = await manifest.ResolveSnapshotAsync(SnapshotTarget.Head(request.Source), cancellationToken);
        var prepared = await _merges.PrepareAsync(graphId, manifest, request.Source, request.Target, sourceHead, targetHead, cancellationToken);
        var preview = ToPreview(request.Source, request.Target, sourceHead, targetHead, prepared);
        if (!string.Equals(preview.Digest, request.Digest, StringComparison.Ordinal))
        {
            throw EngineErrors.PromotionDigestMismatch(request.Source, request.Target, request.Digest, preview.Digest, sourceHead.Commit.Id, targetHead.Commit.Id);
        }

        switch (prepared.Outcome)
        {
            case BranchMergeOutcome.Conflicted:
                throw EngineErrors.MergeConflicts(request.Source, request.Target, prepared.Conflicts);
            case BranchMergeOutcome.AlreadyUpToDate:
                throw EngineErrors.InvalidBranchOperation(request.Target, $"nothing to promote: '{request.Target}' already holds every change of '{request.Source}'");
        }

        var promotionId = Ulid.NewUlid().ToString();
        var promotedAt = _time.GetUtcNow();
        var applied = await _merges.CommitAsync(
            graphId,
            manifest,
            targetHead,
            prepared.Plans,
            new MergeCommit(request.Actor, CommitKinds.Promote, sourceHead.Commit.Id, request.Source, preview.Digest),
            cancellationToken,
            commitId => CreateRecordAsync(store, new PromotionDocument
            {
                Format = StorageFormat.ObjectFormat,
                PromotionId = promotionId,
                Source = request.Source,
                Target = request.Target,
                Digest = preview.Digest,
                SourceCommitId = sourceHead.Commit.Id,
                TargetCommitId = targetHead.Commit.Id,
                CommitId = commitId,
                Actor = request.Actor,
                PromotedAt = ToMicroseconds(promotedAt),
            }));
        if (applied.Commit is not { } commit)
        {
            throw EngineErrors.MergeConflicts(request.Source, request.Target, applied.Conflicts);
        }

        LogPromoted(graphId, promotionId, request.Source, request.Target, commit.Id, request.Actor);
        return new PromotionResult(promotionId, request.Source, request.Target, preview.Digest, sourceHead.Commit.Id, targetHead.Commit.Id, commit, applied.Tables, promotedAt);
    }

    /// <summary>See <see cref="IPromotionGrain.RevertAsync"/>.</summary>
    public async Task<PromotionRevertResult> RevertAsync(string graphId, PromotionRevertRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!StoredDocuments.IsUlid(request.PromotionId))
        {
            throw EngineErrors.PromotionNotFound(request.PromotionId ?? string.Empty);
        }

        var store = await _directory.GetStoreAsync(graphId, cancellationToken);
        var manifest = _grains.GetGrain<IManifestProtocol>(graphId);
        var promotion = await ReadPromotionAsync(store, manifest, request.PromotionId, cancellationToken);
        var promotedAt = DateTimeOffset.UnixEpoch.AddTicks(promotion.PromotedAt * 10);
        if (_time.GetUtcNow() - promotedAt > _options.PromotionRevertWindow)
        {
            throw EngineErrors.PromotionRevertWindowClosed(promotion.PromotionId, promotedAt, _options.PromotionRevertWindow);
        }

        var staleClaim = await ReadStaleClaimAsync(store, manifest, promotion.PromotionId, cancellationToken);
        await AuthorizeAsync(graphId, store, request.Actor, promotion.Source, promotion.Target);
        var targetHead = await manifest.BeginWriteAsync(promotion.Target, cancellationToken);
        var promoted = await manifest.ResolveSnapshotAsync(SnapshotTarget.AtCommit(promotion.CommitId), cancellationToken);
        var before = await manifest.ResolveSnapshotAsync(SnapshotTarget.AtCommit(promotion.TargetCommitId), cancellationToken);

        // The inverse of the promotion as a three-way merge: from the promotion commit (the base) to its parent (the
        // source), onto the target's head. What the target changed since on other rows stays; the same rows conflict.
        var plans = await _merges.PlanAsync(graphId, promoted, before, targetHead, cancellationToken);
        var conflicts = plans.SelectMany(static p => p.Conflicts).ToImmutableArray();
        if (!conflicts.IsEmpty)
        {
            throw EngineErrors.PromotionRevertConflicts(promotion.PromotionId, promotion.Target, conflicts);
        }

        var applied = await _merges.CommitAsync(
            graphId,
            manifest,
            targetHead,
            plans,
            new MergeCommit(request.Actor, CommitKinds.PromoteRevert, null),
            cancellationToken,
            commitId => ClaimRevertAsync(store, promotion.PromotionId, commitId, staleClaim));
        if (applied.Commit is not { } commit)
        {
            throw EngineErrors.PromotionRevertConflicts(promotion.PromotionId, promotion.Target, applied.Conflicts);
        }

        LogReverted(graphId, promotion.PromotionId, promotion.Target, commit.Id, request.Actor);
        return new PromotionRevertResult(promotion.PromotionId, promotion.Target, commit, applied.Tables);
    }

    private static PromotionPreview ToPreview(string source, string target, GraphSnapshot sourceHead, GraphSnapshot targetHead, MergePreparation prepared) =>
        new(
            source,
            target,
            sourceHead.Commit.Id,
            targetHead.Commit.Id,
            prepared.BaseCommitId,
            prepared.Outcome,
            [.. prepared.Plans
                .Where(static p => !p.IsEmpty)
                .OrderBy(static p => p.Table, StringComparer.Ordinal)
                .Select(static p => new TableMergeSummary(p.Table, p.Inserted, p.Updated, p.DeleteIds.Count))],
            prepared.Conflicts,
            PromotionDigest.Compute(source, target, sourceHead, targetHead, prepared));

    private static void RequireTwoBranches(string source, string target)
    {
        if (string.IsNullOrEmpty(source) || string.IsNullOrEmpty(target))
        {
            throw EngineErrors.InvalidBranchOperation(target ?? string.Empty, "a promotion names a source and a target branch");
        }

        if (string.Equals(source, target, StringComparison.Ordinal))
        {
            throw EngineErrors.InvalidBranchOperation(target, $"a promotion needs distinct source and target branches (both are '{target}')");
        }
    }

    /// <summary>
    /// The policy's decision on <c>promote</c> into <paramref name="target"/>, before anything is read or staged (the
    /// commit decides again). A denial is audited when commits are, and thrown as <c>forbidden</c>.
    /// </summary>
    private async Task AuthorizeAsync(string graphId, IObjectStore store, string? actor, string source, string target)
    {
        var decision = _access.DecidePromote(graphId, actor, source, target);
        if (decision.Allowed)
        {
            return;
        }

        if (_access.AuditWrites)
        {
            await _auditLogs.Create(store).AppendAsync(AuditRecord.FromDecision(decision, graphId));
        }

        throw SecurityErrors.AccessDenied(decision);
    }

    private async Task CreateRecordAsync(IObjectStore store, PromotionDocument record)
    {
        await _failpoints.BeforeAsync(Failpoints.PromotionRecord);
        await store.PutAsync(GraphObjectKeys.Promotion(record.PromotionId), StoredDocuments.Serialize(record), WriteCondition.IfNotExists);
        _failpoints.After(Failpoints.PromotionRecord);
    }

    /// <summary>The record of a promotion whose commit was published; <c>promotion_not_found</c> for any other id.</summary>
    private static async Task<PromotionDocument> ReadPromotionAsync(IObjectStore store, IManifestProtocol manifest, string promotionId, CancellationToken cancellationToken)
    {
        var key = GraphObjectKeys.Promotion(promotionId);
        PromotionDocument promotion;
        try
        {
            var stored = await store.GetAsync(key, cancellationToken);
            promotion = StoredDocuments.ReadPromotion(key, stored.Content.Span, promotionId);
        }
        catch (ObjectNotFoundException)
        {
            throw EngineErrors.PromotionNotFound(promotionId);
        }

        // A record whose commit never published (a crash between the two, or a refused commit) is no promotion.
        return await CommitExistsAsync(manifest, promotion.CommitId, cancellationToken) ? promotion : throw EngineErrors.PromotionNotFound(promotionId);
    }

    /// <summary>
    /// The revert claim left by a revert whose commit never published (its ETag, to replace it), or <c>null</c> when there
    /// is none; <c>promotion_already_reverted</c> when the claimed revert commit exists.
    /// </summary>
    private static async Task<string?> ReadStaleClaimAsync(IObjectStore store, IManifestProtocol manifest, string promotionId, CancellationToken cancellationToken)
    {
        var key = GraphObjectKeys.PromotionRevert(promotionId);
        StoredObject stored;
        try
        {
            stored = await store.GetAsync(key, cancellationToken);
        }
        catch (ObjectNotFoundException)
        {
            return null;
        }

        var claim = StoredDocuments.ReadPromotionRevert(key, stored.Content.Span, promotionId);
        return await CommitExistsAsync(manifest, claim.CommitId, cancellationToken)
            ? throw EngineErrors.PromotionAlreadyReverted(promotionId, claim.CommitId)
            : stored.ETag;
    }

    /// <summary>Claims the revert for <paramref name="commitId"/>: creates the claim, or replaces the stale one read before. A lost race is <c>promotion_already_reverted</c>.</summary>
    private async Task ClaimRevertAsync(IObjectStore store, string promotionId, string commitId, string? staleClaim)
    {
        var claim = new PromotionRevertDocument { Format = StorageFormat.ObjectFormat, PromotionId = promotionId, CommitId = commitId };
        await _failpoints.BeforeAsync(Failpoints.PromotionRevertClaim);
        try
        {
            await store.PutAsync(
                GraphObjectKeys.PromotionRevert(promotionId),
                StoredDocuments.Serialize(claim),
                staleClaim is null ? WriteCondition.IfNotExists : WriteCondition.IfMatch(staleClaim));
        }
        catch (ObjectPreconditionFailedException)
        {
            throw EngineErrors.PromotionAlreadyReverted(promotionId, null);
        }

        _failpoints.After(Failpoints.PromotionRevertClaim);
    }

    private static async Task<bool> CommitExistsAsync(IManifestProtocol manifest, string commitId, CancellationToken cancellationToken)
    {
        try
        {
            await manifest.GetCommitAsync(commitId, cancellationToken);
            return true;
        }
        catch (OmniGraphException error) when (error.Code == ErrorCodes.CommitNotFound)
        {
            return false;
        }
    }

    private static long ToMicroseconds(DateTimeOffset time) => (time.UtcTicks - DateTime.UnixEpoch.Ticks) / 10;

    [LoggerMessage((int)LogEventId.PromotionPromoted, LogLevel.Information, "Graph {GraphId}: promotion {PromotionId} of {Source} into {Target}: commit {CommitId} by {Actor}")]
    private partial void LogPromoted(string graphId, string promotionId, string source, string target, string commitId, string? actor);

    [LoggerMessage((int)LogEventId.PromotionReverted, LogLevel.Information, "Graph {GraphId}: promotion {PromotionId} reverted on {Target}: commit {CommitId} by {Actor}")]
    private partial void LogReverted(string graphId, string promotionId, string target, string commitId, string? actor);
}

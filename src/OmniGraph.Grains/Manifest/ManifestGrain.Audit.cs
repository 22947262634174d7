using OmniGraph.Security;

namespace OmniGraph.Grains.Manifest;

/// <summary>
/// Access control and audit in the commit protocol (docs/security.md). A commit first re-checks its graph's policy
/// (defence in depth behind the front-end; fail closed without an actor); a denial is audited and nothing happens. An
/// allowed write carries the audit entry it owes in its recovery sidecar, and the entry is appended after the publish
/// and before the sidecar is deleted — by the writer, or by the heal that finishes the write in any process — so every
/// published commit gets exactly one entry (appends are idempotent per commit and action).
/// </summary>
internal sealed partial class ManifestGrain
{
    private AuditLog? _audit;

    /// <summary>The graph's audit log (on its own store).</summary>
    private AuditLog Audit => _audit ??= _auditLogs.Create(_store);

    /// <summary>
    /// Decides whether the commit may happen. Denied: the denial is audited (when commits are) and thrown as
    /// <c>forbidden</c>, before any effect. Allowed: the audit entry the write will owe, or <c>null</c> when unaudited.
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>forbidden</c>; <c>protected_branch</c>: a write other than a promotion to a protected branch.</exception>
    private async Task<SidecarAuditDocument?> AuthorizeCommitAsync(CommitRequest request, string branch)
    {
        // A protected branch takes promotions only; every other write is refused whoever makes it (docs/branches.md).
        var promotion = CommitKinds.IsPromotion(request.Writer);
        if (!promotion)
        {
            _access.RequireUnprotected(GraphId, branch, request.Writer);
        }

        var decision = promotion ? _access.DecidePromote(GraphId, request.Actor, null, branch)
            : string.Equals(request.Writer, CommitKinds.SchemaApply, StringComparison.Ordinal) ? _access.DecideSchemaApply(GraphId, request.Actor, branch)
            : _access.DecideChange(GraphId, request.Actor, branch);
        if (!decision.Allowed)
        {
            LogWriteDenied(GraphId, branch, request.Actor, decision.Message);
            if (_access.AuditWrites)
            {
                try
                {
                    await Audit.AppendAsync(AuditRecord.FromDecision(decision, GraphId));
                }
                catch (Exception exception) when (exception is not SimulatedCrashException)
                {
                    // The write is refused either way; a denial that cannot be recorded must not turn into an allow.
                    LogDenialAuditFailed(GraphId, request.Tx, exception);
                }
            }

            throw SecurityErrors.AccessDenied(decision);
        }

        return _access.AuditWrites
            ? new SidecarAuditDocument
            {
                Action = decision.Request.Action.Name(),
                Rule = decision.RuleId,
                SourceBranch = promotion ? request.PromotionSource : null,
                DiffDigest = promotion ? request.PromotionDigest : null,
            }
            : null;
    }

    /// <summary>
    /// The committer's appends of the entries its published writes owe (the first <paramref name="count"/> members of
    /// the batch, in commit order), before they are acknowledged. A member whose append fails stays published and keeps
    /// its sidecar (<see cref="PendingCommit.AuditOwed"/>), so the next heal appends the entry. A simulated crash
    /// propagates: the writes' outcomes are then recovery's.
    /// </summary>
    private async Task AppendPublishedAuditsAsync(List<PendingCommit> batch, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var member = batch[i];
            if (member.Audit is not { } audit)
            {
                continue;
            }

            try
            {
                await _failpoints.BeforeAsync(Failpoints.CommitAuditAppend);
                await AppendOwedAuditAsync(audit, member.Request.Actor, member.Branch.Name, member.Request.CommitId, member.Request.RollbackCommitId, member.Request.CommitId);
                _failpoints.After(Failpoints.CommitAuditAppend);
            }
            catch (Exception exception) when (exception is not SimulatedCrashException)
            {
                member.AuditOwed = true;
                LogAuditAppendFailed(GraphId, member.Tx, member.Request.CommitId, exception);
            }
        }
    }

    /// <summary>
    /// The heal's append for a resolved sidecar: the write's entry when it rolled forward, the fence's when recovery
    /// published its rollback commit; nothing when another writer took the version. Failures propagate: the sidecar is
    /// kept and the heal retried.
    /// </summary>
    private async Task HealAuditAsync(SidecarDocument sidecar, string? publishedCommitId)
    {
        if (sidecar.Audit is null || publishedCommitId is null)
        {
            return;
        }

        await _failpoints.BeforeAsync(Failpoints.HealAuditAppend);
        await AppendOwedAuditAsync(sidecar.Audit, sidecar.Actor, sidecar.Branch, sidecar.CommitId, sidecar.RollbackCommitId, publishedCommitId);
        _failpoints.After(Failpoints.HealAuditAppend);
    }

    /// <summary>The heal's append for a predecessor of a batch's sidecar that stands (published): its own entry, if it owes one.</summary>
    private async Task HealLinkAuditAsync(SidecarDocument sidecar, SidecarLinkDocument link)
    {
        if (link.Audit is null)
        {
            return;
        }

        await _failpoints.BeforeAsync(Failpoints.HealAuditAppend);
        await AppendOwedAuditAsync(link.Audit, link.Manifest.Commit.Actor, sidecar.Branch, link.CommitId, sidecar.RollbackCommitId, link.CommitId);
        _failpoints.After(Failpoints.HealAuditAppend);
    }

    /// <summary>
    /// Appends the entry of <paramref name="publishedCommitId"/>: the write <paramref name="commitId"/> (its actor and the
    /// rule that allowed it), or its rollback fence <paramref name="rollbackCommitId"/> (the recovery actor, no rule).
    /// Idempotent: a second append of the same commit writes nothing.
    /// </summary>
    private Task AppendOwedAuditAsync(SidecarAuditDocument audit, string? actor, string branch, string commitId, string rollbackCommitId, string publishedCommitId)
    {
        var fence = string.Equals(publishedCommitId, rollbackCommitId, StringComparison.Ordinal)
            && !string.Equals(publishedCommitId, commitId, StringComparison.Ordinal);
        var record = new AuditRecord(
            fence ? CommitInfo.RecoveryActor : actor,
            PolicyActions.Parse(audit.Action, "the recovery sidecar"),
            GraphId,
            branch,
            publishedCommitId,
            AuditDecisionKind.Allow,
            fence ? null : audit.Rule)
        {
            // A fence published no promotion: its entry names none.
            SourceBranch = fence ? null : audit.SourceBranch,
            DiffDigest = fence ? null : audit.DiffDigest,
        };
        return Audit.AppendAsync(record);
    }
}

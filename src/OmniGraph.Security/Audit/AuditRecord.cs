namespace OmniGraph.Security;

/// <summary>
/// What to append to the audit log: who did what, where, with which outcome. The log adds the sequence number, the time
/// and the hash link (<see cref="AuditEntry"/>).
/// </summary>
/// <param name="Actor">The actor (from the bearer token, <c>--as</c>, or <c>omnigraph:recovery</c>); <c>null</c> when there was none.</param>
/// <param name="Action">The policy action.</param>
/// <param name="Graph">The graph id.</param>
/// <param name="Branch">The branch written (the target branch of a branch operation), or <c>null</c>.</param>
/// <param name="Commit">The commit the write published, or <c>null</c> (a denial, or a write that published nothing).
/// Appends of a record with a commit are idempotent per (commit, action).</param>
/// <param name="Decision">Allowed or denied.</param>
/// <param name="Rule">The matched policy rule, or <c>null</c>.</param>
public sealed record AuditRecord(string? Actor, PolicyAction Action, string Graph, string? Branch, string? Commit, AuditDecisionKind Decision, string? Rule)
{
    /// <summary>A promotion's source branch (the branch whose change it applied), or <c>null</c> for any other entry (entry format 2).</summary>
    public string? SourceBranch { get; init; }

    /// <summary>A promotion's diff digest (the reviewed change it applied, 64 lowercase hex digits), or <c>null</c> (entry format 2).</summary>
    public string? DiffDigest { get; init; }

    /// <summary>The record of a decision on a write: its actor, action, branch (the target branch when there is one) and rule.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="graph">The graph (the decision's own, unless it had none).</param>
    /// <param name="commit">The commit the allowed write published, or <c>null</c>.</param>
    public static AuditRecord FromDecision(AccessDecision decision, string? graph = null, string? commit = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var request = decision.Request;
        return new AuditRecord(
            request.Actor,
            request.Action,
            graph ?? request.Graph ?? throw new ArgumentException("the decision names no graph; pass one", nameof(graph)),
            request.TargetBranch ?? request.Branch,
            decision.Allowed ? commit : null,
            decision.Allowed ? AuditDecisionKind.Allow : AuditDecisionKind.Deny,
            decision.RuleId);
    }
}

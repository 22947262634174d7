namespace OmniGraph.Security;

/// <summary>
/// One entry of a graph's audit log: the <see cref="AuditRecord"/> fields plus its place in the chain.
/// <see cref="Hash"/> = SHA-256(canonical entry ‖ previous hash) — the canonical entry is the JSON object
/// <c>{format, seq, time, actor, action, graph, branch, commit, decision, rule, source_branch, diff_digest}</c> in
/// format 2, <c>{seq, time, actor, action, graph, branch, commit, decision, rule}</c> in format 1 (docs/security.md), the
/// previous hash its 32 raw bytes (zeros before the first entry).
/// </summary>
/// <param name="Seq">1-based position; entry <c>n</c> is stored at <c>audit/entries/{n:D20}.json</c>.</param>
/// <param name="Time">When it was appended (UTC, microseconds).</param>
/// <param name="Actor">The actor, or <c>null</c>.</param>
/// <param name="Action">The policy action's wire name.</param>
/// <param name="Graph">The graph id.</param>
/// <param name="Branch">The branch, or <c>null</c>.</param>
/// <param name="Commit">The commit, or <c>null</c>.</param>
/// <param name="Decision">Allowed or denied.</param>
/// <param name="Rule">The matched rule, or <c>null</c>.</param>
/// <param name="PreviousHash">The previous entry's hash (64 lowercase hex digits; zeros for the first entry).</param>
/// <param name="Hash">This entry's hash (64 lowercase hex digits).</param>
public sealed record AuditEntry(
    long Seq,
    DateTimeOffset Time,
    string? Actor,
    string Action,
    string Graph,
    string? Branch,
    string? Commit,
    AuditDecisionKind Decision,
    string? Rule,
    string PreviousHash,
    string Hash)
{
    /// <summary>The entry's format: 2 for every entry this build appends; 1 for entries appended before promotions were detailed (still verified).</summary>
    public int Format { get; init; } = Audit.AuditDocuments.EntryFormat;

    /// <summary>A promotion's source branch, or <c>null</c> (always <c>null</c> in format 1).</summary>
    public string? SourceBranch { get; init; }

    /// <summary>A promotion's diff digest, or <c>null</c> (always <c>null</c> in format 1).</summary>
    public string? DiffDigest { get; init; }

    /// <summary><see cref="Time"/> as stored and hashed: UTC with six fractional digits (<c>2025-03-01T12:00:00.000017Z</c>).</summary>
    public string TimeText => Audit.AuditDocuments.FormatTime(Time);

    /// <summary><see cref="Decision"/> as stored and hashed: <c>allow</c> or <c>deny</c>.</summary>
    public string DecisionText => Decision.Name();
}

namespace OmniGraph.Security;

/// <summary>The outcome of <see cref="AuditLog.AppendAsync"/>.</summary>
/// <param name="Entry">The entry that records the append (a new one, or the one an earlier append of the same commit and action wrote).</param>
/// <param name="Appended"><c>false</c> when the (commit, action) was already in the log, so nothing was written.</param>
public sealed record AuditAppendResult(AuditEntry Entry, bool Appended);

namespace OmniGraph.Security;

/// <summary>The result of walking a graph's audit chain.</summary>
/// <param name="EntryCount">How many entries were checked and found sound (all of them when the log is intact; those before the problem otherwise).</param>
/// <param name="HeadSeq">The newest sound entry's seq (0 for an empty log).</param>
/// <param name="HeadHash">The newest sound entry's hash (the genesis hash, 64 zeros, for an empty log): record it elsewhere to detect a rewrite of the whole chain.</param>
/// <param name="Problem">The first problem, or <c>null</c> when the chain is intact.</param>
public sealed record AuditVerification(long EntryCount, long HeadSeq, string HeadHash, AuditProblem? Problem)
{
    /// <summary>Whether the chain is intact.</summary>
    public bool IsIntact => Problem is null;
}

/// <summary>The first bad entry of an audit chain.</summary>
/// <param name="Seq">The first entry that is bad (for a gap: the first missing one). Every entry before it checked out.</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="Key">The object concerned.</param>
/// <param name="Detail">What was found, in words.</param>
public sealed record AuditProblem(long Seq, AuditProblemKind Kind, string Key, string Detail);

namespace OmniGraph.Abstractions;

/// <summary>The <see cref="CommitInfo.Kind"/> values the engine itself writes (writers add their own: <c>load</c>, <c>mutation</c>).</summary>
public static class CommitKinds
{
    /// <summary>The genesis commit of a graph.</summary>
    public const string Init = "init";

    /// <summary>A merge of another branch (<c>branch merge</c>): its commit has a merged parent, the source head it took.</summary>
    public const string Merge = "merge";

    /// <summary>A fence published by recovery before it rolled an incomplete write back (no data change).</summary>
    public const string RecoveryRollback = "recovery_rollback";

    /// <summary>A lost manifest version published again by <c>recovery repair</c>, rebuilt and verified from the table heads.</summary>
    public const string RecoveryRepublish = "recovery_republish";

    /// <summary>The commit of <c>recovery repair --discard-lost</c> that continues from the last version that exists.</summary>
    public const string RecoveryDiscard = "recovery_discard";

    /// <summary>
    /// A placeholder <c>recovery repair</c> publishes for a lost manifest version whose content cannot be rebuilt: it keeps
    /// the version number (and the lost commit's id when known) so numbers are never reused, and is never served.
    /// </summary>
    public const string RecoveryLost = "recovery_lost";

    /// <summary>
    /// A promotion (<c>promote --confirm</c>): the merge of a reviewed change into a branch, the only write a protected
    /// branch takes. Like a merge, its commit has a merged parent (the source head it took).
    /// </summary>
    public const string Promote = "promote";

    /// <summary>The revert of a promotion (<c>promote revert</c>): the target's tables back to their state before it.</summary>
    public const string PromoteRevert = "promote_revert";

    /// <summary>A schema apply (<c>schema apply</c>): main's new schema, with the tables whose layout changed rewritten.</summary>
    public const string SchemaApply = "schema_apply";

    /// <summary>A compaction (<c>optimize</c>): tables rewritten with the same rows in fewer fragments, no deletion vectors.</summary>
    public const string Optimize = "optimize";

    /// <summary>Whether commits of <paramref name="writer"/> are promotions or their reverts: the writes a protected branch takes.</summary>
    public static bool IsPromotion(string? writer) => writer is Promote or PromoteRevert;
}

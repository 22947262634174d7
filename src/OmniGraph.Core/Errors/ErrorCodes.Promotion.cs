namespace OmniGraph;

/// <summary>The codes of protected branches and promotion (docs/branches.md, "Protected branches and promotion").</summary>
public static partial class ErrorCodes
{
    /// <summary>A direct write (load, mutation, merge, schema apply) to a branch the graph's policy protects; only a promotion writes there.</summary>
    [ErrorCode(ErrorKind.Forbidden)]
    public const string ProtectedBranch = "protected_branch";

    /// <summary>A promotion names no diff digest, or text that is no digest (64 lowercase hex digits).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string InvalidPromotionDigest = "invalid_promotion_digest";

    /// <summary>The digest given to a promotion is not the digest of the change it would apply now (wrong, or the source or target moved since the preview).</summary>
    [ErrorCode(ErrorKind.Conflict)]
    public const string PromotionDigestMismatch = "promotion_digest_mismatch";

    /// <summary>No completed promotion has that id.</summary>
    [ErrorCode(ErrorKind.NotFound)]
    public const string PromotionNotFound = "promotion_not_found";

    /// <summary>The promotion was reverted already (or a revert of it is in progress).</summary>
    [ErrorCode(ErrorKind.Conflict)]
    public const string PromotionAlreadyReverted = "promotion_already_reverted";

    /// <summary>The promotion is older than the revert window.</summary>
    [ErrorCode(ErrorKind.Conflict)]
    public const string PromotionRevertWindowClosed = "promotion_revert_window_closed";

    /// <summary>The target changed since the promotion in a way that conflicts with undoing it; nothing was written.</summary>
    [ErrorCode(ErrorKind.Conflict)]
    public const string PromotionRevertConflicts = "promotion_revert_conflicts";
}

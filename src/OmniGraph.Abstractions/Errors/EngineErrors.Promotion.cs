using System.Text;

namespace OmniGraph.Abstractions;

public static partial class EngineErrors
{
    /// <summary><c>protected_branch</c>: a direct <paramref name="operation"/> (load, mutation, merge, ...) to protected <paramref name="branch"/>.</summary>
    public static OmniGraphException ProtectedBranch(string branch, string operation) =>
        new(
            ErrorCodes.ProtectedBranch,
            $"branch '{branch}' is protected: it takes no direct {operation}; write to another branch (a shadow branch) and promote it with 'omnigraph promote SOURCE --into {branch}'",
            ErrorDetails.Of(ErrorDetail.Branch.With(branch), ErrorDetail.Reason.With(operation)));

    /// <summary><c>invalid_promotion_digest</c>: <paramref name="digest"/> is blank or no digest.</summary>
    public static OmniGraphException InvalidPromotionDigest(string? digest) =>
        new(
            ErrorCodes.InvalidPromotionDigest,
            string.IsNullOrEmpty(digest)
                ? "a promotion needs the diff digest printed by 'omnigraph promote SOURCE --into TARGET --preview'"
                : $"'{ErrorText.Quote(digest)}' is no diff digest (64 lowercase hex digits, as printed by 'promote --preview')",
            ErrorDetails.Of(ErrorDetail.Digest.With(digest)));

    /// <summary><c>promotion_digest_mismatch</c>: the change of <paramref name="source"/> into <paramref name="target"/> now has digest <paramref name="actual"/>.</summary>
    public static OmniGraphException PromotionDigestMismatch(string source, string target, string expected, string actual, string sourceCommitId, string targetCommitId) =>
        new(
            ErrorCodes.PromotionDigestMismatch,
            $"promoting '{source}' into '{target}': digest {expected} is not the digest of the change it would apply now ({actual}, {source} at {sourceCommitId}, {target} at {targetCommitId}); the source or the target moved since the preview, or the digest is wrong; preview again. Nothing was written",
            ErrorDetails.Of(
                ErrorDetail.SourceBranch.With(source),
                ErrorDetail.Branch.With(target),
                ErrorDetail.Expected.With(expected),
                ErrorDetail.Actual.With(actual)));

    /// <summary><c>promotion_not_found</c>.</summary>
    public static OmniGraphException PromotionNotFound(string promotionId) =>
        new(ErrorCodes.PromotionNotFound, $"no promotion '{ErrorText.Quote(promotionId)}' was made in this graph", ErrorDetails.Of(ErrorDetail.PromotionId.With(promotionId)));

    /// <summary><c>promotion_already_reverted</c>: <paramref name="revertCommitId"/> reverted it, or (<c>null</c>) another revert claimed it first.</summary>
    public static OmniGraphException PromotionAlreadyReverted(string promotionId, string? revertCommitId) =>
        new(
            ErrorCodes.PromotionAlreadyReverted,
            revertCommitId is null
                ? $"promotion '{promotionId}' is being reverted by another call; nothing was written"
                : $"promotion '{promotionId}' was reverted already (commit {revertCommitId}); nothing was written",
            ErrorDetails.Of(ErrorDetail.PromotionId.With(promotionId), ErrorDetail.CommitId.With(revertCommitId)));

    /// <summary><c>promotion_revert_window_closed</c>.</summary>
    public static OmniGraphException PromotionRevertWindowClosed(string promotionId, DateTimeOffset promotedAt, TimeSpan window) =>
        new(
            ErrorCodes.PromotionRevertWindowClosed,
            $"promotion '{promotionId}' was made at {promotedAt:O}, more than {window} ago (the revert window); it can no longer be reverted; nothing was written",
            ErrorDetails.Of(ErrorDetail.PromotionId.With(promotionId)));

    /// <summary><c>promotion_revert_conflicts</c>: undoing the promotion conflicts with what the target did since.</summary>
    public static OmniGraphException PromotionRevertConflicts(string promotionId, string target, IReadOnlyList<MergeConflict> conflicts)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        var message = new StringBuilder($"reverting promotion '{promotionId}' conflicts with what '{target}' changed since ({conflicts.Count} conflict{(conflicts.Count == 1 ? string.Empty : "s")}); nothing was written: ");
        return new(
            ErrorCodes.PromotionRevertConflicts,
            AppendFirstConflicts(message, conflicts),
            ErrorDetails.Of(ErrorDetail.PromotionId.With(promotionId), ErrorDetail.Branch.With(target), ErrorDetail.Count.With(conflicts.Count)));
    }
}

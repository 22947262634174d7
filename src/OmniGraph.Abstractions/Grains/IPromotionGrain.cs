namespace OmniGraph.Abstractions;

/// <summary>
/// Promotions of a graph (key: the graph id; docs/branches.md, "Protected branches and promotion"): the only writes a
/// protected branch takes. Preview a change, confirm exactly that change by its digest, revert it within the window.
/// </summary>
public interface IPromotionGrain : IGrainWithStringKey
{
    /// <summary>What promoting <paramref name="source"/> into <paramref name="target"/> would apply now, and its digest. Reads only.</summary>
    /// <exception cref="OmniGraphException">Code <c>branch_not_found</c>, <c>invalid_branch_operation</c> (the same branch twice, no common commit, different schemas).</exception>
    Task<PromotionPreview> PreviewAsync(string source, string target, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies the change <see cref="PromotionRequest.Digest"/> names as one commit on the target (a three-way merge whose
    /// merged parent is the source head), records the promotion and audits the commit (action <c>promote</c>).
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>invalid_promotion_digest</c>: no digest, or text that is none.</exception>
    /// <exception cref="OmniGraphException">Code <c>promotion_digest_mismatch</c>: the change now has another digest (the source or target moved, or the digest is wrong).</exception>
    /// <exception cref="OmniGraphException">Code <c>merge_conflicts</c>: the change conflicts; <c>invalid_branch_operation</c>: nothing to promote.</exception>
    /// <exception cref="OmniGraphException">Code <c>forbidden</c>: the policy does not allow the actor <c>promote</c> on the target.</exception>
    Task<PromotionResult> PromoteAsync(PromotionRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reverts a promotion: one new commit on its target whose tables hold what they held before the promotion, with
    /// whatever the target changed since kept (a three-way merge from the promotion commit to its parent).
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>promotion_not_found</c>, <c>promotion_already_reverted</c>, <c>promotion_revert_window_closed</c>, <c>promotion_revert_conflicts</c>, <c>forbidden</c>.</exception>
    Task<PromotionRevertResult> RevertAsync(PromotionRevertRequest request, CancellationToken cancellationToken = default);
}

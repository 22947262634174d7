namespace OmniGraph.Abstractions;

/// <summary>A revert of promotion <paramref name="PromotionId"/>: a new commit on its target restoring the target's state before it.</summary>
/// <param name="PromotionId">The id <see cref="PromotionResult.PromotionId"/> returned.</param>
[GenerateSerializer]
[Immutable]
public sealed record PromotionRevertRequest([property: Id(0)] string PromotionId)
{
    /// <summary>Who reverts: the policy must allow them <c>promote</c> on the target; recorded on the commit and in the audit log.</summary>
    [Id(1)]
    public string? Actor { get; init; }
}

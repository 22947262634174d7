namespace OmniGraph.Abstractions;

/// <summary>A promotion of <paramref name="Source"/> into <paramref name="Target"/>, confirming the change its preview showed.</summary>
/// <param name="Source">The branch whose change is promoted.</param>
/// <param name="Target">The branch that receives it (typically a protected one).</param>
/// <param name="Digest">The <see cref="PromotionPreview.Digest"/> of the reviewed change.</param>
[GenerateSerializer]
[Immutable]
public sealed record PromotionRequest(
    [property: Id(0)] string Source,
    [property: Id(1)] string Target,
    [property: Id(2)] string Digest)
{
    /// <summary>Who promotes: the policy must allow them <c>promote</c> on the target; recorded on the commit and in the audit log.</summary>
    [Id(3)]
    public string? Actor { get; init; }
}

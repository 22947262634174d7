namespace OmniGraph.Tables.Storage.Documents;

/// <summary>
/// <c>promotions/{id}.json</c>: a promotion, written once (create-if-absent) before its commit is submitted, so a
/// promotion whose commit was published always has its record. Believed only when its commit exists.
/// </summary>
internal sealed class PromotionDocument
{
    public required int Format { get; init; }

    public required string PromotionId { get; init; }

    public required string Source { get; init; }

    public required string Target { get; init; }

    public required string Digest { get; init; }

    public required string SourceCommitId { get; init; }

    public required string TargetCommitId { get; init; }

    public required string CommitId { get; init; }

    public required string? Actor { get; init; }

    /// <summary>Microseconds since the Unix epoch.</summary>
    public required long PromotedAt { get; init; }
}

/// <summary>
/// <c>promotions/{id}.revert.json</c>: the claim of a promotion's revert, written once (create-if-absent) before the
/// revert commit is submitted. A claim whose commit was never published (a crash) is replaced by the next revert.
/// </summary>
internal sealed class PromotionRevertDocument
{
    public required int Format { get; init; }

    public required string PromotionId { get; init; }

    public required string CommitId { get; init; }
}

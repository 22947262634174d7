namespace OmniGraph.Tables.Storage.Documents;

/// <summary>The commit carried by a manifest version.</summary>
internal sealed class CommitRecordDocument
{
    public required string Id { get; init; }

    public required string? Parent { get; init; }

    public required string? MergedParent { get; init; }

    public required string? Actor { get; init; }

    public required long CreatedAt { get; init; }

    public required string Kind { get; init; }
}

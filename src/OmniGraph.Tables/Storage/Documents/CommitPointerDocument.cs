namespace OmniGraph.Tables.Storage.Documents;

/// <summary>
/// <c>commits/{id}.json</c>: where a commit's manifest is. Written before the commit is published; believed only when
/// the manifest it names exists and carries that commit id.
/// </summary>
internal sealed class CommitPointerDocument
{
    public required int Format { get; init; }

    public required string CommitId { get; init; }

    public required string Branch { get; init; }

    public required string BranchIncarnation { get; init; }

    public required long ManifestVersion { get; init; }
}

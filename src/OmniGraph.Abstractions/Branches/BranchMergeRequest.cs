namespace OmniGraph.Abstractions;

/// <summary>A merge of branch <paramref name="Source"/> into <paramref name="Target"/> (<c>branch merge</c>).</summary>
/// <param name="Source">The branch whose changes are taken.</param>
/// <param name="Target">The branch that receives them (one new commit on it, whose merged parent is the source head).</param>
[GenerateSerializer]
[Immutable]
public sealed record BranchMergeRequest(
    [property: Id(0)] string Source,
    [property: Id(1)] string Target = BranchNames.Main)
{
    /// <summary>Who merges (recorded on the merge commit).</summary>
    [Id(2)]
    public string? Actor { get; init; }

    /// <summary>Delete the source branch after a merge that did not conflict (its failure is reported, not raised).</summary>
    [Id(3)]
    public bool DeleteBranch { get; init; }
}

namespace OmniGraph.Engine;

/// <summary>What a load session writes to: the branch, the mode and who writes.</summary>
/// <param name="Branch">The branch; it must exist (<c>branch 'B' not found</c> otherwise, and nothing is created).</param>
/// <param name="Mode">How the file's rows apply to the branch's data.</param>
[GenerateSerializer]
[Immutable]
public sealed record LoadRequest(
    [property: Id(0)] string Branch,
    [property: Id(1)] GraphLoadMode Mode)
{
    /// <summary>Who makes the write (recorded on the commit as <c>actor_id</c>).</summary>
    [Id(2)]
    public string? Actor { get; init; }
}

using System.Collections.Immutable;

namespace OmniGraph.Abstractions;

/// <summary>What a load session writes to: the branch, the mode and who writes.</summary>
/// <param name="Branch">The branch; it must exist (<c>branch 'B' not found</c> otherwise, and nothing is created) unless <see cref="BaseBranch"/> is given.</param>
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

    /// <summary>
    /// <c>--from</c>: when <see cref="Branch"/> does not exist, create it first at the head of this branch (or at this
    /// commit). The branch is created as its own step: a load that fails afterwards leaves the new branch in place.
    /// </summary>
    [Id(3)]
    public string? BaseBranch { get; init; }

    /// <summary>
    /// <c>@embed</c> vector properties (as <c>Type.property</c>) to compute wherever a record leaves them null, nullable
    /// ones included (<c>omnigraph embed</c>). Required <c>@embed</c> vectors a record leaves out are computed always.
    /// </summary>
    [Id(4)]
    public ImmutableArray<string> EmbedProperties { get; init; } = [];
}

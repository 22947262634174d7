using System.Collections.Immutable;

namespace OmniGraph.Abstractions;

/// <summary>What to export: one branch head (or one commit), every type or only some.</summary>
/// <param name="Branch">The branch; its head is pinned once for the whole export.</param>
/// <param name="TypeNames">Node or edge type names to export (exact names); empty exports every type.</param>
[GenerateSerializer]
[Immutable]
public sealed record ExportRequest(
    [property: Id(0)] string Branch,
    [property: Id(1)] ImmutableArray<string> TypeNames)
{
    /// <summary>
    /// The commit to export instead of the branch head (a change baseline pins the head it returns a cursor for);
    /// <c>null</c> for the head of <see cref="Branch"/>.
    /// </summary>
    [Id(2)]
    public string? CommitId { get; init; }

    /// <summary>Every type of <paramref name="branch"/>.</summary>
    public static ExportRequest All(string branch = BranchNames.Main) => new(branch, []);
}

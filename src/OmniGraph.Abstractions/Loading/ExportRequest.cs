using System.Collections.Immutable;

namespace OmniGraph.Engine;

/// <summary>What to export: one branch head, every type or only some.</summary>
/// <param name="Branch">The branch; its head is pinned once for the whole export.</param>
/// <param name="TypeNames">Node or edge type names to export (exact names); empty exports every type.</param>
[GenerateSerializer]
[Immutable]
public sealed record ExportRequest(
    [property: Id(0)] string Branch,
    [property: Id(1)] ImmutableArray<string> TypeNames)
{
    /// <summary>Every type of <paramref name="branch"/>.</summary>
    public static ExportRequest All(string branch = BranchNames.Main) => new(branch, []);
}

using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Output;

/// <summary>
/// <c>omnigraph load --json</c>: <c>{uri, branch, mode, base_branch? (only with --from), branch_created, nodes, edges,
/// total_entities, commit}</c>, node and edge types sorted by name.
/// </summary>
public sealed record LoadCommandOutput(
    [property: JsonPropertyName("uri")] string Uri,
    [property: JsonPropertyName("branch")] string Branch,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("base_branch"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BaseBranch,
    [property: JsonPropertyName("branch_created")] bool BranchCreated,
    [property: JsonPropertyName("nodes")] ImmutableArray<LoadedTypeCount> Nodes,
    [property: JsonPropertyName("edges")] ImmutableArray<LoadedTypeCount> Edges,
    [property: JsonPropertyName("total_entities")] long TotalEntities,
    [property: JsonPropertyName("commit")] CommitOutput Commit)
{
    /// <summary>The command output of a load receipt.</summary>
    public static LoadCommandOutput From(string uri, LoadOutput load) =>
        new(uri, load.Branch, load.Mode, load.BaseBranch, load.BranchCreated, load.Nodes, load.Edges, load.TotalEntities, load.Commit);
}

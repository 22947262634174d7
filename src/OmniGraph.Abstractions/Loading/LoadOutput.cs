using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OmniGraph.Abstractions;

/// <summary>
/// The receipt of a load (<c>GraphBatchLoadOutput</c>: the HTTP <c>IngestOutput</c> without <c>uri</c>). JSON names and
/// property order are the wire shape; <see cref="Tables"/>, <see cref="RecordsRead"/> and <see cref="Attempts"/> are
/// diagnostics that stay out of JSON.
/// </summary>
/// <param name="Branch">The branch written.</param>
/// <param name="BaseBranch">The branch a missing <see cref="Branch"/> was forked from (<c>--from</c>), or <c>null</c>.</param>
/// <param name="BranchCreated">Whether the load created the branch.</param>
/// <param name="Mode">The mode's wire name.</param>
/// <param name="Nodes">Entities per node type in the file, sorted by name (rows replaced within the file are not counted).</param>
/// <param name="Edges">Entities per edge type in the file, sorted by name.</param>
/// <param name="TotalEntities">Entities of all types.</param>
/// <param name="ActorId">Who made the write.</param>
/// <param name="Commit">The commit the load published (one load is exactly one commit, even for an empty file).</param>
[GenerateSerializer]
[Immutable]
public sealed record LoadOutput(
    [property: Id(0), JsonPropertyName("branch")] string Branch,
    [property: Id(1), JsonPropertyName("base_branch")] string? BaseBranch,
    [property: Id(2), JsonPropertyName("branch_created")] bool BranchCreated,
    [property: Id(3), JsonPropertyName("mode")] string Mode,
    [property: Id(4), JsonPropertyName("nodes")] ImmutableArray<LoadedTypeCount> Nodes,
    [property: Id(5), JsonPropertyName("edges")] ImmutableArray<LoadedTypeCount> Edges,
    [property: Id(6), JsonPropertyName("total_entities")] long TotalEntities,
    [property: Id(7), JsonPropertyName("actor_id")] string? ActorId,
    [property: Id(8), JsonPropertyName("commit")] CommitOutput Commit)
{
    /// <summary>What the commit did to each written table, in table-key order.</summary>
    [Id(9)]
    [JsonIgnore]
    public ImmutableArray<TableWriteSummary> Tables { get; init; } = [];

    /// <summary>Records (non-blank lines) read from the file.</summary>
    [Id(10)]
    [JsonIgnore]
    public long RecordsRead { get; init; }

    /// <summary>Preparations the commit took (more than one when it was re-prepared after a concurrent commit).</summary>
    [Id(11)]
    [JsonIgnore]
    public int Attempts { get; init; }

    /// <summary>Where the session spent its time.</summary>
    [Id(12)]
    [JsonIgnore]
    public LoadTimings? Timings { get; init; }

    /// <summary>Outputs are equal when every wire field is.</summary>
    public bool Equals(LoadOutput? other) =>
        other is not null
        && string.Equals(Branch, other.Branch, StringComparison.Ordinal)
        && string.Equals(BaseBranch, other.BaseBranch, StringComparison.Ordinal)
        && BranchCreated == other.BranchCreated
        && string.Equals(Mode, other.Mode, StringComparison.Ordinal)
        && Nodes.AsSpan().SequenceEqual(other.Nodes.AsSpan())
        && Edges.AsSpan().SequenceEqual(other.Edges.AsSpan())
        && TotalEntities == other.TotalEntities
        && string.Equals(ActorId, other.ActorId, StringComparison.Ordinal)
        && Commit == other.Commit;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Branch, Mode, TotalEntities, Commit.GraphCommitId);
}

/// <summary>How many entities of one type a load holds.</summary>
/// <param name="Name">The node or edge type name.</param>
/// <param name="EntitiesLoaded">Entities of the type in the file.</param>
[GenerateSerializer]
[Immutable]
public sealed record LoadedTypeCount(
    [property: Id(0), JsonPropertyName("name")] string Name,
    [property: Id(1), JsonPropertyName("entities_loaded")] long EntitiesLoaded);

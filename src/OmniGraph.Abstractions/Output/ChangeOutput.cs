using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OmniGraph.Abstractions;

/// <summary>
/// The receipt of a mutation (<c>ChangeOutput</c>): what it changed and the commit it published. JSON names and property
/// order are the wire shape; <see cref="ActorId"/> and <see cref="Commit"/> are written as <c>null</c> when absent (a
/// mutation that changes nothing publishes nothing: <c>"commit": null</c>). <see cref="Tables"/> and
/// <see cref="Attempts"/> are diagnostics that stay out of JSON.
/// </summary>
/// <param name="Branch">The branch written.</param>
/// <param name="QueryName">The query that ran.</param>
/// <param name="AffectedNodes">Nodes inserted (one per node insert statement), matched by updates (per statement), or deleted (each once).</param>
/// <param name="AffectedEdges">Edges inserted (one per edge insert statement) or deleted, cascades included (each once).</param>
/// <param name="ActorId">Who made the write, <c>null</c> when nobody was named.</param>
/// <param name="Commit">The commit the mutation published, or <c>null</c> when it changed nothing.</param>
/// <remarks>
/// JSON order: <c>branch, query_name, affected_nodes, affected_edges, inserted_nodes, replaced_nodes, actor_id, commit</c>.
/// <see cref="InsertedNodes"/> and <see cref="ReplacedNodes"/> say how the node inserts landed: an insert whose key
/// already exists replaces that node whole (properties it does not assign become null), and the receipt says so.
/// </remarks>
[GenerateSerializer]
[Immutable]
public sealed record ChangeOutput(
    [property: Id(0), JsonPropertyName("branch")] string Branch,
    [property: Id(1), JsonPropertyName("query_name")] string QueryName,
    [property: Id(2), JsonPropertyName("affected_nodes")] long AffectedNodes,
    [property: Id(3), JsonPropertyName("affected_edges")] long AffectedEdges,
    [property: Id(4), JsonPropertyName("actor_id"), JsonIgnore(Condition = JsonIgnoreCondition.Never), JsonPropertyOrder(1)] string? ActorId,
    [property: Id(5), JsonPropertyName("commit"), JsonIgnore(Condition = JsonIgnoreCondition.Never), JsonPropertyOrder(1)] CommitOutput? Commit)
{
    /// <summary>Distinct nodes the insert statements created (their key, or their fresh id, was not in the graph).</summary>
    [Id(8)]
    [JsonPropertyName("inserted_nodes")]
    public long InsertedNodes { get; init; }

    /// <summary>
    /// Distinct existing nodes an insert statement replaced whole because it named their key (an upsert: the node's
    /// other properties were not kept; those the insert did not assign are now null).
    /// </summary>
    [Id(9)]
    [JsonPropertyName("replaced_nodes")]
    public long ReplacedNodes { get; init; }

    /// <summary>What the commit did to each written table, in table-key order (empty without a commit).</summary>
    [Id(6)]
    [JsonIgnore]
    public ImmutableArray<TableWriteSummary> Tables { get; init; } = [];

    /// <summary>Preparations the commit took (more than one when an insert-only mutation was re-prepared after a concurrent commit; 0 without a commit).</summary>
    [Id(7)]
    [JsonIgnore]
    public int Attempts { get; init; }

    /// <summary>Outputs are equal when every wire field is.</summary>
    public bool Equals(ChangeOutput? other) =>
        other is not null
        && string.Equals(Branch, other.Branch, StringComparison.Ordinal)
        && string.Equals(QueryName, other.QueryName, StringComparison.Ordinal)
        && AffectedNodes == other.AffectedNodes
        && AffectedEdges == other.AffectedEdges
        && InsertedNodes == other.InsertedNodes
        && ReplacedNodes == other.ReplacedNodes
        && string.Equals(ActorId, other.ActorId, StringComparison.Ordinal)
        && Commit == other.Commit;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Branch, QueryName, AffectedNodes, AffectedEdges, Commit?.GraphCommitId);
}

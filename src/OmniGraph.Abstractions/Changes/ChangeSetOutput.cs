using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OmniGraph.Abstractions;

/// <summary>
/// The net difference between two read targets (<c>omnigraph diff FROM TO</c>, <c>ChangeSet</c>): every entity whose
/// stored value differs, by table key (<c>edge:…</c> before <c>node:…</c>), then by id, without images.
/// </summary>
/// <param name="From">The first target as resolved: its commit.</param>
/// <param name="To">The second target as resolved: its commit.</param>
/// <param name="FromGraphManifestVersion">The first side's manifest version.</param>
/// <param name="ToGraphManifestVersion">The second side's manifest version.</param>
/// <param name="GraphBranch">The second side's branch, <c>null</c> for main.</param>
/// <param name="Changes">The changes.</param>
/// <param name="Stats">Counts.</param>
[GenerateSerializer]
[Immutable]
public sealed record ChangeSetOutput(
    [property: Id(0), JsonPropertyName("from_commit_id")] string From,
    [property: Id(1), JsonPropertyName("to_commit_id")] string To,
    [property: Id(2), JsonPropertyName("from_graph_manifest_version")] long FromGraphManifestVersion,
    [property: Id(3), JsonPropertyName("to_graph_manifest_version")] long ToGraphManifestVersion,
    [property: Id(4), JsonPropertyName("graph_branch")] string? GraphBranch,
    [property: Id(5), JsonPropertyName("changes")] ImmutableArray<NetChangeOutput> Changes,
    [property: Id(6), JsonPropertyName("stats")] ChangeStatsOutput Stats);

/// <summary>One entity of a net diff.</summary>
/// <param name="Kind"><c>node</c> or <c>edge</c>.</param>
/// <param name="TypeName">The type name.</param>
/// <param name="Id">The entity id.</param>
/// <param name="Op"><c>insert</c>, <c>update</c> or <c>delete</c>.</param>
/// <param name="Endpoints">An edge's endpoints (on the side that has it; the newer one for an update).</param>
[GenerateSerializer]
[Immutable]
public sealed record NetChangeOutput(
    [property: Id(0), JsonPropertyName("kind")] string Kind,
    [property: Id(1), JsonPropertyName("type_name")] string TypeName,
    [property: Id(2), JsonPropertyName("id")] string Id,
    [property: Id(3), JsonPropertyName("op")] string Op,
    [property: Id(4), JsonPropertyName("endpoints"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] EdgeEndpointsOutput? Endpoints);

/// <summary>Counts of a net diff.</summary>
/// <param name="Inserts">Entities inserted.</param>
/// <param name="Updates">Entities updated.</param>
/// <param name="Deletes">Entities deleted.</param>
/// <param name="TypesAffected">Types with at least one change.</param>
[GenerateSerializer]
[Immutable]
public sealed record ChangeStatsOutput(
    [property: Id(0), JsonPropertyName("inserts")] long Inserts,
    [property: Id(1), JsonPropertyName("updates")] long Updates,
    [property: Id(2), JsonPropertyName("deletes")] long Deletes,
    [property: Id(3), JsonPropertyName("types_affected")] long TypesAffected);

using System.Text.Json.Serialization;

namespace OmniGraph.Abstractions;

/// <summary>
/// One entity's change in a commit's change page or a feed block (<c>EntityChangeOutput</c>). An insert has only
/// <see cref="After"/>, a delete only <see cref="Before"/>, an update both. No physical vocabulary (tables, versions,
/// row addresses) ever appears.
/// </summary>
/// <param name="Kind"><c>node</c> or <c>edge</c>.</param>
/// <param name="Type">The type: its stable identity and its name.</param>
/// <param name="Id">The entity id.</param>
/// <param name="Op"><c>insert</c>, <c>update</c> or <c>delete</c>.</param>
/// <param name="Before">The entity before the commit (updates and deletes).</param>
/// <param name="After">The entity after the commit (inserts and updates).</param>
[GenerateSerializer]
[Immutable]
public sealed record EntityChangeOutput(
    [property: Id(0), JsonPropertyName("kind")] string Kind,
    [property: Id(1), JsonPropertyName("type")] ChangeTypeOutput Type,
    [property: Id(2), JsonPropertyName("id")] string Id,
    [property: Id(3), JsonPropertyName("op")] string Op,
    [property: Id(4), JsonPropertyName("before"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] EntityImageOutput? Before,
    [property: Id(5), JsonPropertyName("after"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] EntityImageOutput? After);

/// <summary>A changed entity's type: an opaque stable identity (survives renames) and its name.</summary>
/// <param name="Id">The stable type identity (opaque text).</param>
/// <param name="Name">The type name.</param>
[GenerateSerializer]
[Immutable]
public sealed record ChangeTypeOutput(
    [property: Id(0), JsonPropertyName("id")] string Id,
    [property: Id(1), JsonPropertyName("name")] string Name);

/// <summary>An entity's values on one side of a change: every property (null ones as <c>null</c>), and an edge's endpoints.</summary>
/// <param name="Properties">The properties as one JSON object, in declaration order, values as <c>export</c> writes them.</param>
/// <param name="Endpoints">An edge's endpoints; <c>null</c> for a node.</param>
[GenerateSerializer]
[Immutable]
public sealed record EntityImageOutput(
    [property: Id(0), JsonPropertyName("properties"), JsonConverter(typeof(RawJsonConverter))] string Properties,
    [property: Id(1), JsonPropertyName("endpoints"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] EdgeEndpointsOutput? Endpoints);

/// <summary>An edge's endpoints.</summary>
/// <param name="From">The source node id.</param>
/// <param name="To">The target node id.</param>
[GenerateSerializer]
[Immutable]
public sealed record EdgeEndpointsOutput(
    [property: Id(0), JsonPropertyName("from")] string From,
    [property: Id(1), JsonPropertyName("to")] string To);

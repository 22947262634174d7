namespace OmniGraph.Abstractions;

/// <summary>Creates a graph: the schema, every table empty, the genesis commit on main.</summary>
/// <param name="SchemaSource">The <c>.pg</c> schema source.</param>
/// <param name="Actor">Who creates the graph (not recorded on the genesis commit, which has no actor).</param>
[GenerateSerializer]
[Immutable]
public sealed record GraphInitRequest(
    [property: Id(0)] string SchemaSource,
    [property: Id(1)] string? Actor = null);

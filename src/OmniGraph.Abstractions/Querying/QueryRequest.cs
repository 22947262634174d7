namespace OmniGraph.Abstractions;

/// <summary>
/// One read: <c>.gq</c> source text, the query to run in it (optional when it declares exactly one), its parameters as
/// a JSON object, and the target. Queries are compiled against the target snapshot's schema.
/// </summary>
/// <param name="Source">The query source.</param>
/// <param name="QueryName">The query to run, or <c>null</c> when the source declares exactly one.</param>
/// <param name="ParametersJson">The parameters as a JSON object (keys without <c>$</c>), or <c>null</c>.</param>
/// <param name="Target">Branch head or snapshot.</param>
[GenerateSerializer]
[Immutable]
public sealed record QueryRequest(
    [property: Id(0)] string Source,
    [property: Id(1)] string? QueryName,
    [property: Id(2)] string? ParametersJson,
    [property: Id(3)] QueryTarget Target);

namespace OmniGraph.Abstractions;

/// <summary>
/// A fragment a table grain has written (durably) for a write in progress. It is invisible until a table version
/// that lists it is published; a write that never publishes leaves it as unreferenced garbage.
/// </summary>
/// <param name="Id">The fragment id (ULID).</param>
/// <param name="Key">Its object key (<c>tables/node-000003/fragments/{id}.arrow</c>).</param>
/// <param name="Rows">Its row count.</param>
[GenerateSerializer]
[Immutable]
public sealed record StagedFragment(
    [property: Id(0)] string Id,
    [property: Id(1)] string Key,
    [property: Id(2)] int Rows);

namespace OmniGraph.Abstractions;

/// <summary>
/// What a table grain's search indexes hold (diagnostics and cost tests): totals the grain has built since it was
/// activated, and the indexes it holds for one table version.
/// </summary>
/// <param name="FragmentTextIndexesBuilt">Fragment text indexes built by the grain (one per fragment, column and analyzer).</param>
/// <param name="VectorTablesBuilt">Vector views made by the grain (one per version and column).</param>
/// <param name="TextIndexes">Text indexes held for the version.</param>
/// <param name="VectorIndexes">Vector searches held for the version.</param>
/// <param name="CompleteGraphs">Of those, the ones whose HNSW graph covers the whole version.</param>
[GenerateSerializer]
[Immutable]
public sealed record SearchIndexStatistics(
    [property: Id(0)] long FragmentTextIndexesBuilt,
    [property: Id(1)] long VectorTablesBuilt,
    [property: Id(2)] int TextIndexes,
    [property: Id(3)] int VectorIndexes,
    [property: Id(4)] int CompleteGraphs);

namespace OmniGraph.Search;

/// <summary>A row with its ranking value: a BM25 score (higher ranks first) or a vector distance (lower ranks first).</summary>
public readonly record struct ScoredRow(RowLocation Row, double Score);

namespace OmniGraph.Search;

/// <summary>One term of analyzed text and its position (0-based; a removed stop word still advances the position).</summary>
public readonly record struct AnalyzedToken(string Term, int Position);

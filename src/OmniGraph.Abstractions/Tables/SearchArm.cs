using System.Collections.Immutable;

namespace OmniGraph.Abstractions;

/// <summary>One ranked search over one column: <c>bm25(column, text)</c> or <c>nearest(column, vector)</c>.</summary>
/// <param name="Kind">The search.</param>
/// <param name="Column">The String (bm25) or Vector (nearest) column.</param>
/// <param name="Text">The text query of a bm25 arm.</param>
/// <param name="Vector">The query vector of a nearest arm (already embedded when the query was text).</param>
[GenerateSerializer]
[Immutable]
public sealed record SearchArm(
    [property: Id(0)] SearchArmKind Kind,
    [property: Id(1)] string Column,
    [property: Id(2)] string? Text,
    [property: Id(3)] ImmutableArray<float> Vector)
{
    /// <summary>A bm25 arm.</summary>
    public static SearchArm Bm25(string column, string text) => new(SearchArmKind.Bm25, column, text, []);

    /// <summary>A nearest arm.</summary>
    public static SearchArm Nearest(string column, ImmutableArray<float> vector) => new(SearchArmKind.Nearest, column, null, vector);
}

/// <summary>The ranked searches.</summary>
public enum SearchArmKind : byte
{
    /// <summary>BM25 relevance, descending; rows without a query term are dropped.</summary>
    Bm25,

    /// <summary>Vector distance, ascending (L2, or cosine when the schema marks the property).</summary>
    Nearest,
}

namespace OmniGraph.Search;

/// <summary>
/// The stable error codes of the search engine (text analysis, text and vector indexes, rank fusion). They are carried
/// by <see cref="OmniGraphException"/> (thrown through <see cref="SearchThrow"/>) so they fold into the engine's single
/// error catalogue; never rename one. Where the query language names a type rule for the same mistake (T15, T17, T19,
/// T20, T21) the message starts with that rule. Every code is documented in docs/search.md.
/// </summary>
public static class SearchErrorCodes
{
    /// <summary>A text query is empty or only whitespace.</summary>
    public const string QueryEmpty = "search_query_empty";

    /// <summary>A text query is longer than <see cref="SearchLimits.MaxQueryChars"/> characters or analyzes to more than <see cref="SearchLimits.MaxQueryTerms"/> terms.</summary>
    public const string QueryTooLong = "search_query_too_long";

    /// <summary>A top-k search was asked for fewer than one row (the query language's T17 covers a missing <c>limit</c>).</summary>
    public const string LimitInvalid = "search_limit_invalid";

    /// <summary>An explicit fuzzy edit budget is outside 0..<see cref="SearchLimits.MaxFuzzyEdits"/>.</summary>
    public const string FuzzyEditsInvalid = "search_fuzzy_edits_invalid";

    /// <summary>No analyzer of that name exists.</summary>
    public const string AnalyzerUnknown = "search_analyzer_unknown";

    /// <summary>Fragment indexes built with different analyzers were combined into one text index.</summary>
    public const string AnalyzerMismatch = "search_analyzer_mismatch";

    /// <summary>A text index was asked for over a column that is not UTF-8 text (T19/T20: search on a non-text property).</summary>
    public const string NotTextColumn = "search_not_text_column";

    /// <summary>A vector index was asked for over a column that is not a fixed-size list of Float32 (T15: nearest on a non-vector property).</summary>
    public const string NotVectorColumn = "search_not_vector_column";

    /// <summary>A query vector's length differs from the column's dimension, or fragments disagree on it (T15).</summary>
    public const string DimensionMismatch = "search_vector_dimension_mismatch";

    /// <summary>A query vector or a stored vector holds NaN or an infinity.</summary>
    public const string VectorNotFinite = "search_vector_not_finite";

    /// <summary>A cosine-distance query vector is all zeros (its direction is undefined).</summary>
    public const string VectorZero = "search_vector_zero";

    /// <summary>A deletion set or a filter does not fit the index it is applied to (fragment count or row count differ).</summary>
    public const string ShapeMismatch = "search_shape_mismatch";

    /// <summary>Rank fusion got a constant k below 1 (T21).</summary>
    public const string FusionKInvalid = "search_rrf_k_invalid";

    /// <summary>Search options (BM25 or HNSW parameters, thresholds) are out of range.</summary>
    public const string OptionsInvalid = "search_options_invalid";

    /// <summary>One fragment's postings would exceed the 2 GiB a single buffer can hold; split the fragment.</summary>
    public const string IndexTooLarge = "search_index_too_large";

    /// <summary>Every code above, for the catalogue test and the docs.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        QueryEmpty, QueryTooLong, LimitInvalid, FuzzyEditsInvalid, AnalyzerUnknown, AnalyzerMismatch, NotTextColumn,
        NotVectorColumn, DimensionMismatch, VectorNotFinite, VectorZero, ShapeMismatch, FusionKInvalid, OptionsInvalid,
        IndexTooLarge,
    ];
}

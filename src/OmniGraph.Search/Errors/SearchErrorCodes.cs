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
    public const string QueryEmpty = ErrorCodes.SearchQueryEmpty;

    /// <summary>A text query is longer than <see cref="SearchLimits.MaxQueryChars"/> characters or analyzes to more than <see cref="SearchLimits.MaxQueryTerms"/> terms.</summary>
    public const string QueryTooLong = ErrorCodes.SearchQueryTooLong;

    /// <summary>A top-k search was asked for fewer than one row (the query language's T17 covers a missing <c>limit</c>).</summary>
    public const string LimitInvalid = ErrorCodes.SearchLimitInvalid;

    /// <summary>An explicit fuzzy edit budget is outside 0..<see cref="SearchLimits.MaxFuzzyEdits"/>.</summary>
    public const string FuzzyEditsInvalid = ErrorCodes.SearchFuzzyEditsInvalid;

    /// <summary>No analyzer of that name exists.</summary>
    public const string AnalyzerUnknown = ErrorCodes.SearchAnalyzerUnknown;

    /// <summary>Fragment indexes built with different analyzers were combined into one text index.</summary>
    public const string AnalyzerMismatch = ErrorCodes.SearchAnalyzerMismatch;

    /// <summary>A text index was asked for over a column that is not UTF-8 text (T19/T20: search on a non-text property).</summary>
    public const string NotTextColumn = ErrorCodes.SearchNotTextColumn;

    /// <summary>A vector index was asked for over a column that is not a fixed-size list of Float32 (T15: nearest on a non-vector property).</summary>
    public const string NotVectorColumn = ErrorCodes.SearchNotVectorColumn;

    /// <summary>A query vector's length differs from the column's dimension, or fragments disagree on it (T15).</summary>
    public const string DimensionMismatch = ErrorCodes.SearchVectorDimensionMismatch;

    /// <summary>A query vector or a stored vector holds NaN or an infinity.</summary>
    public const string VectorNotFinite = ErrorCodes.SearchVectorNotFinite;

    /// <summary>A cosine-distance query vector is all zeros (its direction is undefined).</summary>
    public const string VectorZero = ErrorCodes.SearchVectorZero;

    /// <summary>A deletion set or a filter does not fit the index it is applied to (fragment count or row count differ).</summary>
    public const string ShapeMismatch = ErrorCodes.SearchShapeMismatch;

    /// <summary>Rank fusion got a constant k below 1 (T21).</summary>
    public const string FusionKInvalid = ErrorCodes.SearchRrfKInvalid;

    /// <summary>Search options (BM25 or HNSW parameters, thresholds) are out of range.</summary>
    public const string OptionsInvalid = ErrorCodes.SearchOptionsInvalid;

    /// <summary>One fragment's postings would exceed the 2 GiB a single buffer can hold; split the fragment.</summary>
    public const string IndexTooLarge = ErrorCodes.SearchIndexTooLarge;

    /// <summary>Every code above, for the catalogue test and the docs.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        QueryEmpty, QueryTooLong, LimitInvalid, FuzzyEditsInvalid, AnalyzerUnknown, AnalyzerMismatch, NotTextColumn,
        NotVectorColumn, DimensionMismatch, VectorNotFinite, VectorZero, ShapeMismatch, FusionKInvalid, OptionsInvalid,
        IndexTooLarge,
    ];
}

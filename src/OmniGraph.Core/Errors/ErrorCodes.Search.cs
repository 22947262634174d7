namespace OmniGraph;

/// <summary>
/// The codes of the search engine (text and vector indexes, rank fusion; OmniGraph.Search) and of embedding
/// (OmniGraph.Search.Embeddings), documented in docs/search.md and docs/errors.md. Shipped codes: never renamed.
/// </summary>
public static partial class ErrorCodes
{
    /// <summary>A text query is empty or only whitespace.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string SearchQueryEmpty = "search_query_empty";

    /// <summary>A text query is longer than MaxQueryChars characters or analyzes to more than MaxQueryTerms terms.</summary>
    [ErrorCode(ErrorKind.TooLarge)]
    public const string SearchQueryTooLong = "search_query_too_long";

    /// <summary>A top-k search was asked for fewer than one row (the query language's T17 covers a missing <c>limit</c>).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string SearchLimitInvalid = "search_limit_invalid";

    /// <summary>An explicit fuzzy edit budget is outside 0..MaxFuzzyEdits.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string SearchFuzzyEditsInvalid = "search_fuzzy_edits_invalid";

    /// <summary>No analyzer of that name exists.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string SearchAnalyzerUnknown = "search_analyzer_unknown";

    /// <summary>Fragment indexes built with different analyzers were combined into one text index.</summary>
    [ErrorCode(ErrorKind.Internal)]
    public const string SearchAnalyzerMismatch = "search_analyzer_mismatch";

    /// <summary>A text index was asked for over a column that is not UTF-8 text (T19/T20: search on a non-text property).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string SearchNotTextColumn = "search_not_text_column";

    /// <summary>A vector index was asked for over a column that is not a fixed-size list of Float32 (T15: nearest on a non-vector property).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string SearchNotVectorColumn = "search_not_vector_column";

    /// <summary>A query vector's length differs from the column's dimension, or fragments disagree on it (T15).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string SearchVectorDimensionMismatch = "search_vector_dimension_mismatch";

    /// <summary>A query vector or a stored vector holds NaN or an infinity.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string SearchVectorNotFinite = "search_vector_not_finite";

    /// <summary>A cosine-distance query vector is all zeros (its direction is undefined).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string SearchVectorZero = "search_vector_zero";

    /// <summary>A deletion set or a filter does not fit the index it is applied to (fragment count or row count differ).</summary>
    [ErrorCode(ErrorKind.Internal)]
    public const string SearchShapeMismatch = "search_shape_mismatch";

    /// <summary>Rank fusion got a constant k below 1 (T21).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string SearchRrfKInvalid = "search_rrf_k_invalid";

    /// <summary>Search options (BM25 or HNSW parameters, thresholds) are out of range.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string SearchOptionsInvalid = "search_options_invalid";

    /// <summary>One fragment's postings would exceed the 2 GiB a single buffer can hold; split the fragment.</summary>
    [ErrorCode(ErrorKind.TooLarge)]
    public const string SearchIndexTooLarge = "search_index_too_large";

    /// <summary>The embedding configuration (environment or options) holds a value that cannot be used.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string EmbeddingConfigInvalid = "embedding_config_invalid";

    /// <summary>A text to embed is empty or too long, or the requested dimension is out of range.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string EmbeddingInputInvalid = "embedding_input_invalid";

    /// <summary>The provider refused the request (a 4xx other than 408/429) or kept failing after every retry.</summary>
    [ErrorCode(ErrorKind.Unavailable)]
    public const string EmbeddingProviderError = "embedding_provider_error";

    /// <summary>The deadline of the whole embedding call passed before the provider answered.</summary>
    [ErrorCode(ErrorKind.Timeout)]
    public const string EmbeddingTimeout = "embedding_timeout";

    /// <summary>The provider answered with the wrong number of vectors, the wrong dimension, or non-finite or zero vectors.</summary>
    [ErrorCode(ErrorKind.Unavailable)]
    public const string EmbeddingInvalidResponse = "embedding_invalid_response";

    /// <summary>The property's <c>@embed(..., model="M")</c> names another model than the configured one.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string EmbeddingModelMismatch = "embedding_model_mismatch";
}

namespace OmniGraph.Query.Functions;

/// <summary>Which search a <see cref="FunctionKind.Search"/> function is (docs/search.md §1).</summary>
public enum SearchFunctionKind
{
    /// <summary><c>search(field, query)</c>: every analyzed query term.</summary>
    AllTerms,

    /// <summary><c>match_text(field, query)</c>: a phrase.</summary>
    Phrase,

    /// <summary><c>fuzzy(field, query, max_edits?)</c>: every query term within an edit budget.</summary>
    Fuzzy,

    /// <summary><c>bm25(field, query)</c>: ranked by BM25, descending.</summary>
    Bm25,

    /// <summary><c>nearest(vector, query)</c>: the nearest vectors, ascending by distance.</summary>
    Nearest,

    /// <summary><c>rrf(ranking, ranking, k?)</c>: reciprocal rank fusion of two rankings.</summary>
    Rrf,
}

/// <summary>Groups of <see cref="SearchFunctionKind"/>.</summary>
public static class SearchFunctionKindExtensions
{
    /// <summary>Whether the function is a match clause (a Bool test answered from a text index).</summary>
    public static bool IsTextMatch(this SearchFunctionKind kind) => kind is SearchFunctionKind.AllTerms or SearchFunctionKind.Phrase or SearchFunctionKind.Fuzzy;

    /// <summary>Whether the function is an ordering (<c>bm25</c>, <c>nearest</c>, <c>rrf</c>).</summary>
    public static bool IsRanking(this SearchFunctionKind kind) => !kind.IsTextMatch();
}

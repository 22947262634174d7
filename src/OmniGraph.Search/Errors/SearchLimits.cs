namespace OmniGraph.Search;

/// <summary>The fixed bounds of search input: past them a query is refused with a typed error instead of running unbounded.</summary>
public static class SearchLimits
{
    /// <summary>The longest text query, in UTF-16 characters.</summary>
    public const int MaxQueryChars = 16_384;

    /// <summary>The most terms a text query may analyze to.</summary>
    public const int MaxQueryTerms = 256;

    /// <summary>The largest explicit fuzzy edit budget (as Lucene's fuzzy query: beyond 2 edits almost every short term matches).</summary>
    public const int MaxFuzzyEdits = 2;

    /// <summary>The largest vector dimension accepted.</summary>
    public const int MaxDimension = 65_536;
}

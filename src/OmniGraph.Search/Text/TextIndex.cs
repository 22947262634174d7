using System.Globalization;

namespace OmniGraph.Search;

/// <summary>
/// The full-text index of one text property at one table version: the immutable indexes of its fragments (shared with
/// every other version holding the same fragment) plus the version's deletion masks, applied at query time. BM25's
/// statistics (live documents, average length, document frequencies) are combined across fragments over live rows
/// only, so scores do not depend on how the rows are split into fragments or on rows deleted earlier.
/// </summary>
/// <remarks>Query operations live in partial files: <c>TextIndex.Match.cs</c> (search, phrase), <c>TextIndex.Fuzzy.cs</c>, <c>TextIndex.Bm25.cs</c>.</remarks>
public sealed partial class TextIndex
{
    private readonly FragmentTextIndex[] _fragments;
    private readonly RowSet?[] _deletions;
    private readonly int[] _fragmentRows;

    private TextIndex(TextAnalyzer analyzer, FragmentTextIndex[] fragments, RowSet?[] deletions, Bm25Parameters parameters)
    {
        Analyzer = analyzer;
        _fragments = fragments;
        _deletions = deletions;
        Parameters = parameters;
        _fragmentRows = [.. fragments.Select(static fragment => fragment.RowCount)];
        long documents = 0;
        long length = 0;
        for (var f = 0; f < fragments.Length; f++)
        {
            documents += fragments[f].DocumentCount;
            length += fragments[f].TotalLength;
            if (deletions[f] is { } deleted)
            {
                foreach (var row in deleted.ToRows())
                {
                    var rowLength = fragments[f].RowLength(row);
                    documents -= rowLength > 0 ? 1 : 0;
                    length -= rowLength;
                }
            }
        }

        LiveDocuments = documents;
        LiveLength = length;
    }

    /// <summary>The analyzer of the property (every fragment was indexed with it; queries are analyzed with it).</summary>
    public TextAnalyzer Analyzer { get; }

    /// <summary>The BM25 constants.</summary>
    public Bm25Parameters Parameters { get; }

    /// <summary>Fragments of the version.</summary>
    public int FragmentCount => _fragments.Length;

    /// <summary>The fragments' indexes, in fragment order.</summary>
    public IReadOnlyList<FragmentTextIndex> Fragments => _fragments;

    /// <summary>Live (not deleted) rows holding at least one term: BM25's N.</summary>
    public long LiveDocuments { get; }

    /// <summary>Terms over all live rows: BM25's average length is this over <see cref="LiveDocuments"/>.</summary>
    public long LiveLength { get; }

    /// <summary>Heap bytes of the fragments' indexes (shared fragments counted once per version).</summary>
    public long EstimatedBytes => _fragments.Sum(static fragment => fragment.EstimatedBytes);

    /// <summary>A version over <paramref name="fragments"/> with the given deletion masks (null or a null entry = nothing deleted).</summary>
    /// <exception cref="OmniGraphException"><see cref="SearchErrorCodes.AnalyzerMismatch"/>: a fragment was indexed with another analyzer;
    /// <see cref="SearchErrorCodes.ShapeMismatch"/>: the masks do not fit the fragments; <see cref="SearchErrorCodes.OptionsInvalid"/>: bad BM25 constants.</exception>
    public static TextIndex Create(TextAnalyzer analyzer, IReadOnlyList<FragmentTextIndex> fragments, IReadOnlyList<RowSet?>? deletions = null, Bm25Parameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(fragments);
        parameters ??= Bm25Parameters.Default;
        parameters.Validate();
        var fragmentArray = fragments.ToArray();
        for (var f = 0; f < fragmentArray.Length; f++)
        {
            ArgumentNullException.ThrowIfNull(fragmentArray[f], nameof(fragments));
            if (fragmentArray[f].AnalyzerName != analyzer.Name)
            {
                SearchThrow.Error(SearchErrorCodes.AnalyzerMismatch, $"Fragment {f} was indexed with the '{fragmentArray[f].AnalyzerName}' analyzer, but the property uses '{analyzer.Name}'; rebuild that fragment's index.");
            }
        }

        var masks = new RowSet?[fragmentArray.Length];
        if (deletions is not null)
        {
            if (deletions.Count != fragmentArray.Length)
            {
                SearchThrow.Shape(string.Create(CultureInfo.InvariantCulture, $"{deletions.Count} deletion masks were given for {fragmentArray.Length} fragments."));
            }

            for (var f = 0; f < masks.Length; f++)
            {
                if (deletions[f] is { } mask && mask.Length != fragmentArray[f].RowCount)
                {
                    SearchThrow.Shape(string.Create(CultureInfo.InvariantCulture, $"The deletion mask of fragment {f} is over {mask.Length} rows but the fragment has {fragmentArray[f].RowCount}."));
                }

                masks[f] = deletions[f];
            }
        }

        return new TextIndex(analyzer, fragmentArray, masks, parameters);
    }

    /// <summary>The next version after appending <paramref name="fragment"/> (nothing deleted in it): only its index is new.</summary>
    public TextIndex Append(FragmentTextIndex fragment)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        return Create(Analyzer, [.. _fragments, fragment], [.. _deletions, null], Parameters);
    }

    /// <summary>The next version with fragment <paramref name="fragment"/>'s deletion mask replaced (masks are cumulative).</summary>
    public TextIndex WithDeletions(int fragment, RowSet? deleted)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fragment);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(fragment, _fragments.Length);
        var masks = (RowSet?[])_deletions.Clone();
        masks[fragment] = deleted;
        return Create(Analyzer, _fragments, masks, Parameters);
    }

    /// <summary>The analyzed query: terms with positions, checked against the size limits.</summary>
    private IReadOnlyList<AnalyzedToken> AnalyzeQuery(string query)
    {
        SearchThrow.IfEmptyQuery(query);
        var tokens = Analyzer.Analyze(query);
        if (tokens.Count > SearchLimits.MaxQueryTerms)
        {
            SearchThrow.Error(SearchErrorCodes.QueryTooLong, string.Create(CultureInfo.InvariantCulture, $"The search query analyzes to {tokens.Count:N0} terms; at most {SearchLimits.MaxQueryTerms} are accepted."));
        }

        return tokens;
    }

    /// <summary>The gate of fragment <paramref name="fragment"/> under <paramref name="filter"/>.</summary>
    private RowGate Gate(int fragment, RowFilter? filter) => new(_deletions[fragment], filter?[fragment]);

    private void CheckFilter(RowFilter? filter) => filter?.CheckShape(_fragmentRows);
}

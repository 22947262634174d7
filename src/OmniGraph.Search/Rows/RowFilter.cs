using System.Globalization;

namespace OmniGraph.Search;

/// <summary>
/// The candidate rows of one query over one table version: per fragment, the rows the query's other match filters kept
/// (<c>null</c> = every row of that fragment). Search functions apply it <em>before</em> ranking, so a top-k is the
/// top-k of the candidates, never a post-filtered global top-k (the spec's prefiltering rule).
/// </summary>
public sealed class RowFilter
{
    private readonly RowSet?[] _fragments;

    /// <summary>A filter with one entry per fragment of the version, in fragment order.</summary>
    public RowFilter(IReadOnlyList<RowSet?> fragments)
    {
        ArgumentNullException.ThrowIfNull(fragments);
        _fragments = [.. fragments];
    }

    /// <summary>Entries, one per fragment.</summary>
    public int FragmentCount => _fragments.Length;

    /// <summary>The candidate rows of fragment <paramref name="fragment"/>, or null when every row is a candidate.</summary>
    public RowSet? this[int fragment] => _fragments[fragment];

    /// <summary>Checks that the filter has one entry per fragment, each over that fragment's row count.</summary>
    internal void CheckShape(IReadOnlyList<int> fragmentRows)
    {
        if (_fragments.Length != fragmentRows.Count)
        {
            SearchThrow.Shape(string.Create(CultureInfo.InvariantCulture, $"The filter has {_fragments.Length} fragment entries but the index has {fragmentRows.Count} fragments."));
        }

        for (var f = 0; f < _fragments.Length; f++)
        {
            if (_fragments[f] is { } set && set.Length != fragmentRows[f])
            {
                SearchThrow.Shape(string.Create(CultureInfo.InvariantCulture, $"The filter of fragment {f} is over {set.Length} rows but the fragment has {fragmentRows[f]}."));
            }
        }
    }
}

using System.Globalization;
using System.Numerics;

namespace OmniGraph.Search;

public sealed partial class TextIndex
{
    /// <summary>
    /// <c>fuzzy</c>: the live candidate rows that hold, for every analyzed query term, some term within its edit budget
    /// (Levenshtein distance: insertions, deletions, substitutions of UTF-16 code units; a transposition costs 2). The
    /// budget is <paramref name="maxEdits"/> when given, else <see cref="AutoEdits"/> of the term's length.
    /// </summary>
    /// <exception cref="OmniGraphException"><see cref="SearchErrorCodes.FuzzyEditsInvalid"/> (outside 0..2), <see cref="SearchErrorCodes.QueryEmpty"/>,
    /// <see cref="SearchErrorCodes.QueryTooLong"/>, <see cref="SearchErrorCodes.ShapeMismatch"/> (filter).</exception>
    public IReadOnlyList<RowLocation> Fuzzy(string query, int? maxEdits = null, RowFilter? filter = null)
    {
        if (maxEdits is < 0 or > SearchLimits.MaxFuzzyEdits)
        {
            SearchThrow.Error(SearchErrorCodes.FuzzyEditsInvalid, string.Create(CultureInfo.InvariantCulture, $"T19: fuzzy max_edits must be between 0 and {SearchLimits.MaxFuzzyEdits}, got {maxEdits}."));
        }

        var tokens = AnalyzeQuery(query);
        CheckFilter(filter);
        var terms = tokens.Select(static token => token.Term).Distinct(StringComparer.Ordinal).ToArray();
        var rows = new List<RowLocation>();
        if (terms.Length == 0)
        {
            return rows;
        }

        var expansions = new List<int>();
        for (var f = 0; f < _fragments.Length; f++)
        {
            var gate = Gate(f, filter);
            var fragment = _fragments[f];
            if (gate.AdmitsNone)
            {
                continue;
            }

            ulong[]? matched = null;
            foreach (var term in terms)
            {
                expansions.Clear();
                FuzzyTermMatcher.Collect(fragment, term, maxEdits ?? AutoEdits(term.Length), expansions);
                if (expansions.Count == 0)
                {
                    matched = null;
                    break;
                }

                var rowsOfTerm = new ulong[RowSet.WordCount(fragment.RowCount)];
                foreach (var expansion in expansions)
                {
                    var cursor = fragment.Postings(expansion);
                    while (cursor.MoveNext())
                    {
                        rowsOfTerm[cursor.Row >> 6] |= 1UL << cursor.Row;
                    }
                }

                if (matched is null)
                {
                    matched = rowsOfTerm;
                }
                else
                {
                    for (var w = 0; w < matched.Length; w++)
                    {
                        matched[w] &= rowsOfTerm[w];
                    }
                }
            }

            if (matched is null)
            {
                continue;
            }

            for (var w = 0; w < matched.Length; w++)
            {
                var bits = matched[w];
                while (bits != 0)
                {
                    var row = (w << 6) + BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    if (gate.Admits(row))
                    {
                        rows.Add(new RowLocation(f, row));
                    }
                }
            }
        }

        return rows;
    }

    /// <summary>
    /// The default edit budget of an analyzed query term of <paramref name="termLength"/> characters: 0 up to 2 characters
    /// (any one edit of a two-letter word is another common word), 1 for 3 to 5, 2 from 6 on (Lucene's "AUTO" rule).
    /// </summary>
    public static int AutoEdits(int termLength) => termLength <= 2 ? 0 : termLength <= 5 ? 1 : 2;

    /// <summary>The dictionary terms of fragment <paramref name="fragment"/> within <paramref name="maxEdits"/> of <paramref name="term"/> (for tests and diagnostics).</summary>
    internal IReadOnlyList<string> FuzzyExpansions(int fragment, string term, int maxEdits)
    {
        var found = new List<int>();
        FuzzyTermMatcher.Collect(_fragments[fragment], term, maxEdits, found);
        return [.. found.Select(id => _fragments[fragment].Term(id).ToString())];
    }
}

namespace OmniGraph.Search;

public sealed partial class TextIndex
{
    /// <summary>
    /// <c>search</c>: the live candidate rows holding every term of <paramref name="query"/> (after analysis: lowercased,
    /// stop words removed, stemmed), in storage order. A query whose every word is a stop word matches no row.
    /// </summary>
    /// <exception cref="OmniGraphException"><see cref="SearchErrorCodes.QueryEmpty"/>, <see cref="SearchErrorCodes.QueryTooLong"/>, <see cref="SearchErrorCodes.ShapeMismatch"/> (filter).</exception>
    public IReadOnlyList<RowLocation> Search(string query, RowFilter? filter = null)
    {
        var tokens = AnalyzeQuery(query);
        CheckFilter(filter);
        var terms = tokens.Select(static token => token.Term).Distinct(StringComparer.Ordinal).ToArray();
        return MatchAll(terms, offsets: null, filter);
    }

    /// <summary>
    /// <c>match_text</c>: the live candidate rows holding the analyzed query as a phrase: every term at its query position
    /// relative to the first one. A stop word removed from the query keeps its slot (any one word may stand there in the
    /// row: "networks of layers" matches "networks with layers"), as in Lucene's phrase query. One term = <see cref="Search"/>.
    /// </summary>
    /// <exception cref="OmniGraphException"><see cref="SearchErrorCodes.QueryEmpty"/>, <see cref="SearchErrorCodes.QueryTooLong"/>, <see cref="SearchErrorCodes.ShapeMismatch"/> (filter).</exception>
    public IReadOnlyList<RowLocation> MatchPhrase(string query, RowFilter? filter = null)
    {
        var tokens = AnalyzeQuery(query);
        CheckFilter(filter);
        if (tokens.Count <= 1)
        {
            return MatchAll([.. tokens.Select(static token => token.Term)], offsets: null, filter);
        }

        var terms = tokens.Select(static token => token.Term).ToArray();
        var offsets = tokens.Select(token => token.Position - tokens[0].Position).ToArray();
        return MatchAll(terms, offsets, filter);
    }

    /// <summary>Rows holding all <paramref name="terms"/>; with <paramref name="offsets"/>, at those relative positions.</summary>
    private List<RowLocation> MatchAll(string[] terms, int[]? offsets, RowFilter? filter)
    {
        var rows = new List<RowLocation>();
        if (terms.Length == 0)
        {
            return rows;
        }

        var cursors = new PostingsCursor[terms.Length];
        var positions = offsets is null ? null : new int[terms.Length][];
        for (var f = 0; f < _fragments.Length; f++)
        {
            var gate = Gate(f, filter);
            if (gate.AdmitsNone || !OpenCursors(_fragments[f], terms, cursors))
            {
                continue;
            }

            while (PostingsCursor.AlignOnCommonRow(cursors, cursors.Length))
            {
                var row = cursors[0].Row;
                if (gate.Admits(row) && (positions is null || HoldsPhrase(cursors, offsets!, positions)))
                {
                    rows.Add(new RowLocation(f, row));
                }

                if (!cursors[0].MoveNext())
                {
                    break;
                }
            }
        }

        return rows;
    }

    /// <summary>Positions a cursor on the first posting of each term; false when a term is not in the fragment.</summary>
    private static bool OpenCursors(FragmentTextIndex fragment, string[] terms, PostingsCursor[] cursors)
    {
        for (var i = 0; i < terms.Length; i++)
        {
            var term = fragment.FindTerm(terms[i]);
            if (term < 0)
            {
                return false;
            }

            cursors[i] = fragment.Postings(term);
            cursors[i].MoveNext();
        }

        return true;
    }

    /// <summary>Whether the row all cursors stand on holds term i at <c>start + offsets[i]</c> for some start.</summary>
    private static bool HoldsPhrase(PostingsCursor[] cursors, int[] offsets, int[][] positions)
    {
        for (var i = 0; i < cursors.Length; i++)
        {
            if (positions[i] is null || positions[i].Length < cursors[i].Frequency)
            {
                positions[i] = new int[Math.Max(cursors[i].Frequency, 8)];
            }

            cursors[i].ReadPositions(positions[i]);
        }

        var first = positions[0].AsSpan(0, cursors[0].Frequency);
        foreach (var position in first)
        {
            var start = position - offsets[0];
            var all = true;
            for (var i = 1; i < cursors.Length && all; i++)
            {
                all = positions[i].AsSpan(0, cursors[i].Frequency).BinarySearch(start + offsets[i]) >= 0;
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }
}

namespace OmniGraph.Search;

public sealed partial class TextIndex
{
    /// <summary>
    /// <c>bm25</c>: the live candidate rows holding at least one analyzed query term, ranked by their BM25 score
    /// (descending; equal scores by <paramref name="tieBreak"/>, storage order by default), the best
    /// <paramref name="limit"/> of them (all when null). Rows with no query term are dropped, never scored 0.
    /// </summary>
    /// <remarks>
    /// score(row) = Σ over the distinct query terms t in the row of idf(t) · tf·(k1 + 1) / (tf + k1·(1 − b + b·len/avglen)),
    /// idf(t) = ln(1 + (N − df(t) + 0.5) / (df(t) + 0.5)), where N, df and avglen count live rows of the whole version
    /// (the filter narrows the candidates, not the statistics), tf is the term's count in the row and len the row's
    /// term count (stop words excluded). Lengths are exact (Lucene rounds them to one byte).
    /// </remarks>
    /// <exception cref="OmniGraphException"><see cref="SearchErrorCodes.LimitInvalid"/>, <see cref="SearchErrorCodes.QueryEmpty"/>,
    /// <see cref="SearchErrorCodes.QueryTooLong"/>, <see cref="SearchErrorCodes.ShapeMismatch"/> (filter).</exception>
    public IReadOnlyList<ScoredRow> Bm25(string query, int? limit = null, RowFilter? filter = null, IComparer<RowLocation>? tieBreak = null)
    {
        if (limit is { } k)
        {
            SearchThrow.IfLimitInvalid(k);
        }

        var tokens = AnalyzeQuery(query);
        CheckFilter(filter);
        var terms = tokens.Select(static token => token.Term).Distinct(StringComparer.Ordinal).ToArray();
        var top = new TopRows(new RankOrder(higherFirst: true, tieBreak), limit);
        if (terms.Length == 0 || LiveDocuments == 0)
        {
            return top.ToRanked();
        }

        var idf = InverseDocumentFrequencies(terms);
        var k1 = Parameters.K1;
        var b = Parameters.B;
        var averageLength = (double)LiveLength / LiveDocuments;
        var cursors = new PostingsCursor[terms.Length];
        var weights = new double[terms.Length];
        for (var f = 0; f < _fragments.Length; f++)
        {
            var gate = Gate(f, filter);
            var fragment = _fragments[f];
            if (gate.AdmitsNone)
            {
                continue;
            }

            // Document-at-a-time: merge the terms' postings by row, so no per-row accumulator is needed.
            var open = 0;
            for (var i = 0; i < terms.Length; i++)
            {
                var term = fragment.FindTerm(terms[i]);
                if (term >= 0 && idf[i] > 0)
                {
                    cursors[open] = fragment.Postings(term);
                    cursors[open].MoveNext();
                    weights[open++] = idf[i];
                }
            }

            while (true)
            {
                var row = PostingsCursor.Exhausted;
                for (var i = 0; i < open; i++)
                {
                    row = Math.Min(row, cursors[i].Row);
                }

                if (row == PostingsCursor.Exhausted)
                {
                    break;
                }

                var admitted = gate.Admits(row);
                var norm = k1 * (1 - b + (b * fragment.RowLength(row) / averageLength));
                var score = 0.0;
                for (var i = 0; i < open; i++)
                {
                    if (cursors[i].Row == row)
                    {
                        if (admitted)
                        {
                            var tf = (double)cursors[i].Frequency;
                            score += weights[i] * tf * (k1 + 1) / (tf + norm);
                        }

                        cursors[i].MoveNext();
                    }
                }

                if (admitted)
                {
                    top.Offer(new RowLocation(f, row), score);
                }
            }
        }

        return top.ToRanked();
    }

    /// <summary>idf of each term over the live rows of the version (0 for a term no live row holds).</summary>
    private double[] InverseDocumentFrequencies(string[] terms)
    {
        var idf = new double[terms.Length];
        for (var i = 0; i < terms.Length; i++)
        {
            long documentFrequency = 0;
            for (var f = 0; f < _fragments.Length; f++)
            {
                var fragment = _fragments[f];
                var term = fragment.FindTerm(terms[i]);
                if (term < 0)
                {
                    continue;
                }

                if (_deletions[f] is not { Count: > 0 } deleted)
                {
                    documentFrequency += fragment.DocumentFrequency(term);
                    continue;
                }

                var cursor = fragment.Postings(term);
                while (cursor.MoveNext())
                {
                    documentFrequency += deleted.Contains(cursor.Row) ? 0 : 1;
                }
            }

            idf[i] = documentFrequency == 0 ? 0 : Math.Log(1 + ((LiveDocuments - documentFrequency + 0.5) / (documentFrequency + 0.5)));
        }

        return idf;
    }
}

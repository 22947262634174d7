using System.Numerics;

namespace OmniGraph.Search;

public sealed partial class VectorTable
{
    /// <summary>
    /// The exact <paramref name="limit"/> nearest searchable candidate rows to <paramref name="query"/>, nearest first
    /// (equal distances by <paramref name="tieBreak"/>, storage order by default): one SIMD distance per candidate row,
    /// straight over the column memory.
    /// </summary>
    /// <exception cref="OmniGraphException"><see cref="SearchErrorCodes.LimitInvalid"/>, <see cref="SearchErrorCodes.DimensionMismatch"/>,
    /// <see cref="SearchErrorCodes.VectorNotFinite"/>, <see cref="SearchErrorCodes.VectorZero"/> (cosine), <see cref="SearchErrorCodes.ShapeMismatch"/> (filter).</exception>
    public IReadOnlyList<ScoredRow> ExactNearest(ReadOnlySpan<float> query, int limit, RowFilter? filter = null, IComparer<RowLocation>? tieBreak = null)
    {
        SearchThrow.IfLimitInvalid(limit);
        var inverseNorm = Prepare(query);
        filter?.CheckShape(FragmentRows);
        var top = new TopRows(new RankOrder(higherFirst: false, tieBreak), limit);
        OfferExact(query, inverseNorm, filter, firstFragment: 0, top);
        return top.ToRanked();
    }

    /// <summary>Offers every searchable candidate row of fragments <paramref name="firstFragment"/> on to <paramref name="top"/> (the query is already checked).</summary>
    internal void OfferExact(ReadOnlySpan<float> query, float inverseNorm, RowFilter? filter, int firstFragment, TopRows top)
    {
        for (var f = firstFragment; f < _values.Length; f++)
        {
            var searchable = _searchable[f].Words;
            var allowed = filter?[f] is { } set ? set.Words : default;
            for (var w = 0; w < searchable.Length; w++)
            {
                var bits = allowed.IsEmpty ? searchable[w] : searchable[w] & allowed[w];
                while (bits != 0)
                {
                    var row = (w << 6) + BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    top.Offer(new RowLocation(f, row), Distance(query, inverseNorm, f, row));
                }
            }
        }
    }

    /// <summary>
    /// The searchable candidate rows of the first <paramref name="fragments"/> fragments as one bitmap over the global row
    /// numbering (what the approximate index tests during a filtered search), and how many there are.
    /// </summary>
    internal ulong[] CandidateNodes(RowFilter? filter, int fragments, out long count)
    {
        var words = new ulong[RowSet.WordCount(TotalRows)];
        count = 0;
        for (var f = 0; f < fragments; f++)
        {
            var searchable = _searchable[f].Words;
            var allowed = filter?[f] is { } set ? set.Words : default;
            var start = _fragmentStarts[f];
            for (var w = 0; w < searchable.Length; w++)
            {
                var bits = allowed.IsEmpty ? searchable[w] : searchable[w] & allowed[w];
                if (bits == 0)
                {
                    continue;
                }

                count += BitOperations.PopCount(bits);
                var node = start + (w << 6);
                var shift = node & 63;
                words[node >> 6] |= bits << shift;
                if (shift != 0 && (node >> 6) + 1 < words.Length)
                {
                    words[(node >> 6) + 1] |= bits >> (64 - shift);
                }
            }
        }

        return words;
    }
}

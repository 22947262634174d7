namespace OmniGraph.Search;

/// <summary>
/// Finds the dictionary terms within an edit budget of a query term with a bounded dynamic program over the sorted
/// dictionary: consecutive terms share their common prefix's rows of the Levenshtein table, and once every cell of a
/// row exceeds the budget no term with that prefix can match, so the whole prefix range is skipped by binary search.
/// Cost: proportional to the dictionary's prefix tree within the budget, not to its size.
/// </summary>
internal static class FuzzyTermMatcher
{
    public static void Collect(FragmentTextIndex fragment, ReadOnlySpan<char> query, int maxEdits, List<int> matches)
    {
        var width = query.Length + 1;
        var table = new int[(fragment.MaxTermLength + 1) * width];
        for (var j = 0; j < width; j++)
        {
            table[j] = j;
        }

        ReadOnlySpan<char> previous = default;
        var validDepth = 0;
        var term = 0;
        while (term < fragment.TermCount)
        {
            var current = fragment.Term(term);
            var shared = Math.Min(validDepth, current.CommonPrefixLength(previous));
            var prunedAt = -1;
            for (var depth = shared + 1; depth <= current.Length; depth++)
            {
                if (FillRow(table, width, depth, current[depth - 1], query) > maxEdits)
                {
                    prunedAt = depth;
                    break;
                }
            }

            previous = current;
            if (prunedAt > 0)
            {
                validDepth = prunedAt;
                term = fragment.SkipPrefix(current[..prunedAt], term + 1);
                continue;
            }

            validDepth = current.Length;
            if (table[(current.Length * width) + query.Length] <= maxEdits)
            {
                matches.Add(term);
            }

            term++;
        }
    }

    /// <summary>Row <paramref name="depth"/> of the table from the row above it; returns the row's minimum.</summary>
    private static int FillRow(int[] table, int width, int depth, char termChar, ReadOnlySpan<char> query)
    {
        var above = (depth - 1) * width;
        var row = depth * width;
        table[row] = depth;
        var minimum = depth;
        for (var j = 1; j < width; j++)
        {
            var cost = table[above + j - 1] + (query[j - 1] == termChar ? 0 : 1);
            cost = Math.Min(cost, table[above + j] + 1);
            cost = Math.Min(cost, table[row + j - 1] + 1);
            table[row + j] = cost;
            minimum = Math.Min(minimum, cost);
        }

        return minimum;
    }
}

namespace OmniGraph.Search.Tests;

/// <summary>A seeded random corpus over a small vocabulary (so terms repeat, phrases recur and fuzzy neighbours exist).</summary>
internal static class RandomCorpus
{
    public static readonly string[] Vocabulary =
    [
        "graph", "graphs", "grape", "node", "nodes", "note", "edge", "edges", "hedge", "query", "queries", "quarry", "vector",
        "vectors", "victor", "search", "searched", "research", "index", "indexes", "indices", "branch", "brunch", "bench",
        "merge", "merged", "verge", "table", "cable", "fable", "the", "of", "and", "a", "to", "with", "learning", "learn",
        "lean", "deep", "keep", "deeply",
    ];

    public static string?[] Fragment(Random random, int rows, double nullShare = 0.05)
    {
        var values = new string?[rows];
        for (var row = 0; row < rows; row++)
        {
            if (random.NextDouble() < nullShare)
            {
                continue;
            }

            var words = random.Next(0, 12);
            values[row] = string.Join(' ', Enumerable.Range(0, words).Select(_ => Word(random)));
        }

        return values;
    }

    /// <summary>A word, the first ones more often (a rough Zipf), sometimes capitalized.</summary>
    public static string Word(Random random)
    {
        var word = Vocabulary[(int)(Vocabulary.Length * Math.Pow(random.NextDouble(), 2))];
        return random.Next(5) == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word;
    }

    public static RowSet? Deletions(Random random, int rows, double share)
    {
        if (share == 0)
        {
            return null;
        }

        return RowSet.FromRows(rows, [.. Enumerable.Range(0, rows).Where(_ => random.NextDouble() < share)]);
    }

    public static RowSet Filter(Random random, int rows, double share) =>
        RowSet.FromRows(rows, [.. Enumerable.Range(0, rows).Where(_ => random.NextDouble() < share)]);
}

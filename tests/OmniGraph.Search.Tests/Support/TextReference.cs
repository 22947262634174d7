namespace OmniGraph.Search.Tests;

/// <summary>
/// The text functions computed the slow, obvious way (analyze every live row, compare term lists), as the oracle the
/// index is checked against: the definitions of docs/search.md written without postings, cursors or pruning.
/// </summary>
internal sealed class TextReference
{
    private readonly TextAnalyzer _analyzer;
    private readonly List<(RowLocation Row, IReadOnlyList<AnalyzedToken> Tokens)> _live = [];

    /// <param name="analyzer">The property's analyzer.</param>
    /// <param name="fragments">Each fragment's values.</param>
    /// <param name="deleted">Deleted rows per fragment (null = none).</param>
    public TextReference(TextAnalyzer analyzer, IReadOnlyList<string?[]> fragments, IReadOnlyList<RowSet?>? deleted = null)
    {
        _analyzer = analyzer;
        for (var f = 0; f < fragments.Count; f++)
        {
            for (var row = 0; row < fragments[f].Length; row++)
            {
                if (deleted?[f]?.Contains(row) != true)
                {
                    _live.Add((new RowLocation(f, row), fragments[f][row] is { } text ? analyzer.Analyze(text) : []));
                }
            }
        }
    }

    public static int Levenshtein(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    public List<RowLocation> Search(string query, Func<RowLocation, bool>? candidate = null)
    {
        var terms = Terms(query);
        return [.. Rows(candidate).Where(r => terms.Length > 0 && terms.All(t => r.Tokens.Any(token => token.Term == t))).Select(static r => r.Row)];
    }

    public List<RowLocation> Phrase(string query, Func<RowLocation, bool>? candidate = null)
    {
        var tokens = _analyzer.Analyze(query);
        if (tokens.Count == 0)
        {
            return [];
        }

        return [.. Rows(candidate).Where(r => r.Tokens.Any(start =>
            tokens.All(q => r.Tokens.Any(t => t.Term == q.Term && t.Position == start.Position + (q.Position - tokens[0].Position))))).Select(static r => r.Row)];
    }

    public List<RowLocation> Fuzzy(string query, int? maxEdits, Func<RowLocation, bool>? candidate = null)
    {
        var terms = Terms(query);
        return [.. Rows(candidate).Where(r => terms.Length > 0 && terms.All(q =>
            r.Tokens.Any(t => Levenshtein(q, t.Term) <= (maxEdits ?? TextIndex.AutoEdits(q.Length))))).Select(static r => r.Row)];
    }

    /// <summary>BM25 with k1 = 1.2, b = 0.75 over the live rows; matching candidates by score descending, then storage order.</summary>
    public List<ScoredRow> Bm25(string query, Func<RowLocation, bool>? candidate = null, double k1 = 1.2, double b = 0.75)
    {
        var terms = Terms(query);
        var documents = _live.Count(static r => r.Tokens.Count > 0);
        var average = (double)_live.Sum(static r => r.Tokens.Count) / documents;
        var scored = new List<ScoredRow>();
        foreach (var (row, tokens) in Rows(candidate))
        {
            var score = 0.0;
            var matched = false;
            foreach (var term in terms)
            {
                var tf = tokens.Count(t => t.Term == term);
                if (tf == 0)
                {
                    continue;
                }

                matched = true;
                var df = _live.Count(r => r.Tokens.Any(t => t.Term == term));
                var idf = Math.Log(1 + ((documents - df + 0.5) / (df + 0.5)));
                score += idf * tf * (k1 + 1) / (tf + (k1 * (1 - b + (b * tokens.Count / average))));
            }

            if (matched)
            {
                scored.Add(new ScoredRow(row, score));
            }
        }

        return [.. scored.OrderByDescending(static r => r.Score).ThenBy(static r => r.Row)];
    }

    private string[] Terms(string query) => [.. _analyzer.Analyze(query).Select(static t => t.Term).Distinct(StringComparer.Ordinal)];

    private IEnumerable<(RowLocation Row, IReadOnlyList<AnalyzedToken> Tokens)> Rows(Func<RowLocation, bool>? candidate) =>
        _live.Where(r => candidate?.Invoke(r.Row) ?? true);
}

namespace OmniGraph.Search.Tests.Text;

public sealed class Bm25Tests
{
    private static readonly TextAnalyzer s_words = TextAnalyzers.Get("whitespace");

    [Fact]
    public void Scores_MatchAHandComputation()
    {
        // Rows (whitespace analyzer): "x y" (2 terms), "x x z" (3), "z w w w" (4), null, "" (0 terms).
        // N = 3 rows with terms, avgdl = 9 / 3 = 3. df(x) = 2, df(z) = 2, df(w) = 1.
        var index = Index(["x y", "x x z", "z w w w", null, ""]);

        var ranked = index.Bm25("x w");

        static double Idf(double df) => Math.Log(1 + ((3 - df + 0.5) / (df + 0.5)));
        static double Term(double tf, double length, double idf) => idf * tf * 2.2 / (tf + (1.2 * (0.25 + (0.75 * length / 3))));
        var row0 = Term(1, 2, Idf(2));
        var row1 = Term(2, 3, Idf(2));
        var row2 = Term(3, 4, Idf(1));
        Assert.Equal([new RowLocation(0, 2), new RowLocation(0, 1), new RowLocation(0, 0)], ranked.Select(static r => r.Row));
        Assert.Equal(row2, ranked[0].Score, 12);
        Assert.Equal(row1, ranked[1].Score, 12);
        Assert.Equal(row0, ranked[2].Score, 12);
    }

    [Fact]
    public void NonMatchingRows_AreDropped_NotScoredZero()
    {
        var ranked = Index(["x", "y", "z", "x y"]).Bm25("x");

        Assert.Equal([new RowLocation(0, 0), new RowLocation(0, 3)], ranked.Select(static r => r.Row));
        Assert.All(ranked, static r => Assert.True(r.Score > 0));
    }

    [Fact]
    public void Limit_KeepsTheBest_InDescendingOrder()
    {
        var rows = Enumerable.Range(0, 50).Select(static i => string.Join(' ', Enumerable.Repeat("t", 1 + (i % 7)).Append("pad"))).ToArray<string?>();
        var index = Index(rows);

        var all = index.Bm25("t");
        var top = index.Bm25("t", limit: 4);

        Assert.Equal(50, all.Count);
        Assert.Equal(all.Take(4), top);
        Assert.True(all.Zip(all.Skip(1)).All(static p => p.First.Score > p.Second.Score || (p.First.Score == p.Second.Score && p.First.Row.CompareTo(p.Second.Row) < 0)));
    }

    [Fact]
    public void EqualScores_OrderByTheGivenTieBreak()
    {
        var index = Index(["k", "k", "k"]);
        var descending = Comparer<RowLocation>.Create(static (a, b) => b.Row.CompareTo(a.Row));

        Assert.Equal([0, 1, 2], index.Bm25("k").Select(static r => r.Row.Row));
        Assert.Equal([2, 1], index.Bm25("k", limit: 2, tieBreak: descending).Select(static r => r.Row.Row));
    }

    [Fact]
    public void Statistics_CountLiveRowsOnly_AndIgnoreTheFragmentSplit()
    {
        string?[] rows = ["x y", "x x z", "z w w w", "x", "w y", "y y y y x"];
        var whole = Index(rows);
        var split = TextIndex.Create(s_words, [Fragment(rows[..2]), Fragment(rows[2..3]), Fragment(rows[3..])]);
        var afterDelete = TextIndex.Create(s_words, [Fragment(rows)], [RowSet.FromRows(rows.Length, [1, 4])]);
        string?[] survivors = ["x y", "z w w w", "x", "y y y y x"];

        Assert.Equal(whole.Bm25("x w").Select(static r => r.Score), split.Bm25("x w").Select(static r => r.Score));
        Assert.Equal(Index(survivors).Bm25("x w y").Select(static r => r.Score), afterDelete.Bm25("x w y").Select(static r => r.Score));
        Assert.Equal(4, afterDelete.LiveDocuments);
        Assert.Equal(2 + 4 + 1 + 5, afterDelete.LiveLength);
    }

    [Fact]
    public void Filter_NarrowsTheCandidates_NotTheStatistics()
    {
        string?[] rows = ["x", "x y", "y", "x x"];
        var index = Index(rows);
        var filter = new RowFilter([RowSet.FromRows(4, [1, 2])]);

        var filtered = index.Bm25("x", filter: filter);

        Assert.Equal([new RowLocation(0, 1)], filtered.Select(static r => r.Row));
        Assert.Equal(index.Bm25("x").Single(static r => r.Row.Row == 1).Score, filtered[0].Score);
    }

    [Fact]
    public void Parameters_ChangeTheScores_AndAreValidated()
    {
        string?[] rows = ["x y y y", "x"];
        var fragment = Fragment(rows);
        var flat = TextIndex.Create(s_words, [fragment], parameters: new Bm25Parameters(K1: 1.2, B: 0));

        // b = 0: no length normalization, so both rows (tf = 1) score the same and storage order decides.
        Assert.Equal(flat.Bm25("x")[0].Score, flat.Bm25("x")[1].Score);
        Assert.Equal(new RowLocation(0, 1), Index(rows).Bm25("x")[0].Row);
        Errors.Expect(SearchErrorCodes.OptionsInvalid, () => TextIndex.Create(s_words, [fragment], parameters: new Bm25Parameters(K1: -1)));
        Errors.Expect(SearchErrorCodes.OptionsInvalid, () => TextIndex.Create(s_words, [fragment], parameters: new Bm25Parameters(B: 1.5)));
        Errors.Expect(SearchErrorCodes.OptionsInvalid, () => TextIndex.Create(s_words, [fragment], parameters: new Bm25Parameters(K1: double.NaN)));
    }

    [Fact]
    public void RepeatedQueryTerms_CountOnce()
    {
        var index = Index(["x y", "y z"]);

        Assert.Equal(index.Bm25("x"), index.Bm25("x x x"));
    }

    private static FragmentTextIndex Fragment(string?[] rows) => FragmentTextIndex.Build(Columns.Text(rows), s_words);

    private static TextIndex Index(string?[] rows) => TextIndex.Create(s_words, [Fragment(rows)]);
}

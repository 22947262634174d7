namespace OmniGraph.Search.Tests.Text;

/// <summary>A table version's text index from its fragments: appends and deletions reuse every untouched fragment's index.</summary>
public sealed class TextIndexVersionTests
{
    private static readonly TextAnalyzer s_analyzer = TextAnalyzers.Default;

    [Fact]
    public void FragmentIndex_HoldsASortedDictionary_FrequenciesAndRowLengths()
    {
        var fragment = FragmentTextIndex.Build(Columns.Text("Graphs of graphs", null, "", "the the", "Vector graph"), s_analyzer);

        Assert.Equal(["graph", "vector"], Enumerable.Range(0, fragment.TermCount).Select(t => fragment.Term(t).ToString()));
        Assert.Equal(2, fragment.DocumentFrequency(fragment.FindTerm("graph")));
        Assert.Equal(-1, fragment.FindTerm("graphs"));
        Assert.Equal([2, 0, 0, 0, 2], Enumerable.Range(0, 5).Select(fragment.RowLength));
        Assert.Equal(5, fragment.RowCount);
        Assert.Equal(2, fragment.DocumentCount);
        Assert.Equal(4, fragment.TotalLength);
        Assert.Equal("english", fragment.AnalyzerName);
        Assert.True(fragment.EstimatedBytes > 0);
    }

    [Fact]
    public void Append_EqualsBuildingTheWholeVersion()
    {
        var random = new Random(21);
        var parts = Enumerable.Range(0, 4).Select(_ => RandomCorpus.Fragment(random, 60)).ToArray();
        var fragments = parts.Select(p => FragmentTextIndex.Build(Columns.Text(p), s_analyzer)).ToArray();
        var grown = TextIndex.Create(s_analyzer, fragments[..1]);
        for (var f = 1; f < fragments.Length; f++)
        {
            grown = grown.Append(fragments[f]);
        }

        var whole = TextIndex.Create(s_analyzer, fragments);
        foreach (var query in new[] { "graph", "deep learning", "vector search", "merged branch" })
        {
            Assert.Equal(whole.Search(query), grown.Search(query));
            Assert.Equal(whole.Bm25(query), grown.Bm25(query));
        }

        Assert.Equal(whole.LiveDocuments, grown.LiveDocuments);
        Assert.All(Enumerable.Range(0, fragments.Length), f => Assert.Same(fragments[f], grown.Fragments[f]));
    }

    [Fact]
    public void WithDeletions_HidesRowsFromEveryFunction_AndKeepsOlderVersionsIntact()
    {
        var before = TextIndex.Create(s_analyzer, [FragmentTextIndex.Build(Columns.Text("graph search", "graph index", "graph"), s_analyzer)]);

        var after = before.WithDeletions(0, RowSet.FromRows(3, [0]));

        Assert.Equal([new RowLocation(0, 1), new RowLocation(0, 2)], after.Search("graph"));
        Assert.Empty(after.MatchPhrase("graph search"));
        Assert.Empty(after.Fuzzy("serch"));
        Assert.DoesNotContain(after.Bm25("graph search"), static r => r.Row.Row == 0);
        Assert.Equal(3, before.Search("graph").Count);
        Assert.Equal(3, after.WithDeletions(0, null).Search("graph").Count);
    }

    [Fact]
    public void Version_RefusesFragmentsOfAnotherAnalyzer_AndMasksOfTheWrongShape()
    {
        var english = FragmentTextIndex.Build(Columns.Text("a graph"), s_analyzer);
        var simple = FragmentTextIndex.Build(Columns.Text("a graph"), TextAnalyzers.Get("simple"));

        Errors.Expect(SearchErrorCodes.AnalyzerMismatch, () => TextIndex.Create(s_analyzer, [english, simple]));
        Errors.Expect(SearchErrorCodes.AnalyzerMismatch, () => TextIndex.Create(s_analyzer, [english]).Append(simple));
        Errors.Expect(SearchErrorCodes.ShapeMismatch, () => TextIndex.Create(s_analyzer, [english], [null, null]));
        Errors.Expect(SearchErrorCodes.ShapeMismatch, () => TextIndex.Create(s_analyzer, [english], [RowSet.FromRows(2, [1])]));
    }

    [Fact]
    public void EmptyVersion_MatchesNothing()
    {
        var index = TextIndex.Create(s_analyzer, []);

        Assert.Empty(index.Search("graph"));
        Assert.Empty(index.Bm25("graph"));
        Assert.Empty(index.Fuzzy("graph"));
    }
}

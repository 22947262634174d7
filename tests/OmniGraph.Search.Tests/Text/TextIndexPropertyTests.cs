namespace OmniGraph.Search.Tests.Text;

/// <summary>
/// search, match_text, fuzzy and bm25 against <see cref="TextReference"/> on seeded random corpora split into
/// fragments, with deleted rows and query filters: the index must give exactly the reference's rows (and scores).
/// </summary>
public sealed class TextIndexPropertyTests
{
    public static TheoryData<int, string> Cases() => new()
    {
        { 1, "english" },
        { 2, "english" },
        { 3, "whitespace" },
        { 4, "simple" },
        { 5, "english_snowball" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryFunction_EqualsTheReference(int seed, string analyzerName)
    {
        var random = new Random(seed);
        var analyzer = TextAnalyzers.Get(analyzerName);
        var fragments = Enumerable.Range(0, 3).Select(_ => RandomCorpus.Fragment(random, random.Next(1, 150))).ToArray();
        var deleted = fragments.Select(f => RandomCorpus.Deletions(random, f.Length, random.Next(3) * 0.1)).ToArray();
        var index = TextIndex.Create(analyzer, [.. fragments.Select(f => FragmentTextIndex.Build(Columns.Text(f), analyzer))], deleted);
        var reference = new TextReference(analyzer, fragments, deleted);
        var filter = new RowFilter([.. fragments.Select((f, i) => i == 1 ? null : RandomCorpus.Filter(random, f.Length, 0.5))]);
        bool Admitted(RowLocation row) => filter[row.Fragment]?.Contains(row.Row) ?? true;

        for (var q = 0; q < 40; q++)
        {
            var query = string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomCorpus.Word(random)));
            Assert.Equal(reference.Search(query), index.Search(query));
            Assert.Equal(reference.Search(query, Admitted), index.Search(query, filter));
            Assert.Equal(reference.Phrase(query), index.MatchPhrase(query));
            Assert.Equal(reference.Phrase(query, Admitted), index.MatchPhrase(query, filter));
            Assert.Equal(reference.Fuzzy(query, null), index.Fuzzy(query));
            Assert.Equal(reference.Fuzzy(query, 1, Admitted), index.Fuzzy(query, 1, filter));
            AssertRanked(reference.Bm25(query), index.Bm25(query));
            AssertRanked(reference.Bm25(query, Admitted), index.Bm25(query, filter: filter));
            AssertRanked([.. reference.Bm25(query).Take(5)], index.Bm25(query, limit: 5));
        }
    }

    [Fact]
    public void Phrase_RecurringInARow_AndRepeatedTerms()
    {
        var analyzer = TextAnalyzers.Get("whitespace");
        string?[] rows = ["a b a b c", "b a", "a a b", "a b", "c a b a b"];
        var index = TextIndex.Create(analyzer, [FragmentTextIndex.Build(Columns.Text(rows), analyzer)]);
        var reference = new TextReference(analyzer, [rows]);

        foreach (var query in new[] { "a b", "b a", "a b a", "a a", "b a b", "a b c", "c a b a b", "a b a b c d" })
        {
            Assert.Equal(reference.Phrase(query), index.MatchPhrase(query));
        }

        Assert.Equal([new RowLocation(0, 0), new RowLocation(0, 4)], index.MatchPhrase("a b a"));
    }

    [Fact]
    public void Phrase_AStopWordKeepsItsSlot()
    {
        var analyzer = TextAnalyzers.Default;
        var index = TextIndex.Create(analyzer, [FragmentTextIndex.Build(Columns.Text("deep networks of layers", "deep networks layers", "networks with many layers"), analyzer)]);

        Assert.Equal([new RowLocation(0, 0)], index.MatchPhrase("networks with layers"));
        Assert.Equal([new RowLocation(0, 1)], index.MatchPhrase("networks layers"));
        Assert.Equal([new RowLocation(0, 2)], index.MatchPhrase("Networks with many Layers"));
    }

    [Fact]
    public void OnlyStopWords_MatchNothing()
    {
        var index = SearchFixture.BodyIndex();

        Assert.Empty(index.Search("the and of"));
        Assert.Empty(index.MatchPhrase("to the"));
        Assert.Empty(index.Fuzzy("with"));
        Assert.Empty(index.Bm25("a"));
    }

    [Fact]
    public void FuzzyExpansions_AreExactlyTheDictionaryTermsWithinTheBudget()
    {
        var random = new Random(11);
        var analyzer = TextAnalyzers.Get("whitespace");
        var words = Enumerable.Range(0, 600).Select(_ => new string([.. Enumerable.Range(0, random.Next(1, 9)).Select(_ => (char)('a' + random.Next(4)))])).ToArray();
        var index = TextIndex.Create(analyzer, [FragmentTextIndex.Build(Columns.Text(string.Join(' ', words)), analyzer)]);
        var dictionary = words.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

        for (var q = 0; q < 60; q++)
        {
            var query = new string([.. Enumerable.Range(0, random.Next(1, 8)).Select(_ => (char)('a' + random.Next(4)))]);
            for (var edits = 0; edits <= 2; edits++)
            {
                var expected = dictionary.Where(term => TextReference.Levenshtein(query, term) <= edits).ToArray();
                Assert.Equal(expected, index.FuzzyExpansions(0, query, edits));
            }
        }
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 1)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(20, 2)]
    public void AutoEdits_GrowWithTheTermLength(int length, int edits)
    {
        Assert.Equal(edits, TextIndex.AutoEdits(length));
    }

    [Fact]
    public void Fuzzy_DefaultBudget_FollowsTheQueryTermLength()
    {
        var analyzer = TextAnalyzers.Get("simple");
        var index = TextIndex.Create(analyzer, [FragmentTextIndex.Build(Columns.Text("ox", "cat", "network", "networks"), analyzer)]);

        Assert.Empty(index.Fuzzy("ax"));                                   // 2 letters: exact only
        Assert.Equal([new RowLocation(0, 1)], index.Fuzzy("cot"));          // 3 letters: 1 edit
        Assert.Empty(index.Fuzzy("cog"));                                  // 2 edits from "cat"
        Assert.Equal([new RowLocation(0, 2), new RowLocation(0, 3)], index.Fuzzy("netwrk"));    // 6 letters: 2 edits
        Assert.Equal([new RowLocation(0, 0)], index.Fuzzy("ax", 1));        // an explicit budget wins
        Assert.Equal([new RowLocation(0, 2)], index.Fuzzy("network", 0));
    }

    [Fact]
    public void Fuzzy_NeedsEveryQueryTerm()
    {
        var analyzer = TextAnalyzers.Get("simple");
        var index = TextIndex.Create(analyzer, [FragmentTextIndex.Build(Columns.Text("graph search", "graph index", "serch"), analyzer)]);

        Assert.Equal([new RowLocation(0, 0)], index.Fuzzy("grap serch"));
    }

    private static void AssertRanked(IReadOnlyList<ScoredRow> expected, IReadOnlyList<ScoredRow> actual)
    {
        Assert.Equal(expected.Select(static r => r.Row), actual.Select(static r => r.Row));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Score, actual[i].Score, 9);
        }
    }
}

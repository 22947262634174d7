namespace OmniGraph.Search.Tests.Text;

/// <summary>Bad input to the text functions: typed refusals, and the index still answers afterwards.</summary>
public sealed class TextIndexErrorTests
{
    private readonly TextIndex _index = SearchFixture.TitleIndex();

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void EmptyQuery_IsRefusedByEveryFunction(string query)
    {
        Errors.Expect(SearchErrorCodes.QueryEmpty, () => _index.Search(query));
        Errors.Expect(SearchErrorCodes.QueryEmpty, () => _index.MatchPhrase(query));
        Errors.Expect(SearchErrorCodes.QueryEmpty, () => _index.Fuzzy(query));
        Errors.Expect(SearchErrorCodes.QueryEmpty, () => _index.Bm25(query));
        Errors.Expect(SearchErrorCodes.QueryEmpty, () => _index.Search(null!));
    }

    [Fact]
    public void HugeQuery_IsRefused_ByCharactersAndByTerms()
    {
        var tooLong = new string('x', SearchLimits.MaxQueryChars + 1);
        var tooManyTerms = string.Join(' ', Enumerable.Range(0, SearchLimits.MaxQueryTerms + 1).Select(static i => $"w{i}"));

        Errors.Expect(SearchErrorCodes.QueryTooLong, () => _index.Search(tooLong));
        Errors.Expect(SearchErrorCodes.QueryTooLong, () => _index.Bm25(tooManyTerms));
        Assert.Empty(_index.Search(string.Join(' ', Enumerable.Range(0, SearchLimits.MaxQueryTerms).Select(static i => $"w{i}"))));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Bm25_LimitBelowOne_IsRefused(int limit)
    {
        Errors.Expect(SearchErrorCodes.LimitInvalid, () => _index.Bm25("learning", limit));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void Fuzzy_EditBudgetOutOfRange_IsRefused(int edits)
    {
        Errors.Expect(SearchErrorCodes.FuzzyEditsInvalid, () => _index.Fuzzy("learning", edits));
    }

    [Fact]
    public void Filter_OfTheWrongShape_IsRefused()
    {
        Errors.Expect(SearchErrorCodes.ShapeMismatch, () => _index.Search("learning", new RowFilter([null, null])));
        Errors.Expect(SearchErrorCodes.ShapeMismatch, () => _index.Bm25("learning", filter: new RowFilter([RowSet.All(4)])));
    }

    [Fact]
    public void NonTextColumn_IsRefused()
    {
        Errors.Expect(SearchErrorCodes.NotTextColumn, () => FragmentTextIndex.Build(Columns.Integers(1, 2), TextAnalyzers.Default));
    }

    [Fact]
    public void AfterRefusals_TheIndexStillAnswers()
    {
        Errors.Expect(SearchErrorCodes.QueryEmpty, () => _index.Search(" "));

        Assert.Equal(3, _index.Search("learning").Count);
    }
}

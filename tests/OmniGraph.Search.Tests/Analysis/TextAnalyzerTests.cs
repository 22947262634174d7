namespace OmniGraph.Search.Tests.Analysis;

public sealed class TextAnalyzerTests
{
    [Fact]
    public void English_LowercasesStemsAndDropsStopWords_KeepingTheirPositions()
    {
        var tokens = TextAnalyzers.Default.Analyze("Introduction to Machine Learning");

        Assert.Equal([new("introduct", 0), new("machin", 2), new("learn", 3)], tokens);
    }

    [Fact]
    public void English_RemovesPossessives()
    {
        Assert.Equal(["alic", "graph"], TextAnalyzers.Default.Analyze("Alice's graphs").Select(static t => t.Term));
    }

    [Fact]
    public void Standard_DoesNotStem_Simple_KeepsStopWords_Whitespace_KeepsCase()
    {
        Assert.Equal(["running", "graphs"], TextAnalyzers.Get("standard").Analyze("Running the graphs").Select(static t => t.Term));
        Assert.Equal(["running", "the", "graphs"], TextAnalyzers.Get("simple").Analyze("Running the graphs").Select(static t => t.Term));
        Assert.Equal(["Running", "the", "Graphs!"], TextAnalyzers.Get("whitespace").Analyze("Running the Graphs!").Select(static t => t.Term));
    }

    [Fact]
    public void EnglishSnowball_StemsWithPorter2()
    {
        // Porter2 keeps "generously" apart from "generate", where Porter conflates more aggressively.
        Assert.Equal(["generous"], TextAnalyzers.Get("english_snowball").Analyze("generously").Select(static t => t.Term));
    }

    [Fact]
    public void Names_AreSortedAndEachResolves()
    {
        Assert.Equal(TextAnalyzers.Names.Order(StringComparer.Ordinal), TextAnalyzers.Names);
        Assert.Contains(TextAnalyzers.DefaultName, TextAnalyzers.Names);
        Assert.All(TextAnalyzers.Names, static name => Assert.Equal(name, TextAnalyzers.Get(name).Name));
        Assert.Same(TextAnalyzers.Get("german"), TextAnalyzers.Get("german"));
    }

    [Fact]
    public void UnknownAnalyzer_IsATypedError_NamingTheKnownOnes()
    {
        var error = Errors.Expect(SearchErrorCodes.AnalyzerUnknown, () => TextAnalyzers.Get("klingon"));

        Assert.Contains("english", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Café naïve résumé — déjà vu")]
    [InlineData("日本語のテキスト and English")]
    [InlineData("")]
    public void AnalyzeUtf8_EqualsAnalyzingTheString(string text)
    {
        var sink = new Collect();
        TextAnalyzers.Default.AnalyzeUtf8(System.Text.Encoding.UTF8.GetBytes(text), sink);

        Assert.Equal(TextAnalyzers.Default.Analyze(text), sink.Tokens);
    }

    [Fact]
    public void ConcurrentAnalysis_GivesTheSameTokens()
    {
        var texts = Enumerable.Range(0, 200).Select(static i => $"document {i} about searching graphs and indexing vectors {i * 7}").ToArray();
        var expected = texts.Select(static t => TextAnalyzers.Default.Analyze(t)).ToArray();
        var actual = new IReadOnlyList<AnalyzedToken>[texts.Length];

        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => actual[i] = TextAnalyzers.Default.Analyze(texts[i]));

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }
    }

    private sealed class Collect : ITokenSink
    {
        public List<AnalyzedToken> Tokens { get; } = [];

        public void OnToken(ReadOnlySpan<char> term, int position) => Tokens.Add(new AnalyzedToken(term.ToString(), position));
    }
}

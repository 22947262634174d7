using OmniGraph.Execution.Tests.Support;
using OmniGraph.Search.Embeddings;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Execution.Tests.Acceptance;

/// <summary>
/// Acceptance cases AC-49 to AC-51 (vector nearest, filtered nearest, reciprocal rank fusion, full-text search) through
/// the query grain, as a user's query runs; the case files under tests/cases/functions pin each function's rules.
/// </summary>
[Collection(QueryClusterCollection.Name)]
public sealed class SearchTests(QueryCluster cluster)
{
    private const string StatusSchema = "node Doc { slug: String @key  status: String  embedding: Vector(4) }";

    private const string StatusData = """
        {"type":"Doc","data":{"slug":"miss-1","status":"miss","embedding":[1,0.01,0,0]}}
        {"type":"Doc","data":{"slug":"miss-2","status":"miss","embedding":[1,0,0.02,0]}}
        {"type":"Doc","data":{"slug":"miss-3","status":"miss","embedding":[1,0,0,0.03]}}
        {"type":"Doc","data":{"slug":"hit-1","status":"hit","embedding":[-1,0.01,0,0]}}
        {"type":"Doc","data":{"slug":"hit-2","status":"hit","embedding":[-1,0,0.02,0]}}
        {"type":"Doc","data":{"slug":"hit-3","status":"hit","embedding":[-1,0,0,0.03]}}
        """;

    [Fact]
    public async Task Ac49_NearestReturnsTheKClosest()
    {
        var graph = await cluster.NewGraphAsync(AcceptanceFixtures.SearchSchema, AcceptanceFixtures.SearchData);
        var result = await graph.QueryAsync(
            "query vector_search($q: Vector(4)) { match { $d: Doc } return { $d.slug, $d.title } order { nearest($d.embedding, $q) } limit 3 }",
            """{"q":[0.1,0.2,0.3,0.4]}""");
        Assert.Equal(["ml-intro", "nlp-guide", "rl-intro"], result.First());
    }

    [Theory]
    [InlineData("$d: Doc { status: \"hit\" }")]
    [InlineData("$d: Doc  $d.status = \"hit\"")]
    [InlineData("$d: Doc  $d.status <= \"hit\"")]
    public async Task Ac49_FilteredNearest_FiltersBeforeTheTopK(string match)
    {
        // The three nearest rows overall are misses: a top-k filtered afterwards would return nothing.
        var graph = await cluster.NewGraphAsync(StatusSchema, StatusData);
        var result = await graph.QueryAsync(
            $"query q($q: Vector(4)) {{ match {{ {match} }} return {{ $d.slug }} order {{ nearest($d.embedding, $q) }} limit 3 }}",
            """{"q":[1,0,0,0]}""");
        Assert.Equal(["hit-1", "hit-2", "hit-3"], result.First());
    }

    [Fact]
    public async Task Ac49_NearestWithoutLimit_IsRefused()
    {
        var graph = await cluster.NewGraphAsync(AcceptanceFixtures.SearchSchema, AcceptanceFixtures.SearchData);
        var error = await Assert.ThrowsAsync<Query.QueryTypeException>(() => graph.QueryAsync(
            "query q($q: Vector(4)) { match { $d: Doc } return { $d.slug } order { nearest($d.embedding, $q) } }"));
        Assert.Equal(Query.TypeRule.T17, error.Rule);
        Assert.Contains("requires a limit clause", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ac50_RrfFusesTwoVectorQueries()
    {
        var graph = await cluster.NewGraphAsync(AcceptanceFixtures.SearchSchema, AcceptanceFixtures.SearchData);
        var result = await graph.QueryAsync(
            "query q($q1: Vector(4), $q2: Vector(4)) { match { $d: Doc } return { $d.slug } order { rrf(nearest($d.embedding, $q1), nearest($d.embedding, $q2)) } limit 3 }",
            """{"q1":[0.1,0.2,0.3,0.4],"q2":[0.5,0.6,0.7,0.8]}""");
        Assert.Equal(["rl-intro", "ml-intro", "dl-basics"], result.First());
    }

    [Theory]
    [InlineData("match_text($d.body, $q)", "neural", "dl-basics")]
    [InlineData("match_text($d.body, $q)", "neural networks", "dl-basics")]
    [InlineData("match_text($d.body, $q)", "networks layers", "")]
    [InlineData("search($d.title, $q)", "xyznonexistent", "")]
    [InlineData("search($d.title, $q)", "Learning", "dl-basics,ml-intro,rl-intro")]
    [InlineData("fuzzy($d.title, $q, 2)", "Introductio", "ml-intro,rl-intro")]
    public async Task Ac51_TextMatches(string clause, string query, string expected)
    {
        var graph = await cluster.NewGraphAsync(AcceptanceFixtures.SearchSchema, AcceptanceFixtures.SearchData);
        var result = await graph.QueryAsync($"query q($q: String) {{ match {{ $d: Doc  {clause} }} return {{ $d.slug, $d.title }} }}", $$"""{"q":"{{query}}"}""");
        Assert.Equal(expected.Length == 0 ? [] : expected.Split(','), result.FirstSet());
    }

    [Fact]
    public async Task Ac51_Bm25_RanksTheMatchingRows()
    {
        var graph = await cluster.NewGraphAsync(AcceptanceFixtures.SearchSchema, AcceptanceFixtures.SearchData);
        var result = await graph.QueryAsync(
            "query q($q: String) { match { $d: Doc } return { $d.slug } order { bm25($d.title, $q) } limit 3 }", """{"q":"Learning"}""");

        // Equal scores (one occurrence in three-term titles) are ordered by id.
        Assert.Equal(["dl-basics", "ml-intro", "rl-intro"], result.First());
    }

    [Fact]
    public async Task Ac51_AnInsertedRow_IsSearchableAtOnce()
    {
        var graph = await cluster.NewGraphAsync(AcceptanceFixtures.SearchSchema, AcceptanceFixtures.SearchData);
        const string Search = "query q($q: String) { match { $d: Doc  search($d.title, $q) } return { $d.slug } }";
        Assert.Empty((await graph.QueryAsync(Search, """{"q":"Quasar"}""")).Rows);

        await graph.MutateAsync("""
            query add() { insert Doc { slug: "quasar-notes", title: "Quasar Notes", body: "Notes on quasars", embedding: [0.9, 0.1, 0.1, 0.1] } }
            """);
        Assert.Equal(["quasar-notes"], (await graph.QueryAsync(Search, """{"q":"Quasar"}""")).First());

        await graph.MutateAsync("""query del() { delete Doc where slug = "quasar-notes" }""");
        Assert.Empty((await graph.QueryAsync(Search, """{"q":"Quasar"}""")).Rows);
    }

    [Fact]
    public async Task NearestWithText_EmbedsTheQueryWithTheConfiguredProvider()
    {
        var graph = await cluster.NewGraphAsync(AcceptanceFixtures.SearchSchema, AcceptanceFixtures.SearchData);
        var result = await graph.QueryAsync(
            "query q($q: String) { match { $d: Doc } return { $d.slug } order { nearest($d.embedding, $q) } limit 5 }", """{"q":"machine learning"}""");

        // The expected order, computed from the mock provider's vector (the test cluster configures the mock).
        var query = MockEmbeddingGenerator.Embed("machine learning", 4);
        var expected = new (string Slug, float[] V)[]
        {
            ("ml-intro", [0.1f, 0.2f, 0.3f, 0.4f]), ("dl-basics", [0.5f, 0.6f, 0.7f, 0.8f]), ("nlp-guide", [0.2f, 0.3f, 0.4f, 0.5f]),
            ("cv-overview", [0.8f, 0.7f, 0.6f, 0.5f]), ("rl-intro", [0.3f, 0.4f, 0.5f, 0.6f]),
        }.OrderBy(d => System.Numerics.Tensors.TensorPrimitives.Distance(query, d.V)).Select(static d => (string?)d.Slug).ToList();
        Assert.Equal(expected, result.First());
    }

    [Fact]
    public async Task BadSearchInput_IsATypedErrorAndWritesNothing()
    {
        var graph = await cluster.NewGraphAsync(AcceptanceFixtures.SearchSchema, AcceptanceFixtures.SearchData);
        await ErrorAssert.ThrowsAsync(OmniGraph.ErrorCodes.SearchQueryEmpty, () => graph.QueryAsync(
            "query q($q: String) { match { $d: Doc  search($d.title, $q) } return { $d.slug } }", """{"q":""}"""));
        await ErrorAssert.ThrowsAsync(OmniGraph.ErrorCodes.SearchQueryTooLong, () => graph.QueryAsync(
            "query q($q: String) { match { $d: Doc } return { $d.slug } order { bm25($d.title, $q) } }", $$"""{"q":"{{new string('a', 20_000)}}"}"""));
        await ErrorAssert.ThrowsAsync(OmniGraph.ErrorCodes.SearchVectorDimensionMismatch, () => graph.QueryAsync(
            "query q($q: [F64]) { match { $d: Doc } return { $d.slug } order { nearest($d.embedding, $q) } limit 2 }", """{"q":[1,2]}"""));
        // 1e39 is a finite F64 but no Float32: the query vector's component becomes an infinity.
        await ErrorAssert.ThrowsAsync(OmniGraph.ErrorCodes.SearchVectorNotFinite, () => graph.QueryAsync(
            "query q($q: [F64]) { match { $d: Doc } return { $d.slug } order { nearest($d.embedding, $q) } limit 2 }", """{"q":[1e39,0,0,0]}"""));
        var rows = await graph.QueryAsync("query q() { match { $d: Doc } return { $d.slug } }");
        Assert.Equal(5, rows.Rows.Count);
    }
}

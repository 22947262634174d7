using OmniGraph.Execution.Tests.Support;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Execution.Tests.Acceptance;

/// <summary>Acceptance cases AC-17 to AC-19: numeric, boolean and date literals; exact string predicates; list membership.</summary>
[Collection(QueryClusterCollection.Name)]
public sealed class LiteralFilterTests(QueryCluster cluster)
{
    [Theory]
    [InlineData("$m: Metric  $m.score > 1.5", "m1,m3")]
    [InlineData("$m: Metric  $m.ratio <= 0.25", "m2,m4")]
    [InlineData("$m: Metric { score: 3.0 }", "m3")]
    [InlineData("$m: Metric { count: 2 }", "m2")]
    [InlineData("$m: Metric { ratio: 0.25 }", "m2")]
    [InlineData("$m: Metric  $m.count >= 3", "m3,m4")]
    [InlineData("$m: Metric { count: 2.7 }", "")]
    [InlineData("$m: Metric  $m.active = true", "m1,m3")]
    [InlineData("$m: Metric { active: true }", "m1,m3")]
    [InlineData("$m: Metric  $m.active != true", "m2,m4")]
    [InlineData("$m: Metric  $m.born >= date(\"2024-01-01\")", "m1,m3")]
    [InlineData("$m: Metric  $m.seen < datetime(\"2024-01-01T00:00:00Z\")", "m2,m4")]
    [InlineData("$m: Metric { born: date(\"2024-06-01\") }", "m1")]
    [InlineData("$m: Metric { seen: datetime(\"2024-06-01T12:00:00Z\") }", "m1")]
    public async Task Ac17_NumericBooleanAndDateLiteralFilters(string match, string expected)
    {
        var graph = await cluster.NewGraphAsync(AcceptanceFixtures.MetricSchema, AcceptanceFixtures.MetricData);
        var result = await graph.QueryAsync($"query x() {{ match {{ {match} }} return {{ $m.name }} }}");
        Assert.Equal(expected.Length == 0 ? [] : expected.Split(','), result.FirstSet());
    }

    [Theory]
    [InlineData("$m: Metric  $m.label starts_with \"alp\"", "m1,m2")]
    [InlineData("$m: Metric  $m.label contains \"ta r\"", "m3")]
    [InlineData("$m: Metric  $m.label contains \"a\"", "m1,m2,m3")]
    [InlineData("$m: Metric  $m.name starts_with \"m\"", "m1,m2,m3,m4")]
    [InlineData("$m: Metric  not { $m tagged $t  $t.tname contains \"sal\" }", "m2,m4")]
    [InlineData("$m: Metric  \"the alps are tall\" contains $m.label", "m2")]
    [InlineData("$m: Metric  $m.label starts_with $m.name", "")]
    [InlineData("$m: Metric  $m tagged $t  $t.tname starts_with \"alp\"", "m1")]
    [InlineData("$m: Metric  $m tagged $t  $t.tname contains \"sal\"", "m1,m3")]
    [InlineData("$m: Metric  not { $m tagged $t  $t.tname starts_with \"alp\" }", "m2,m3,m4")]
    [InlineData("$m: Metric  $m.label starts_with \"ALP\"", "")]
    [InlineData("$m: Metric  $m.label contains \"%\"", "")]
    public async Task Ac18_ExactStringPredicates(string match, string expected)
    {
        var graph = await cluster.NewGraphAsync(AcceptanceFixtures.MetricSchema, AcceptanceFixtures.MetricData);
        var result = await graph.QueryAsync($"query x() {{ match {{ {match} }} return {{ $m.name }} }}");
        Assert.Equal(expected.Length == 0 ? [] : expected.Split(','), result.FirstSet());
    }

    [Fact]
    public async Task Ac18_StringPredicatesWithParametersAndAcrossVariables()
    {
        var graph = await cluster.NewGraphAsync(AcceptanceFixtures.MetricSchema, AcceptanceFixtures.MetricData);
        Assert.Equal(["m1"], (await graph.QueryAsync("query x($q: String) { match { $m: Metric  $m.label starts_with $q } return { $m.name } }", """{"q":"alph"}""")).First());
        var pairs = await graph.QueryAsync("query x() { match { $a: Metric  $b: Metric  $b.label starts_with $a.label } return { $a.name, $b.name } }");
        Assert.Equal(["m1|m1", "m2|m2", "m3|m3"], pairs.Lines().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Ac18_StringPredicates_ComposeWithSearch()
    {
        var graph = await cluster.NewGraphAsync(AcceptanceFixtures.MetricSchema, AcceptanceFixtures.MetricData);

        // "alps" stems to "alp"; "alpha one" holds no such term, so the exact prefix and the token match differ.
        var rows = await graph.QueryAsync(
            "query x() { match { $m: Metric  search($m.label, \"alps\")  $m.label starts_with \"al\" } return { $m.name } }");
        Assert.Equal(["m2"], rows.Lines());
        var negated = await graph.QueryAsync(
            "query x() { match { $m: Metric  $m.label starts_with \"al\"  not { $n: Metric  search($n.label, \"alps\")  $n.name = $m.name } } return { $m.name } }");
        Assert.Equal(["m1"], negated.Lines());
    }

    [Fact]
    public async Task Ac19_ListMembershipWithContains()
    {
        var graph = await cluster.NewGraphAsync("node Doc { slug: String @key  tags: [String] }", """
            {"type":"Doc","data":{"slug":"alpha","tags":["red","blue"]}}
            {"type":"Doc","data":{"slug":"bravo","tags":["green"]}}
            {"type":"Doc","data":{"slug":"charlie","tags":["red","green"]}}
            {"type":"Doc","data":{"slug":"delta","tags":[]}}
            """);
        Assert.Equal(["alpha", "charlie"], (await graph.QueryAsync("query q($tag: String) { match { $d: Doc  $d.tags contains $tag } return { $d.slug } }", """{"tag":"red"}""")).FirstSet());
        Assert.Equal(["bravo", "charlie"], (await graph.QueryAsync("query q() { match { $d: Doc { tags: \"green\" } } return { $d.slug } }")).FirstSet());
    }
}

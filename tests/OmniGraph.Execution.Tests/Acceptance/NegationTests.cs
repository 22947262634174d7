using OmniGraph.Execution.Tests.Support;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Execution.Tests.Acceptance;

/// <summary>Acceptance cases AC-06 to AC-08: anti-joins, nested and under fan-out, and hop bounds inside negation.</summary>
[Collection(QueryClusterCollection.Name)]
public sealed class NegationTests(QueryCluster cluster)
{
    private const string DoubleNegation = "query q() { match { $p: Person  not { $p worksAt $c  not { $c.name = \"Acme\" } } } return { $p.name } }";

    [Fact]
    public async Task Ac06_NegationFamily()
    {
        var graph = await cluster.NewGraphAsync(AcceptanceFixtures.TestSchema, AcceptanceFixtures.TestData);
        Assert.Equal(["Charlie", "Diana"], (await graph.QueryAsync(AcceptanceFixtures.TestQueries, name: "unemployed")).FirstSet());
        Assert.Equal(["Bob", "Charlie", "Diana"], (await graph.QueryAsync("query q() { match { $p: Person  not { $p worksAt $c  $c.name = \"Acme\" } } return { $p.name } }")).FirstSet());
        Assert.Equal(["Alice", "Charlie", "Diana"], (await graph.QueryAsync(DoubleNegation)).FirstSet());
        Assert.Equal(["Charlie", "Diana"], (await graph.QueryAsync("query q() { match { $p: Person  not { $p worksAt $c  $c.name != \"\" } } return { $p.name } }")).FirstSet());
        Assert.Equal(["Bob", "Charlie", "Diana"], (await graph.QueryAsync("query q() { match { $p: Person  not { $p worksAt $c  $c: Company { name: \"Acme\" } } } return { $p.name } }")).FirstSet());

        var employed = await cluster.NewGraphAsync("node Person { name: String @key }  node Company { name: String @key }  edge WorksAt: Person -> Company", """
            {"type":"Person","data":{"name":"Alice"}}
            {"type":"Person","data":{"name":"Bob"}}
            {"type":"Company","data":{"name":"Acme"}}
            {"edge":"WorksAt","from":"Alice","to":"Acme"}
            {"edge":"WorksAt","from":"Bob","to":"Acme"}
            """);
        Assert.Equal(0, (await employed.QueryAsync(AcceptanceFixtures.TestQueries, name: "unemployed")).Count);
    }

    [Fact]
    public async Task Ac07_NestedAntiJoinUnderFanOut()
    {
        var graph = await cluster.NewGraphAsync(AcceptanceFixtures.TestSchema, """
            {"type":"Person","data":{"name":"p1"}}
            {"type":"Person","data":{"name":"p2"}}
            {"type":"Person","data":{"name":"p3"}}
            {"type":"Person","data":{"name":"p4"}}
            {"type":"Company","data":{"name":"Acme"}}
            {"type":"Company","data":{"name":"Globex"}}
            {"edge":"WorksAt","from":"p1","to":"Acme"}
            {"edge":"WorksAt","from":"p1","to":"Globex"}
            {"edge":"WorksAt","from":"p2","to":"Globex"}
            {"edge":"WorksAt","from":"p3","to":"Acme"}
            """);
        Assert.Equal(["p3", "p4"], (await graph.QueryAsync(DoubleNegation)).FirstSet());
    }

    [Fact]
    public async Task Ac08_AntiJoinRespectsHopBounds()
    {
        var graph = await cluster.NewGraphAsync(AcceptanceFixtures.TestSchema, """
            {"type":"Person","data":{"name":"a"}}
            {"type":"Person","data":{"name":"b"}}
            {"type":"Person","data":{"name":"c"}}
            {"type":"Person","data":{"name":"d"}}
            {"type":"Person","data":{"name":"e"}}
            {"edge":"Knows","from":"a","to":"b"}
            {"edge":"Knows","from":"c","to":"d"}
            {"edge":"Knows","from":"d","to":"e"}
            """);
        Assert.Equal(["a", "b", "d", "e"], (await graph.QueryAsync("query q() { match { $p: Person  not { $p knows{2,2} $x } } return { $p.name } }")).FirstSet());
    }
}

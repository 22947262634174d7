using OmniGraph.Execution.Tests.Support;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Execution.Tests.Acceptance;

/// <summary>Acceptance cases AC-05 and AC-09 to AC-14: hops, reverse and undirected traversals, cycles, joins, parallel edges.</summary>
[Collection(QueryClusterCollection.Name)]
public sealed class TraversalTests(QueryCluster cluster)
{
    private Task<TestGraph> StdAsync() => cluster.NewGraphAsync(AcceptanceFixtures.TestSchema, AcceptanceFixtures.TestData);

    [Fact]
    public async Task Ac05_OneHopReverseTwoHopsAndAlignedProjection()
    {
        var graph = await StdAsync();
        Assert.Equal(["Bob", "Charlie"], (await graph.QueryAsync(AcceptanceFixtures.TestQueries, """{"name":"Alice"}""", "friends_of")).FirstSet());
        Assert.Equal(["Alice"], (await graph.QueryAsync(AcceptanceFixtures.TestQueries, """{"company":"Acme"}""", "employees_of")).First());
        Assert.Equal(["Diana"], (await graph.QueryAsync(AcceptanceFixtures.TestQueries, """{"name":"Alice"}""", "friends_of_friends")).First());
        var chain = await graph.QueryAsync(
            "query fof_chain($name: String) { match { $p: Person { name: $name }  $p knows $mid  $mid knows $fof } return { $p.name, $mid.name, $fof.name } }",
            """{"name":"Alice"}""");
        Assert.Equal(["Alice|Bob|Diana"], chain.Lines());

        var lonely = await cluster.NewGraphAsync(AcceptanceFixtures.TestSchema, """
            {"type":"Person","data":{"name":"Alice","age":30}}
            {"type":"Person","data":{"name":"Bob","age":25}}
            {"type":"Company","data":{"name":"Acme"}}
            """);
        Assert.Equal(0, (await lonely.QueryAsync(AcceptanceFixtures.TestQueries, """{"name":"Alice"}""", "friends_of")).Count);
        Assert.Equal(["Alice", "Bob"], (await lonely.QueryAsync(AcceptanceFixtures.TestQueries, name: "unemployed")).FirstSet());
    }

    [Theory]
    [InlineData(1, 3, "B,C,D")]
    [InlineData(2, 3, "C,D")]
    [InlineData(2, 2, "C")]
    public async Task Ac09_VariableLengthHopsOnAChain(int min, int max, string expected)
    {
        var graph = await cluster.NewGraphAsync(AcceptanceFixtures.ChainSchema, """
            {"type":"Person","data":{"name":"A"}}
            {"type":"Person","data":{"name":"B"}}
            {"type":"Person","data":{"name":"C"}}
            {"type":"Person","data":{"name":"D"}}
            {"edge":"Knows","from":"A","to":"B"}
            {"edge":"Knows","from":"B","to":"C"}
            {"edge":"Knows","from":"C","to":"D"}
            """);
        var result = await graph.QueryAsync($"query q($name: String) {{ match {{ $p: Person {{ name: $name }}  $p knows{{{min},{max}}} $f }} return {{ $f.name }} }}", """{"name":"A"}""");
        Assert.Equal(expected.Split(','), result.First().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Ac10_CyclesAndSelfLoopsTerminateAndDeduplicate()
    {
        var cycle = await cluster.NewGraphAsync(AcceptanceFixtures.TestSchema, """
            {"type":"Person","data":{"name":"a"}}
            {"type":"Person","data":{"name":"b"}}
            {"type":"Person","data":{"name":"c"}}
            {"edge":"Knows","from":"a","to":"b"}
            {"edge":"Knows","from":"b","to":"c"}
            {"edge":"Knows","from":"c","to":"a"}
            """);
        Assert.Equal(["b", "c"], (await cycle.QueryAsync("query q() { match { $p: Person { name: \"a\" }  $p knows{1,5} $f } return { $f.name } order { $f.name } }")).First());

        var loop = await cluster.NewGraphAsync(AcceptanceFixtures.TestSchema, """
            {"type":"Person","data":{"name":"a"}}
            {"type":"Person","data":{"name":"b"}}
            {"edge":"Knows","from":"a","to":"a"}
            {"edge":"Knows","from":"a","to":"b"}
            """);
        foreach (var traversal in new[] { "$p knows{1,5} $f", "$p knows $f", "$p <knows> $f", "$p $w:knows $f" })
        {
            var result = await loop.QueryAsync($"query q() {{ match {{ $p: Person {{ name: \"a\" }}  {traversal} }} return {{ $f.name }} order {{ $f.name }} }}");
            Assert.Equal(["a", "b"], result.First());
        }
    }

    [Fact]
    public async Task Ac11_UndirectedTraversalHasSetSemantics()
    {
        var graph = await StdAsync();
        const string directed = "query q() { match { $p: Person { name: \"Bob\" }  $p knows $f } return { $f.name } }";
        const string undirected = "query q() { match { $p: Person { name: \"Bob\" }  $p <knows> $f } return { $f.name } }";
        Assert.Equal(["Diana"], (await graph.QueryAsync(directed)).First());
        Assert.Equal(["Alice", "Diana"], (await graph.QueryAsync(undirected)).First().Order(StringComparer.Ordinal));
        Assert.Equal(["Alice", "Bob"], (await graph.QueryAsync("query q() { match { $p: Person { name: \"Charlie\" }  $p <knows>{1,2} $f } return { $f.name } }")).FirstSet());
        Assert.Equal(["Charlie", "Diana"], (await graph.QueryAsync("query q() { match { $p: Person  not { $p knows $x } } return { $p.name } }")).FirstSet());
        Assert.Equal(0, (await graph.QueryAsync("query q() { match { $p: Person  not { $p <knows> $x } } return { $p.name } }")).Count);

        await graph.LoadAsync("""{"edge":"Knows","from":"Diana","to":"Bob"}""", Abstractions.GraphLoadMode.Merge);
        Assert.Equal(["Alice", "Diana"], (await graph.QueryAsync(undirected)).First().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Ac12_DestinationBindingsConstrainJoins()
    {
        var graph = await StdAsync();
        Assert.Equal(["Alice"], (await graph.QueryAsync("query q() { match { $p: Person  $p worksAt $c  $c: Company { name: \"Acme\" } } return { $p.name } }")).First());
        Assert.Equal(["Alice|Acme", "Bob|Globex"], (await graph.QueryAsync("query q() { match { $p: Person  $p worksAt $c  $c: Company } return { $p.name, $c.name } }")).Lines().Order(StringComparer.Ordinal));
        Assert.Equal(["Diana"], (await graph.QueryAsync(
            "query q($name: String, $mid_name: String) { match { $p: Person { name: $name }  $p knows $mid  $mid: Person { name: $mid_name }  $mid knows $fof } return { $fof.name } }",
            """{"name":"Alice","mid_name":"Bob"}""")).First());
        Assert.Equal(["Bob|Globex"], (await graph.QueryAsync(
            "query q($company: String) { match { $p: Person  $p worksAt $c  $c: Company { name: $company } } return { $p.name, $c.name } }",
            """{"company":"Globex"}""")).Lines());
        Assert.Equal(["Bob|Acme", "Charlie|Acme"], (await graph.QueryAsync(
            "query q($name: String) { match { $p: Person { name: $name }  $p knows $f  $p worksAt $c } return { $f.name, $c.name } }",
            """{"name":"Alice"}""")).Lines().Order(StringComparer.Ordinal));
        Assert.Equal(0, (await graph.QueryAsync("query q() { match { $p: Person  $p worksAt $c  $c: Company { name: \"NonExistent\" } } return { $p.name } }")).Count);
    }

    [Fact]
    public async Task Ac13_NoCrossTypeIdBleed()
    {
        var graph = await cluster.NewGraphAsync("node Person { name: String @key }  node Company { name: String @key }  edge WorksAt: Person -> Company", """
            {"type":"Person","data":{"name":"alice"}}
            {"type":"Person","data":{"name":"shared"}}
            {"type":"Company","data":{"name":"shared"}}
            {"type":"Company","data":{"name":"other"}}
            {"edge":"WorksAt","from":"alice","to":"shared"}
            {"edge":"WorksAt","from":"shared","to":"other"}
            """);
        var result = await graph.QueryAsync("query q($name: String) { match { $p: Person { name: $name }  $p worksAt{1,2} $c } return { $c.name } }", """{"name":"alice"}""");
        Assert.Equal(["shared"], result.First());
    }

    [Fact]
    public async Task Ac14_ParallelEdges_UnboundTraversalIsASetOfPairs()
    {
        var graph = await cluster.NewGraphAsync("node Person { name: String @key }  node Company { name: String @key }  edge WorksAt: Person -> Company", """
            {"type":"Person","data":{"name":"Alice"}}
            {"type":"Company","data":{"name":"Acme"}}
            {"edge":"WorksAt","from":"Alice","to":"Acme"}
            {"edge":"WorksAt","from":"Alice","to":"Acme"}
            """);
        Assert.Equal(["Acme"], (await graph.QueryAsync("query q($name: String) { match { $p: Person { name: $name }  $p worksAt $c } return { $c.name } }", """{"name":"Alice"}""")).First());
        Assert.Equal(2, (await graph.QueryAsync("query q($name: String) { match { $p: Person { name: $name }  $p $w:worksAt $c } return { $c.name } }", """{"name":"Alice"}""")).Count);
        Assert.Equal([1L], (await graph.QueryAsync("query q() { match { $p: Person  $p worksAt $c } return { count($c) as n } }")).Column("n"));
        Assert.Equal([2L], (await graph.QueryAsync("query q() { match { $p: Person  $p $w:worksAt $c } return { count($w) as n } }")).Column("n"));
    }
}

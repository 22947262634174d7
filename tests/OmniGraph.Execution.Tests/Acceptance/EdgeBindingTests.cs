using OmniGraph.Arrow;
using OmniGraph.Abstractions;
using OmniGraph.Execution.Tests.Support;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Execution.Tests.Acceptance;

/// <summary>Acceptance cases AC-15 and AC-16: edge bindings (filters, projection, nulls, aggregation) and edge-id tie-breaks.</summary>
[Collection(QueryClusterCollection.Name)]
public sealed class EdgeBindingTests(QueryCluster cluster)
{
    [Fact]
    public async Task Ac15_EdgeBindings_FilterProjectNullsAndAggregate()
    {
        var graph = await cluster.NewGraphAsync(AcceptanceFixtures.TestSchema, AcceptanceFixtures.TestData);
        await graph.LoadAsync("""
            {"edge": "Knows", "from": "Alice", "to": "Bob", "data": {"since": "2020-05-01"}}
            {"edge": "Knows", "from": "Alice", "to": "Diana", "data": {"since": "2024-11-30"}}
            """, GraphLoadMode.Merge);
        const string recent = "query q($name: String) { match { $p: Person { name: $name }  $p $w:knows $f  $w.since >= date(\"2023-01-01\") } return { $f.name, $w.since } }";
        Assert.Equal(["Diana"], (await graph.QueryAsync(recent, """{"name":"Alice"}""")).First());

        const string all = "query q($name: String) { match { $p: Person { name: $name }  $p $w:knows $f } return { $f.name, $w.since } }";
        var alice = await graph.QueryAsync(all, """{"name":"Alice"}""");
        Assert.Equal(["Bob", "Bob", "Charlie", "Diana"], alice.First().Order(StringComparer.Ordinal));
        Assert.Equal(2, alice.Column("w.since").Count(static v => v is null));
        Assert.Equal(ArrowType.Date32, alice.TypeOf("w.since"));

        var nobody = await graph.QueryAsync("query q($name: String) { match { $p: Person { name: $name }  $p $w:knows $f } return { $w.since } }", """{"name":"Nobody"}""");
        Assert.Equal(0, nobody.Count);
        Assert.Equal(ArrowType.Date32, nobody.TypeOf("w.since"));
        var diana = await graph.QueryAsync(recent, """{"name":"Diana"}""");
        Assert.Equal(0, diana.Count);
        Assert.Equal(ArrowType.Date32, diana.TypeOf("w.since"));

        Assert.Equal(["Alice", "Bob", "Charlie", "Diana"], (await graph.QueryAsync(
            "query q() { match { $p: Person  not { $p $w:knows $f  $w.since >= date(\"2030-01-01\") } } return { $p.name } }")).FirstSet());
        var counts = await graph.QueryAsync("query q($name: String) { match { $p: Person { name: $name }  $p $w:knows $f } return { $f.name, count($w.since) } }", """{"name":"Alice"}""");
        Assert.Equal(["Bob|1", "Charlie|0", "Diana|1"], counts.Lines().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Ac16_RowsTiedOnTheSortKeyFallBackToEdgeIdOrder()
    {
        var graph = await cluster.NewGraphAsync("""
            node Person { name: String @key  age: I32? }
            node Company { name: String @key }
            edge Knows: Person -> Person { since: Date?  label: String? }
            edge WorksAt: Person -> Company
            """, """
            {"type":"Person","data":{"name":"Alice","age":30}}
            {"type":"Person","data":{"name":"Bob","age":25}}
            {"edge":"Knows","from":"Alice","to":"Bob","data":{"id":"edge-b","label":"loaded-first"}}
            """);
        await graph.LoadAsync("""{"edge":"Knows","from":"Alice","to":"Bob","data":{"id":"edge-a","label":"id-first"}}""", GraphLoadMode.Merge);
        var result = await graph.QueryAsync("query q() { match { $p: Person { name: \"Alice\" }  $p $w:knows $f } return { $w.label } order { $p.age asc } }");
        Assert.Equal(["id-first", "loaded-first"], result.First());
    }
}

using OmniGraph.Arrow;
using OmniGraph.Execution.Tests.Support;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Execution.Tests.Acceptance;

/// <summary>Acceptance cases AC-01 to AC-04, AC-20, AC-22 (read part) and AC-23: lookups, filters, ordering, nulls.</summary>
[Collection(QueryClusterCollection.Name)]
public sealed class ReadBasicsTests(QueryCluster cluster)
{
    private Task<TestGraph> StdAsync() => cluster.NewGraphAsync(AcceptanceFixtures.TestSchema, AcceptanceFixtures.TestData);

    [Fact]
    public async Task Ac01_KeyedLookup_NamesAndTypesColumns()
    {
        var graph = await StdAsync();
        var alice = await graph.QueryAsync(AcceptanceFixtures.TestQueries, """{"name":"Alice"}""", "get_person");
        Assert.Equal(["p.name", "p.age"], alice.Columns);
        Assert.Equal(ArrowType.Utf8, alice.TypeOf("p.name"));
        Assert.Equal(ArrowType.Int32, alice.TypeOf("p.age"));
        Assert.Equal(["Alice|30"], alice.Lines());

        var nobody = await graph.QueryAsync(AcceptanceFixtures.TestQueries, """{"name":"Nobody"}""", "get_person");
        Assert.Equal(0, nobody.Count);
        Assert.Equal(["p.name", "p.age"], nobody.Columns);
    }

    [Fact]
    public async Task Ac02_FilterOrderAndLimit()
    {
        var graph = await StdAsync();
        Assert.Equal(["Charlie|35"], (await graph.QueryAsync(AcceptanceFixtures.TestQueries, name: "adults")).Lines());
        Assert.Equal(["Charlie|35", "Alice|30"], (await graph.QueryAsync(AcceptanceFixtures.TestQueries, name: "top_by_age")).Lines());
        var ascending = await graph.QueryAsync("query q() { match { $p: Person } return { $p.name, $p.age } order { $p.age asc } }");
        Assert.Equal(["Bob|25", "Diana|28", "Alice|30", "Charlie|35"], ascending.Lines());
        var descending = await graph.QueryAsync("query q() { match { $p: Person } return { $p.name } order { $p.age desc } }");
        Assert.Equal(["Charlie", "Alice", "Diana", "Bob"], descending.First());
    }

    [Fact]
    public async Task Ac03_ComparisonOperators()
    {
        var graph = await StdAsync();
        const string queries = """
            query young($age: I32) { match { $p: Person  $p.age < $age } return { $p.name, $p.age } order { $p.age asc } }
            query at_least_30() { match { $p: Person  $p.age >= 30 } return { $p.name } order { $p.age asc } }
            query at_most_28() { match { $p: Person  $p.age <= 28 } return { $p.name } order { $p.age asc } }
            query not_alice() { match { $p: Person  $p.name != "Alice" } return { $p.name } order { $p.name asc } }
            """;
        Assert.Equal(["Bob|25"], (await graph.QueryAsync(queries, """{"age":28}""", "young")).Lines());
        Assert.Equal(["Alice", "Charlie"], (await graph.QueryAsync(queries, name: "at_least_30")).First());
        Assert.Equal(["Bob", "Diana"], (await graph.QueryAsync(queries, name: "at_most_28")).First());
        Assert.Equal(["Bob", "Charlie", "Diana"], (await graph.QueryAsync(queries, name: "not_alice")).First());
    }

    [Fact]
    public async Task Ac04_TotalOrder_MultiKeyTieBreakAndNullPlacement()
    {
        var graph1 = await cluster.NewGraphAsync(AcceptanceFixtures.TestSchema, """
            {"type":"Person","data":{"name":"Bob","age":30}}
            {"type":"Person","data":{"name":"Alice","age":30}}
            {"type":"Person","data":{"name":"Charlie","age":25}}
            """);
        Assert.Equal(["Alice", "Bob", "Charlie"], (await graph1.QueryAsync("query q() { match { $p: Person } return { $p.name } order { $p.age desc, $p.name asc } }")).First());
        Assert.Equal(["Charlie", "Alice", "Bob"], (await graph1.QueryAsync("query q() { match { $p: Person } return { $p.name } order { $p.age asc } }")).First());

        var graph2 = await cluster.NewGraphAsync(AcceptanceFixtures.TestSchema, """
            {"type":"Person","data":{"name":"Alice","age":30}}
            {"type":"Person","data":{"name":"Bob","age":null}}
            {"type":"Person","data":{"name":"Charlie","age":25}}
            """);
        Assert.Equal(["Bob", "Charlie", "Alice"], (await graph2.QueryAsync("query q() { match { $p: Person } return { $p.name } order { $p.age asc } }")).First());
        Assert.Equal(["Alice", "Charlie", "Bob"], (await graph2.QueryAsync("query q() { match { $p: Person } return { $p.name } order { $p.age desc } }")).First());
    }

    [Fact]
    public async Task Ac20_NullsInFiltersAndProjection()
    {
        var graph = await cluster.NewGraphAsync(AcceptanceFixtures.TestSchema, """
            {"type":"Person","data":{"name":"Alice","age":30}}
            {"type":"Person","data":{"name":"Bob"}}
            {"type":"Person","data":{"name":"Charlie","age":35}}
            """);
        Assert.Equal(["Charlie|35"], (await graph.QueryAsync("query q() { match { $p: Person  $p.age > 30 } return { $p.name, $p.age } order { $p.age desc } }")).Lines());
        var all = await graph.QueryAsync("query q() { match { $p: Person } return { $p.name, $p.age } order { $p.age desc } }");
        Assert.Equal(["Charlie|35", "Alice|30", "Bob|null"], all.Lines());

        // != is not a match for a null either (three-valued logic).
        Assert.Equal(["Charlie"], (await graph.QueryAsync("query q() { match { $p: Person  $p.age != 30 } return { $p.name } }")).First());
    }

    [Fact]
    public async Task Ac22_ParameterValuesAreValuesAndPropertyNamesAreCaseSensitive()
    {
        var graph = await StdAsync();
        var injected = await graph.QueryAsync("query q($d: String) { match { $p: Person { name: $d } } return { $p.name } }", """{"d":"2025-01-01' OR '1'='1"}""");
        Assert.Equal(0, injected.Count);

        var docs = await cluster.NewGraphAsync("node Doc { slug: String @key  repoName: String @index  status: String? }", """
            {"type":"Doc","data":{"slug":"d1","repoName":"acme","status":"open"}}
            {"type":"Doc","data":{"slug":"d2","repoName":"globex","status":"open"}}
            """);
        Assert.Equal(["d1"], (await docs.QueryAsync("query q($r: String) { match { $d: Doc { repoName: $r } } return { $d.slug } }", """{"r":"acme"}""")).First());
    }

    [Fact]
    public async Task Ac23_RangeScanOverALargerBatch()
    {
        var lines = string.Join('\n', Enumerable.Range(0, 500).Select(static i => "{\"type\":\"Item\",\"data\":{\"name\":\"item_" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + "\",\"value\":" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}}"));
        var graph = await cluster.NewGraphAsync("node Item { name: String @key  value: I32 }", lines);
        Assert.Equal([500L], (await graph.QueryAsync("query q() { match { $i: Item } return { count($i) as n } }")).Column("n"));
        var result = await graph.QueryAsync("query q() { match { $i: Item  $i.value > 490 } return { $i.name, $i.value } order { $i.value asc } }");
        Assert.Equal(Enumerable.Range(491, 9).Select(static v => (object?)v), result.Column("i.value"));
    }
}

using OmniGraph.Arrow;
using OmniGraph.Execution.Tests.Support;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Execution.Tests.Acceptance;

/// <summary>Acceptance case AC-21: counts, grouped aggregates with their result types, global aggregates over zero rows.</summary>
[Collection(QueryClusterCollection.Name)]
public sealed class AggregationTests(QueryCluster cluster)
{
    [Fact]
    public async Task Ac21_Aggregation()
    {
        var graph = await cluster.NewGraphAsync(AcceptanceFixtures.TestSchema, AcceptanceFixtures.TestData);
        var friendCounts = await graph.QueryAsync(AcceptanceFixtures.TestQueries, name: "friend_counts");
        Assert.Equal(["p.name", "friends"], friendCounts.Columns);
        Assert.Equal(ArrowType.Int64, friendCounts.TypeOf("friends"));
        Assert.Equal(["Alice|2", "Bob|1"], friendCounts.Lines());

        var total = await graph.QueryAsync(AcceptanceFixtures.TestQueries, name: "total_people");
        Assert.Equal(["total"], total.Columns);
        Assert.Equal(ArrowType.Int64, total.TypeOf("total"));
        Assert.Equal(["4"], total.Lines());

        var stats = await graph.QueryAsync(AcceptanceFixtures.TestQueries, name: "age_stats");
        Assert.Equal(["c.name", "total_age", "avg_age", "youngest", "oldest", "headcount"], stats.Columns);
        Assert.Equal(ArrowType.Float64, stats.TypeOf("total_age"));
        Assert.Equal(ArrowType.Float64, stats.TypeOf("avg_age"));
        Assert.Equal(ArrowType.Int32, stats.TypeOf("youngest"));
        Assert.Equal(ArrowType.Int32, stats.TypeOf("oldest"));
        Assert.Equal(ArrowType.Int64, stats.TypeOf("headcount"));
        Assert.Equal(["Acme|30|30|30|30|1", "Globex|25|25|25|25|1"], stats.Lines().Order(StringComparer.Ordinal));
        Assert.IsType<double>(stats.Rows[0][1]);

        Assert.Equal(["Alice|2"], (await graph.QueryAsync(AcceptanceFixtures.TestQueries, name: "top_connected")).Lines());
        Assert.Equal(["Alice|Diana"], (await graph.QueryAsync("query q() { match { $p: Person } return { min($p.name) as first_name  max($p.name) as last_name } }")).Lines());
        Assert.Equal(["Alice|1"], (await graph.QueryAsync(
            "query q($name: String) { match { $p: Person { name: $name }  $p knows $mid  $mid knows $fof } return { $p.name, count($fof) as fof_count } }",
            """{"name":"Alice"}""")).Lines());

        var small = await cluster.NewGraphAsync(AcceptanceFixtures.TestSchema, """
            {"type":"Person","data":{"name":"Alice","age":30}}
            {"type":"Company","data":{"name":"Acme"}}
            """);
        Assert.Equal(["1"], (await small.QueryAsync("query q() { match { $p: Person } return { count($p) as total } }")).Lines());
    }

    [Fact]
    public async Task GlobalAggregateOverNoRows_IsOneRowWithCountZeroAndNullOthers()
    {
        var graph = await cluster.NewGraphAsync(AcceptanceFixtures.TestSchema, AcceptanceFixtures.TestData);
        var result = await graph.QueryAsync("query q() { match { $p: Person  $p.age > 100 } return { count($p) as n, sum($p.age) as s, avg($p.age) as a, min($p.age) as lo, max($p.name) as hi } }");
        Assert.Equal(["0|null|null|null|null"], result.Lines());
        Assert.Equal(ArrowType.Int32, result.TypeOf("lo"));
        Assert.Equal(ArrowType.Utf8, result.TypeOf("hi"));

        var grouped = await graph.QueryAsync("query q() { match { $p: Person  $p.age > 100 } return { $p.name, count($p) as n } }");
        Assert.Equal(0, grouped.Count);
    }

    [Fact]
    public async Task GroupBy_GroupsNullsTogether()
    {
        var graph = await cluster.NewGraphAsync(AcceptanceFixtures.TestSchema, """
            {"type":"Person","data":{"name":"Alice","age":30}}
            {"type":"Person","data":{"name":"Bob"}}
            {"type":"Person","data":{"name":"Carl"}}
            {"type":"Person","data":{"name":"Dora","age":30}}
            """);
        var result = await graph.QueryAsync("query q() { match { $p: Person } return { $p.age, count($p) as n } order { $p.age asc } }");
        Assert.Equal(["null|2", "30|2"], result.Lines());
    }
}

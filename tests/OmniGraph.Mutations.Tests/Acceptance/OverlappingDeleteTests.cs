using OmniGraph.Mutations.Tests.Support;

namespace OmniGraph.Mutations.Tests.Acceptance;

/// <summary>AC-30: overlapping deletes are counted once; a NULL in the predicate column never matches and never blocks another delete.</summary>
public sealed class OverlappingDeleteTests
{
    [Fact]
    public async Task OverlappingDeletes_CountEachNodeAndEdgeOnce()
    {
        await using var host = await MutationHost.StandardAsync();
        const string source = "query d($name: String, $threshold: I32) { delete Person where name = $name  delete Person where age > $threshold }";

        var change = await host.RunAsync(source, """{"name":"Alice","threshold":29}""");

        Assert.Equal((2, 3), (change.AffectedNodes, change.AffectedEdges));
        Assert.Equal(["Bob", "Diana"], await host.IdsAsync("node:Person"));
        Assert.Single(await host.RowsAsync("edge:Knows"));
        Assert.Single(await host.RowsAsync("edge:WorksAt"));
    }

    [Fact]
    public async Task NullInThePredicateColumn_DoesNotBlockAnotherDelete()
    {
        await using var host = await MutationHost.InitAsync(
            "node Person { name: String @key  age: I32? }  edge Knows: Person -> Person",
            """
            {"type":"Person","data":{"name":"Charlie","age":35}}
            {"type":"Person","data":{"name":"Zoe"}}
            {"edge":"Knows","from":"Zoe","to":"Charlie"}
            """);
        const string source = "query d($threshold: I32, $name: String) { delete Person where age > $threshold  delete Person where name = $name }";

        var change = await host.RunAsync(source, """{"threshold":30,"name":"Zoe"}""");

        Assert.Equal((2, 1), (change.AffectedNodes, change.AffectedEdges));
        Assert.Empty(await host.RowsAsync("node:Person"));
        Assert.Empty(await host.RowsAsync("edge:Knows"));
    }

    [Fact]
    public async Task NullParameter_MatchesNothing_EvenWithNotEqual()
    {
        await using var host = await MutationHost.StandardAsync();

        var change = await host.RunAsync("query d($name: String?) { delete Person where name != $name }", """{"name":null}""");

        Assert.Equal((0, 0), (change.AffectedNodes, change.AffectedEdges));
        Assert.Null(change.Commit);
    }
}

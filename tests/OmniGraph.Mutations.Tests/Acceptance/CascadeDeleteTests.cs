using OmniGraph.Mutations.Tests.Support;

namespace OmniGraph.Mutations.Tests.Acceptance;

/// <summary>AC-26: deleting a node deletes every incident edge, of every edge type, in the same commit.</summary>
public sealed class CascadeDeleteTests
{
    [Fact]
    public async Task DeleteNode_RemovesItsEdgesOfEveryType_InOneCommit()
    {
        await using var host = await MutationHost.StandardAsync();
        var before = await host.HeadAsync();

        var change = await host.MutateAsync("remove_person", """{"name":"Alice"}""");

        Assert.Equal((1, 3), (change.AffectedNodes, change.AffectedEdges));
        Assert.Null(await host.FindAsync("node:Person", "Alice"));
        Assert.Equal(["Bob->Diana"], await host.EdgesAsync("edge:Knows"));
        Assert.Equal(["Bob->Globex"], await host.EdgesAsync("edge:WorksAt"));
        Assert.Equal(before.ManifestVersion + 1, (await host.HeadAsync()).ManifestVersion);
        Assert.Equal(3, change.Tables.Length);
    }

    [Fact]
    public async Task DeleteNode_RemovesIncomingEdgesToo()
    {
        await using var host = await MutationHost.StandardAsync();

        var change = await host.MutateAsync("remove_person", """{"name":"Bob"}""");

        Assert.Equal((1, 3), (change.AffectedNodes, change.AffectedEdges));
        Assert.Equal(["Charlie"], await host.TargetsAsync("edge:Knows", "Alice"));
        Assert.Equal(["Alice->Acme"], await host.EdgesAsync("edge:WorksAt"));
    }

    [Fact]
    public async Task DeleteNode_WithASelfLoop_CountsTheLoopOnce()
    {
        await using var host = await MutationHost.InitAsync(
            "node Person { name: String @key }  edge Knows: Person -> Person",
            """
            {"type":"Person","data":{"name":"Zara"}}
            {"type":"Person","data":{"name":"Yann"}}
            {"edge":"Knows","from":"Zara","to":"Zara"}
            {"edge":"Knows","from":"Yann","to":"Zara"}
            """);

        var change = await host.RunAsync("""query d() { delete Person where name = "Zara" }""");

        Assert.Equal((1, 2), (change.AffectedNodes, change.AffectedEdges));
        Assert.Empty(await host.RowsAsync("edge:Knows"));
    }

    [Fact]
    public async Task DeleteCompany_CascadesToTheEdgesPointingAtIt()
    {
        await using var host = await MutationHost.StandardAsync();

        var change = await host.RunAsync("""query d() { delete Company where name = "Acme" }""");

        Assert.Equal((1, 1), (change.AffectedNodes, change.AffectedEdges));
        Assert.Equal(["Bob->Globex"], await host.EdgesAsync("edge:WorksAt"));
    }
}

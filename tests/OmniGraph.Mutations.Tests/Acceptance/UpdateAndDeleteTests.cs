using OmniGraph.Mutations.Tests.Support;

namespace OmniGraph.Mutations.Tests.Acceptance;

/// <summary>AC-25: updates, deletes, and writes that match nothing (success, no commit).</summary>
public sealed class UpdateAndDeleteTests
{
    [Fact]
    public async Task Update_ByKey_SetsTheProperty_AndCountsTheRow()
    {
        await using var host = await MutationHost.StandardAsync();

        var change = await host.MutateAsync("set_age", """{"name":"Alice","age":31}""");

        Assert.Equal((1, 0), (change.AffectedNodes, change.AffectedEdges));
        Assert.Equal("31", (await host.FindAsync("node:Person", "Alice"))!["age"]);
        Assert.Equal(4, (await host.RowsAsync("node:Person")).Count);
    }

    [Fact]
    public async Task Update_MatchingNothing_SucceedsWithoutACommit()
    {
        await using var host = await MutationHost.StandardAsync();
        var before = await host.HeadAsync();

        var change = await host.MutateAsync("set_age", """{"name":"Nobody","age":99}""");

        Assert.Equal(0, change.AffectedNodes);
        Assert.Null(change.Commit);
        Assert.Equal(before.Commit, (await host.HeadAsync()).Commit);
    }

    [Fact]
    public async Task Delete_MatchingNothing_SucceedsWithoutACommit()
    {
        await using var host = await MutationHost.StandardAsync();
        var before = await host.HeadAsync();

        var change = await host.MutateAsync("remove_person", """{"name":"Nobody"}""");

        Assert.Equal((0, 0), (change.AffectedNodes, change.AffectedEdges));
        Assert.Null(change.Commit);
        Assert.Equal(4, (await host.RowsAsync("node:Person")).Count);
        Assert.Equal(before.ManifestVersion, (await host.HeadAsync()).ManifestVersion);
    }

    [Fact]
    public async Task DeleteEdges_BySource_RemovesThemAndKeepsTheNode()
    {
        await using var host = await MutationHost.StandardAsync();

        var change = await host.MutateAsync("remove_friendship", """{"from":"Alice"}""");

        Assert.Equal((0, 2), (change.AffectedNodes, change.AffectedEdges));
        Assert.Equal("30", (await host.FindAsync("node:Person", "Alice"))?["age"]);
        Assert.Empty(await host.TargetsAsync("edge:Knows", "Alice"));
        Assert.Equal(["Bob->Diana"], await host.EdgesAsync("edge:Knows"));
    }

    [Fact]
    public async Task SequentialUpdates_OfTheSameRow_KeepOneRowWithTheLastValue()
    {
        await using var host = await MutationHost.StandardAsync();

        await host.MutateAsync("set_age", """{"name":"Alice","age":99}""");
        await host.MutateAsync("set_age", """{"name":"Alice","age":42}""");

        var alices = (await host.RowsAsync("node:Person")).Where(static r => r.Id == "Alice").ToList();
        Assert.Equal("42", Assert.Single(alices)["age"]);
    }

    [Fact]
    public async Task Update_ByANonKeyPredicate_MatchesEveryRowThatCompares()
    {
        await using var host = await MutationHost.StandardAsync();

        var change = await host.RunAsync("query older($min: I32) { update Person set { age: 50 } where age >= $min }", """{"min":30}""");

        Assert.Equal(2, change.AffectedNodes);
        var ages = (await host.RowsAsync("node:Person")).ToDictionary(static r => r.Id, static r => r["age"]);
        Assert.Equal("50", ages["Alice"]);
        Assert.Equal("50", ages["Charlie"]);
        Assert.Equal("25", ages["Bob"]);
        Assert.Equal("28", ages["Diana"]);
    }

    [Fact]
    public async Task DeleteEdges_ByTarget_UsesTheToPseudoProperty()
    {
        await using var host = await MutationHost.StandardAsync();

        var change = await host.RunAsync("""query d() { delete Knows where to = "Charlie" }""");

        Assert.Equal(1, change.AffectedEdges);
        Assert.Equal(["Alice->Bob", "Bob->Diana"], await host.EdgesAsync("edge:Knows"));
    }

    [Fact]
    public async Task DeleteEdges_ByOrderingOnFrom_ScansTheEndpointColumn()
    {
        await using var host = await MutationHost.StandardAsync();

        var change = await host.RunAsync("""query d() { delete Knows where from > "Alice" }""");

        Assert.Equal(1, change.AffectedEdges);
        Assert.Equal(["Alice->Bob", "Alice->Charlie"], await host.EdgesAsync("edge:Knows"));
    }
}

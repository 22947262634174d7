using OmniGraph.Mutations.Tests.Support;
using OmniGraph.Testing.Hosting;

namespace OmniGraph.Mutations.Tests.Acceptance;

/// <summary>AC-24: inserts of nodes and edges, their counts, and one commit per query.</summary>
public abstract class InsertTests(ClusterShape shape) : ClusterShapedTests(shape)
{
    [Fact]
    public async Task InsertNode_CountsOneNode_AndPublishesOneVersion()
    {
        await using var host = await MutationHost.StandardAsync();
        var before = await host.HeadAsync();

        var change = await host.MutateAsync("insert_person", """{"name":"Eve","age":22}""");

        Assert.Equal((1, 0), (change.AffectedNodes, change.AffectedEdges));
        Assert.Equal("insert_person", change.QueryName);
        Assert.Equal("main", change.Branch);
        Assert.NotNull(change.Commit);
        Assert.Equal(before.ManifestVersion + 1, change.Commit.GraphManifestVersion);
        Assert.Equal(before.Commit.Id, change.Commit.ParentCommitId);
        Assert.Equal("22", (await host.FindAsync("node:Person", "Eve"))!["age"]);
        Assert.Equal(change.Commit, (await host.HeadAsync()).Commit.ToOutput());
    }

    [Fact]
    public async Task InsertEdge_CountsOneEdge_AndConnectsTheNodes()
    {
        await using var host = await MutationHost.StandardAsync();
        await host.MutateAsync("insert_person", """{"name":"Eve","age":22}""");

        var change = await host.MutateAsync("add_friend", """{"from":"Eve","to":"Alice"}""");

        Assert.Equal((0, 1), (change.AffectedNodes, change.AffectedEdges));
        Assert.Equal(["Alice"], await host.TargetsAsync("edge:Knows", "Eve"));
    }

    [Fact]
    public async Task InsertNodeAndEdge_InOneQuery_PublishesExactlyOneVersion()
    {
        await using var host = await MutationHost.StandardAsync();
        var before = await host.HeadAsync();

        var change = await host.MutateAsync("insert_person_and_friend", """{"name":"Eve","age":22,"friend":"Alice"}""");

        Assert.Equal((1, 1), (change.AffectedNodes, change.AffectedEdges));
        Assert.Equal(["Alice"], await host.TargetsAsync("edge:Knows", "Eve"));
        Assert.Equal(before.ManifestVersion + 1, (await host.HeadAsync()).ManifestVersion);
        Assert.Equal(2, change.Tables.Length);
    }

    [Fact]
    public async Task InsertEdge_WithAProperty_StoresIt()
    {
        await using var host = await MutationHost.StandardAsync();
        const string source = "query add_friend_since($from: String, $to: String, $since: Date) { insert Knows { from: $from, to: $to, since: $since } }";

        var change = await host.RunAsync(source, """{"from":"Diana","to":"Bob","since":"2024-06-15"}""");

        Assert.Equal(1, change.AffectedEdges);
        var edge = Assert.Single(await host.RowsAsync("edge:Knows"), static r => r.Source == "Diana" && r.Target == "Bob");
        Assert.Equal("19889", edge["since"]);
    }

    [Fact]
    public async Task InsertEdge_Twice_CreatesParallelEdgesWithFreshIds()
    {
        await using var host = await MutationHost.StandardAsync();

        await host.MutateAsync("add_friend", """{"from":"Alice","to":"Bob"}""");

        var parallel = (await host.RowsAsync("edge:Knows")).Where(static r => r.Source == "Alice" && r.Target == "Bob").ToList();
        Assert.Equal(2, parallel.Count);
        Assert.NotEqual(parallel[0].Id, parallel[1].Id);
        Assert.All(parallel, static e => Assert.True(Ulid.TryParse(e.Id, out _), e.Id));
    }

    [Fact]
    public async Task InsertUnkeyedNode_GetsAFreshUlid()
    {
        await using var host = await MutationHost.InitAsync("node Note { text: String  tags: [String]? }");

        await host.RunAsync("""query n() { insert Note { text: "a", tags: ["x", "y"] } }""");
        await host.RunAsync("""query n() { insert Note { text: "a" } }""");

        var notes = await host.RowsAsync("node:Note");
        Assert.Equal(2, notes.Count);
        Assert.All(notes, static n => Assert.True(Ulid.TryParse(n.Id, out _), n.Id));
        Assert.Contains(notes, static n => n["tags"] == "[x,y]");
        Assert.Contains(notes, static n => n["tags"] is null);
    }
}

/// <summary><see cref="InsertTests"/> on one silo.</summary>
public sealed class InsertTestsOnOneSilo() : InsertTests(ClusterShape.OneSilo);

/// <summary><see cref="InsertTests"/> on three silos.</summary>
public sealed class InsertTestsOnThreeSilos() : InsertTests(ClusterShape.ThreeSilos);

/// <summary><see cref="InsertTests"/> on three silos with random placement.</summary>
public sealed class InsertTestsOnThreeSilosRandom() : InsertTests(ClusterShape.ThreeSilosRandom);

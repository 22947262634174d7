using OmniGraph.Abstractions;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Assertions;
using OmniGraph.Testing.Errors;

namespace OmniGraph.Grains.Tests.Manifest;

/// <summary>
/// Lazy forks: a fork shares every table version
/// with its source until its first write to a table, which starts a new chain on the fork continuing the inherited
/// version number; the source never sees the fork's writes.
/// </summary>
public sealed class ForkTests
{
    [Fact]
    public async Task Fork_SharesTablesUntilItsFirstWrite_WhichStartsItsOwnChain()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.WriteAsync(
            TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice", "Bob")),
            TableWrite.FromBatches("edge:Knows", TableWriteMode.Upsert, Rows.Edges("edge:Knows", ("k1", "Alice", "Bob"))));
        var main = await host.HeadAsync();

        var branch = await host.Client.CreateBranchAsync("feature");
        Assert.Equal(main.ManifestVersion, branch.ForkedFrom!.ManifestVersion);
        var fork = await host.HeadAsync("feature");
        Assert.Equal(main.ManifestVersion, fork.ManifestVersion);
        Assert.Equal(main.Commit, fork.Commit);
        Assert.True(main.Tables.SequenceEqual(fork.Tables));
        Assert.Equal("feature", fork.Branch);

        var write = await host.Client.WriteAsync(new GraphWriteRequest("feature", [TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Carol"))]));
        var forked = write.Snapshot;
        Assert.Equal(main.ManifestVersion + 1, forked.ManifestVersion);
        Assert.Equal(main.Commit.Id, forked.Commit.ParentId);
        Assert.Equal("feature", write.Commit.Branch);
        var person = forked.GetTable("node:Person");
        Assert.Equal(branch.Incarnation, person.ChainIncarnation);
        Assert.Equal("feature", person.ChainBranch);
        Assert.Equal(main.GetTable("node:Person").Version + 1, person.Version);
        Assert.Equal(main.GetTable("edge:Knows"), forked.GetTable("edge:Knows"));

        Assert.Equal(["Alice", "Bob", "Carol"], await host.ColumnAsync("node:Person", "id", forked));
        Assert.Equal(["Alice", "Bob"], await host.ColumnAsync("node:Person", "id"));
        Assert.Equal(main, await host.HeadAsync());

        // The table's chain on the fork goes on from there; main's head of the table never moved.
        var next = await host.Client.WriteAsync(new GraphWriteRequest("feature", [TableWrite.Delete("node:Person", KeyBatch.Of("Alice")), TableWrite.Delete("edge:Knows", KeyBatch.Of("k1"))]));
        Assert.Equal(person.Version + 1, next.Snapshot.GetTable("node:Person").Version);
        Assert.Equal(branch.Incarnation, next.Snapshot.GetTable("edge:Knows").ChainIncarnation);
        Assert.True(main.GetTable("node:Person").SameVersionAs(await host.TableProtocol("node:Person").GetHeadAsync(refresh: true)));
        Assert.Equal(["Bob", "Carol"], await host.ColumnAsync("node:Person", "id", next.Snapshot));
        await GraphAssertions.ConsistentAsync(host, "feature");
        await GraphAssertions.ConsistentAsync(host);

        // The fork's history continues main's.
        var history = await host.Manifest.ListCommitsAsync("feature", int.MaxValue);
        Assert.Equal([next.Commit.Id, write.Commit.Id, main.Commit.Id, main.Commit.ParentId], history.Select(static c => c.Id));
        Assert.Equal("feature", (await host.Client.GetCommitAsync(write.Commit.Id)).GraphBranch);
        Assert.Equal(main.Commit.Id, (await host.Client.ResolveSnapshotAsync(SnapshotTarget.AtVersion("feature", main.ManifestVersion))).Commit.Id);
    }

    [Fact]
    public async Task MainKeepsWriting_TheForkKeepsItsForkPoint()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice")));
        await host.Client.CreateBranchAsync("feature");
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Main2")));
        var onFork = await host.Client.WriteAsync(new GraphWriteRequest("feature", [TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Fork2"))]));

        Assert.Equal(["Alice", "Main2"], await host.ColumnAsync("node:Person", "id"));
        Assert.Equal(["Alice", "Fork2"], await host.ColumnAsync("node:Person", "id", onFork.Snapshot));
        Assert.Equal(3, onFork.Snapshot.ManifestVersion);
        Assert.Equal(3, (await host.HeadAsync()).ManifestVersion);
    }

    [Fact]
    public async Task ForkRules_AreTypedErrors()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.Client.CreateBranchAsync("feature");
        await ErrorAssert.ThrowsAsync(ErrorCodes.BranchExists, () => host.Client.CreateBranchAsync("feature"));
        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidBranchName, () => host.Client.CreateBranchAsync("main"));
        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidBranchName, () => host.Client.CreateBranchAsync("bad@name"));
        await ErrorAssert.ThrowsAsync(ErrorCodes.BranchNotFound, () => host.Client.CreateBranchAsync("x", "nope"));
        Assert.Equal(["main", "feature"], (await host.Client.ListBranchesAsync()).Select(static b => b.Name));
    }
}

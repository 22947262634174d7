using OmniGraph.Abstractions;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Assertions;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.Hosting;

namespace OmniGraph.Grains.Tests.Writes;

/// <summary>One write is one commit (manifest version + 1); an invalid write changes nothing.</summary>
public abstract class WriteAtomicityTests(ClusterShape shape) : ClusterShapedTests(shape)
{
    [Fact]
    public async Task Write_PublishesExactlyOneManifestVersionWithItsCommit()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        var genesis = await host.HeadAsync();

        var result = await host.Client.WriteAsync(new GraphWriteRequest(BranchNames.Main,
        [
            TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice", "Bob")),
            TableWrite.FromBatches("edge:Knows", TableWriteMode.Upsert, Rows.Edges("edge:Knows", ("k1", "Alice", "Bob"))),
        ])
        { Actor = "alice", Writer = "load" });

        var head = await host.HeadAsync();
        Assert.Equal(genesis.ManifestVersion + 1, head.ManifestVersion);
        Assert.Equal(result.Commit.Id, head.Commit.Id);
        Assert.Equal(genesis.Commit.Id, head.Commit.ParentId);
        Assert.Equal("alice", head.Commit.Actor);
        Assert.Equal("load", head.Commit.Kind);
        Assert.Equal(2, head.GetTable("node:Person").RowCount);
        Assert.Equal(1, head.GetTable("node:Person").Version);
        Assert.Equal(0, head.GetTable("node:Company").Version);
        Assert.Equal(result.Snapshot, head);
        await GraphAssertions.ConsistentAsync(host);
    }

    [Fact]
    public async Task EmptyWrite_StillCommits()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        var result = await host.Client.WriteAsync(new GraphWriteRequest(BranchNames.Main, []));
        Assert.Equal(2, result.Commit.ManifestVersion);
        Assert.Equal(2, (await host.HeadAsync()).ManifestVersion);
    }

    [Fact]
    public async Task InvalidWrite_ChangesNothing_NoVersionNoRowsNoSidecar()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice")));
        var before = await host.HeadAsync();

        // The person is fine, the edge points at nobody: the whole write is refused.
        await ErrorAssert.ThrowsAsync(ErrorCodes.OrphanEdge, () => host.WriteAsync(
            TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Eve")),
            TableWrite.FromBatches("edge:Knows", TableWriteMode.Upsert, Rows.Edges("edge:Knows", ("k1", "Eve", "Ghost")))));

        var after = await host.HeadAsync();
        Assert.Equal(before, after);
        Assert.Equal(["Alice"], await host.ColumnAsync("node:Person", "id"));
        await GraphAssertions.ConsistentAsync(host);
        Assert.Single(await host.Manifest.ListCommitsAsync(BranchNames.Main, int.MaxValue), c => c.Id == before.Commit.Id);
    }

    [Fact]
    public async Task UpsertSameRowsTwice_ChangesNothingButTheCommit()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        var batch = Rows.Persons(("Alice", 30, "a@x"), ("Bob", 25, null));
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, batch));
        var first = await host.HeadAsync();
        var second = await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, batch));

        Assert.Equal(first.ManifestVersion + 1, second.Commit.ManifestVersion);
        Assert.Equal(2, second.Snapshot.GetTable("node:Person").RowCount);
        Assert.Equal(2, second.Tables[0].Replaced);
        Assert.Equal(0, second.Tables[0].Inserted);
        Assert.Equal(["Alice", "Bob"], await host.ColumnAsync("node:Person", "id"));
        Assert.Equal(["a@x", null], await host.ColumnAsync("node:Person", "email"));
    }

    [Fact]
    public async Task Upsert_ReplacesWholeRows_AndKeepsTheLastRowOfARepeatedId()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons(("Alice", 30, "a@x"), ("Bob", 25, "b@x"))));
        var result = await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert,
            Rows.Persons(("Alice", 31, null), ("Carol", 35, "c@x"), ("Carol", 36, "c2@x"))));

        Assert.Equal(1, result.Tables[0].Replaced);
        Assert.Equal(1, result.Tables[0].Inserted);
        Assert.Equal(["Bob", "Alice", "Carol"], await host.ColumnAsync("node:Person", "id"));
        Assert.Equal(["b@x", null, "c2@x"], await host.ColumnAsync("node:Person", "email"));
        Assert.Equal(3, (await host.HeadAsync()).GetTable("node:Person").RowCount);
    }

    [Fact]
    public async Task Overwrite_ReplacesTheTable_AndKeepsUntouchedTables()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.WriteAsync(
            TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice", "Bob")),
            TableWrite.FromBatches("node:Company", TableWriteMode.Upsert, Rows.Companies("Acme")));
        var result = await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Overwrite, Rows.Persons("Carol")));

        Assert.Equal(2, result.Tables[0].Deleted);
        Assert.Equal(["Carol"], await host.ColumnAsync("node:Person", "id"));
        Assert.Equal(["Acme"], await host.ColumnAsync("node:Company", "id"));
    }

    [Fact]
    public async Task OverwriteWithNoRows_EmptiesTheTable()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice")));
        await host.WriteAsync(new TableWrite("node:Person", TableWriteMode.Overwrite, [], [], null));
        Assert.Empty(await host.ColumnAsync("node:Person", "id"));
        Assert.Equal(0, (await host.HeadAsync()).GetTable("node:Person").RowCount);
    }

    [Fact]
    public async Task DeleteById_RemovesRows_AndIgnoresUnknownIds()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice", "Bob", "Carol")));
        var result = await host.WriteAsync(TableWrite.Delete("node:Person", KeyBatch.Of("Bob", "Nobody")));
        Assert.Equal(1, result.Tables[0].Deleted);
        Assert.Equal(["Alice", "Carol"], await host.ColumnAsync("node:Person", "id"));
    }

    [Fact]
    public async Task RowLimit_WhenConfigured_RefusesTheWriteBeforeAnything()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore(), configure: o => o.MaxRowsPerTableWrite = 2);
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("A", "B")));
        var before = await host.HeadAsync();
        var objects = (await host.Store.ListAsync("tables/")).Objects.Count;

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.ResourceLimit, () =>
            host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("C", "D", "E"))));

        Assert.Equal("resource_limit", error.Code);
        Assert.Equal("resource limit exceeded for rows written to node:Person: actual 3, limit 2", error.Message);
        Assert.Equal(before, await host.HeadAsync());
        Assert.Equal(objects, (await host.Store.ListAsync("tables/")).Objects.Count);
    }

    [Fact]
    public async Task MalformedRequests_AreTypedErrors_AndChangeNothing()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        var before = await host.HeadAsync();

        await ErrorAssert.ThrowsAsync(ErrorCodes.UnknownTable, () => host.WriteAsync(TableWrite.FromBatches("node:Nope", TableWriteMode.Upsert, Rows.Persons("A"))));
        var wrongColumns = await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidWrite, () => host.WriteAsync(TableWrite.FromBatches("node:Company", TableWriteMode.Upsert, Rows.Persons("A"))));
        Assert.Contains("columns", wrongColumns.Message);
        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidWrite, () => host.WriteAsync(
            TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("A")),
            TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("B"))));
        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidWrite, () => host.WriteAsync(
            new TableWrite("node:Person", TableWriteMode.Overwrite, [], [Rows.Persons("A")], KeyBatch.Of("B"))));
        await ErrorAssert.ThrowsAsync(ErrorCodes.BranchNotFound, () => host.Client.WriteAsync(new GraphWriteRequest("nope", [])));

        Assert.Equal(before, await host.HeadAsync());
        await GraphAssertions.ConsistentAsync(host);
    }
}

/// <summary><see cref="WriteAtomicityTests"/> on one silo.</summary>
public sealed class WriteAtomicityTestsOnOneSilo() : WriteAtomicityTests(ClusterShape.OneSilo);

/// <summary><see cref="WriteAtomicityTests"/> on three silos.</summary>
public sealed class WriteAtomicityTestsOnThreeSilos() : WriteAtomicityTests(ClusterShape.ThreeSilos);

/// <summary><see cref="WriteAtomicityTests"/> on three silos with random placement.</summary>
public sealed class WriteAtomicityTestsOnThreeSilosRandom() : WriteAtomicityTests(ClusterShape.ThreeSilosRandom);

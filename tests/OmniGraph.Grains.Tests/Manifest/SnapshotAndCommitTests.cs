using OmniGraph.Abstractions;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Tables.Storage;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.Hosting;

namespace OmniGraph.Grains.Tests.Manifest;

/// <summary>Snapshot resolution (head, manifest version, commit), time travel, commit lookup and listing.</summary>
public abstract class SnapshotAndCommitTests(ClusterShape shape) : ClusterShapedTests(shape)
{
    [Fact]
    public async Task EveryEarlierVersionAndCommit_StaysReadable()
    {
        // A one-version cache forces older versions to be evicted and read back.
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore(), configure: o => o.VersionCacheSize = 1);
        var commits = new List<CommitInfo>();
        for (var i = 0; i < 6; i++)
        {
            var result = await host.WriteAsync(
                new TableWrite("node:Person", TableWriteMode.Upsert, [], [Rows.Persons(($"p{i}", i, null))], KeyBatch.Of($"p{i - 2}")));
            commits.Add(result.Commit);
        }

        for (var i = 0; i < commits.Count; i++)
        {
            var expected = Enumerable.Range(Math.Max(0, i - 1), Math.Min(i + 1, 2)).Select(static n => (string?)$"p{n}").ToList();
            var byVersion = await host.Client.ResolveSnapshotAsync(SnapshotTarget.AtVersion(BranchNames.Main, commits[i].ManifestVersion));
            var byCommit = await host.Client.ResolveSnapshotAsync(SnapshotTarget.AtCommit(commits[i].Id));
            Assert.Equal(byVersion, byCommit);
            Assert.Equal(commits[i], byCommit.Commit);
            Assert.Equal(expected, await host.ColumnAsync("node:Person", "id", byCommit));
        }
    }

    [Fact]
    public async Task CommitList_IsNewestFirst_AndCommitShowFindsEachOne()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        var genesis = await host.HeadAsync();
        var first = await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("A")));
        var second = await host.Client.WriteAsync(new GraphWriteRequest(BranchNames.Main, [TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("B"))]) { Actor = "bob" });

        var list = await host.Client.ListCommitsAsync();
        Assert.Equal([second.Commit.Id, first.Commit.Id, genesis.Commit.Id], list.Commits.Select(static c => c.GraphCommitId));
        Assert.Equal([3L, 2L, 1L], list.Commits.Select(static c => c.GraphManifestVersion));
        Assert.Equal(first.Commit.Id, list.Commits[0].ParentCommitId);
        Assert.Equal("bob", list.Commits[0].ActorId);
        Assert.Null(list.Commits[0].GraphBranch);

        Assert.Equal(list.Commits[1], await host.Client.GetCommitAsync(first.Commit.Id));
        Assert.Equal(list.Commits[1], await host.Client.GetCommitAsync(first.Commit.Id.ToLowerInvariant()));
        Assert.Equal(second.Commit.ToOutput(), list.Commits[0]);
        Assert.Equal(2, (await host.Client.ListCommitsAsync(limit: 2)).Commits.Length);
    }

    [Fact]
    public async Task UnknownTargets_AreTypedNotFoundErrors()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        Assert.Equal("commit_not_found", (await ErrorAssert.ThrowsAsync(ErrorCodes.CommitNotFound, () => host.Client.GetCommitAsync(Ulid.NewUlid().ToString()))).Code);
        await ErrorAssert.ThrowsAsync(ErrorCodes.CommitNotFound, () => host.Client.GetCommitAsync("not-a-ulid"));
        await ErrorAssert.ThrowsAsync(ErrorCodes.CommitNotFound, () => host.Client.ResolveSnapshotAsync(SnapshotTarget.AtCommit(Ulid.NewUlid().ToString())));
        Assert.Equal("snapshot_not_found", (await ErrorAssert.ThrowsAsync(ErrorCodes.SnapshotNotFound, () => host.Client.ResolveSnapshotAsync(SnapshotTarget.AtVersion(BranchNames.Main, 9)))).Code);
        Assert.Equal("branch_not_found", (await ErrorAssert.ThrowsAsync(ErrorCodes.BranchNotFound, () => host.Client.GetSnapshotAsync("nope"))).Code);
        await ErrorAssert.ThrowsAsync(ErrorCodes.BranchNotFound, () => host.Client.ListCommitsAsync("nope"));
    }

    /// <summary>A commit pointer is written before the commit publishes; a write that never published leaves one that is not believed.</summary>
    [Fact]
    public async Task PointerOfAnUnpublishedCommit_IsNotBelieved()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        var head = await host.HeadAsync();
        var ghost = Ulid.NewUlid().ToString();
        var pointer = $$"""{"format":1,"commit_id":"{{ghost}}","branch":"main","branch_incarnation":"{{head.BranchIncarnation}}","manifest_version":2}""";
        await host.Store.PutAsync(GraphObjectKeys.CommitPointer(ghost), System.Text.Encoding.UTF8.GetBytes(pointer), WriteCondition.IfNotExists);
        await ErrorAssert.ThrowsAsync(ErrorCodes.CommitNotFound, () => host.Client.GetCommitAsync(ghost));

        // Once version 2 is published by another commit the pointer still does not match it.
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("A")));
        await ErrorAssert.ThrowsAsync(ErrorCodes.CommitNotFound, () => host.Client.GetCommitAsync(ghost));
    }

    [Fact]
    public async Task SnapshotOutput_HasTheWireShape()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("A", "B")));
        var output = await host.Client.GetSnapshotAsync();
        Assert.Equal("main", output.GraphBranch);
        Assert.Equal(2, output.GraphManifestVersion);
        Assert.Equal(1, output.InternalSchemaVersion);
        var person = output.Datasets.Single(static d => d.TypeName == "Person");
        Assert.Equal("node", person.EntityKind);
        Assert.Equal(1, person.PublishedDatasetVersion);
        Assert.Equal(2, person.EntityCount);
        Assert.Null(person.NativeDatasetBranch);
        Assert.Matches("^tables/node-[0-9]{6}$", person.DatasetPath);
        var json = System.Text.Json.JsonSerializer.Serialize(output);
        Assert.StartsWith("""{"graph_branch":"main","graph_manifest_version":2,"internal_schema_version":1,"datasets":[{"entity_kind":"edge","type_name":"Knows","dataset_path":""", json);
    }

    [Fact]
    public async Task CorruptManifest_IsACorruptObjectError_NamingIt()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        var head = await host.HeadAsync();
        var key = GraphObjectKeys.Manifest(head.BranchIncarnation, 2);
        await host.Store.PutAsync(key, """{"format":1,"branch":"main"}"""u8.ToArray(), WriteCondition.IfNotExists);
        var error = await Assert.ThrowsAsync<CorruptObjectException>(() => host.HeadAsync());
        Assert.Equal(key, error.Key);
    }
}

/// <summary><see cref="SnapshotAndCommitTests"/> on one silo.</summary>
public sealed class SnapshotAndCommitTestsOnOneSilo() : SnapshotAndCommitTests(ClusterShape.OneSilo);

/// <summary><see cref="SnapshotAndCommitTests"/> on three silos.</summary>
public sealed class SnapshotAndCommitTestsOnThreeSilos() : SnapshotAndCommitTests(ClusterShape.ThreeSilos);

/// <summary><see cref="SnapshotAndCommitTests"/> on three silos with random placement.</summary>
public sealed class SnapshotAndCommitTestsOnThreeSilosRandom() : SnapshotAndCommitTests(ClusterShape.ThreeSilosRandom);

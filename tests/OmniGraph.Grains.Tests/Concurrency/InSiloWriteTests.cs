using OmniGraph.Abstractions;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Assertions;
using OmniGraph.Testing.Hosting;

namespace OmniGraph.Grains.Tests.Concurrency;

/// <summary>Concurrent writes in one silo serialize at the manifest grain; retryable ones all land.</summary>
public abstract class InSiloWriteTests(ClusterShape shape) : ClusterShapedTests(shape)
{
    [Fact]
    public async Task TwelveConcurrentInsertsOfDifferentKeys_AllLand_OneCommitEach()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore(), configure: o => o.MaxWriteAttempts = 64);
        var writes = Enumerable.Range(0, 12).Select(i => host.Client.WriteAsync(new GraphWriteRequest(BranchNames.Main,
            [TableWrite.FromBatches("node:Person", TableWriteMode.Insert, Rows.Persons($"person{i:D2}"))])
        { RetryOnReadSetChange = true }));

        var results = await Task.WhenAll(writes);

        Assert.Equal(12, results.Select(static r => r.Commit.Id).Distinct().Count());
        Assert.Equal(12, (await host.ColumnAsync("node:Person", "id")).Count);
        Assert.Equal(13, (await GraphAssertions.LinearHistoryAsync(host)).Count);
        await GraphAssertions.ConsistentAsync(host);
    }

    [Fact]
    public async Task ConcurrentUpdatesOfTheSameEntity_NotRetryable_OneWins_OthersConflict()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons(("Alice", 1, null))));
        var head = await host.HeadAsync();
        var writes = Enumerable.Range(0, 8).Select(i => host.Client.WriteAsync(new GraphWriteRequest(BranchNames.Main,
            [TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons(("Alice", 10 + i, null)))])
        { BaseManifestVersion = head.ManifestVersion })).ToArray();

        var outcomes = await Task.WhenAll(writes.Select(static async w =>
        {
            try
            {
                await w;
                return "ok";
            }
            catch (ReadSetChangedException conflict)
            {
                Assert.Equal(ReadSetChangedException.GraphHead(BranchNames.Main), conflict.Member);
                return "conflict";
            }
        }));

        Assert.Equal(1, outcomes.Count(static o => o == "ok"));
        Assert.Equal(7, outcomes.Count(static o => o == "conflict"));
        Assert.Equal(3, (await GraphAssertions.LinearHistoryAsync(host)).Count);
    }

    [Fact]
    public async Task ExpectedHeadCommit_IsAUserCompareAndSwap()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        var first = await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice")));
        var token = first.Commit.Id;

        var second = await host.Client.WriteAsync(new GraphWriteRequest(BranchNames.Main,
            [TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Bob"))]) { ExpectedHeadCommit = token });
        Assert.Equal(token, second.Commit.ParentId);

        var stale = await Assert.ThrowsAsync<GraphPreconditionFailedException>(() => host.Client.WriteAsync(new GraphWriteRequest(BranchNames.Main,
            [TableWrite.FromBatches("node:Person", TableWriteMode.Insert, Rows.Persons("Carol"))]) { ExpectedHeadCommit = token, RetryOnReadSetChange = true }));
        Assert.Equal("precondition_failure", stale.Code);
        Assert.Equal(token, stale.Expected);
        Assert.Equal(second.Commit.Id, stale.Actual);
        Assert.Equal(["Alice", "Bob"], await host.ColumnAsync("node:Person", "id"));
    }
}

/// <summary><see cref="InSiloWriteTests"/> on one silo.</summary>
public sealed class InSiloWriteTestsOnOneSilo() : InSiloWriteTests(ClusterShape.OneSilo);

/// <summary><see cref="InSiloWriteTests"/> on three silos.</summary>
public sealed class InSiloWriteTestsOnThreeSilos() : InSiloWriteTests(ClusterShape.ThreeSilos);

/// <summary><see cref="InSiloWriteTests"/> on three silos with random placement.</summary>
public sealed class InSiloWriteTestsOnThreeSilosRandom() : InSiloWriteTests(ClusterShape.ThreeSilosRandom);

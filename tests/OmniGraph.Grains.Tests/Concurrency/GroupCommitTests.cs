using System.Text;
using System.Text.Json.Nodes;
using OmniGraph.Abstractions;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Tables.Storage;
using OmniGraph.Testing.Assertions;
using OmniGraph.Testing.IO;

namespace OmniGraph.Grains.Tests.Concurrency;

/// <summary>
/// Group commit: concurrent writers to one branch share rounds of flushes, each its own commit (version, commit id,
/// outcome). A commit accepted while another is in flight is based on it, and its sidecar carries the commits of its batch
/// before it, so a crash after a batch's sidecars leaves a chain the heal publishes in order; a chain whose first version
/// another commit took can never publish, and is dropped.
/// </summary>
public sealed class GroupCommitTests
{
    [Fact]
    public async Task SixteenConcurrentWriters_EachItsOwnCommit_ShareRoundsOfFlushes()
    {
        using var directory = new TempDirectory();
        var store = new FlushDepthObjectStore(new LocalDirectoryObjectStore(directory.Path));
        await using var host = await GraphHost.InitAsync(store);
        store.Reset();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => host.Client.WriteAsync(Insert($"w{i:D2}"))));

        // None was re-prepared: each was prepared on the commit accepted before it, and published right after it.
        Assert.All(results, static r => Assert.Equal(1, r.Attempts));
        Assert.Equal(Enumerable.Range(2, 16).Select(static v => (long)v), results.Select(static r => r.Commit.ManifestVersion).Order());
        var history = await GraphAssertions.LinearHistoryAsync(host);
        Assert.Equal(17, history.Count);
        Assert.Equal(16, (await host.ColumnAsync("node:Person", "id")).Count);
        await GraphAssertions.ConsistentAsync(host);

        // One flush of manifest names per batch: fewer batches than commits.
        var batches = store.Log.Count(static e => e.Request == "flush" && e.Key.StartsWith("manifests/", StringComparison.Ordinal));
        Assert.InRange(batches, 1, 8);
    }

    [Fact]
    public async Task CrashAfterABatchsSidecars_TheNextWritePublishesTheChainInOrder()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        var (first, crashed) = await CrashSecondBatchAsync(host);

        Assert.Equal(2, (await host.SidecarsAsync()).Count);
        Assert.DoesNotContain("w2", await host.ColumnAsync("node:Person", "id"));

        var next = await host.Client.WriteAsync(Insert("next"));
        Assert.Equal(first.Commit.ManifestVersion + 3, next.Commit.ManifestVersion);
        await AssertChainPublishedAsync(host, first, crashed, next);
    }

    [Fact]
    public async Task CrashAfterABatchsSidecars_ThenKill_AFreshSiloPublishesTheChainOnOpen()
    {
        using var directory = new TempDirectory();
        var host = await GraphHost.InitAsync(new LocalDirectoryObjectStore(directory.Path));
        var (first, crashed) = await CrashSecondBatchAsync(host);
        await host.KillAsync();

        await using var fresh = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        Assert.Equal(first.Commit.ManifestVersion + 2, (await fresh.HeadAsync()).ManifestVersion);
        var next = await fresh.Client.WriteAsync(Insert("next"));
        await AssertChainPublishedAsync(fresh, first, crashed, next);
    }

    /// <summary>
    /// The chain's first version was taken by another commit before any heal: neither commit of the chain can publish
    /// (the second is based on the first), so both sidecars are dropped and nothing of them is visible.
    /// </summary>
    [Fact]
    public async Task CrashedChain_WhoseFirstVersionAnotherCommitTook_IsDropped()
    {
        var store = new MemoryObjectStore();
        await using var host = await GraphHost.InitAsync(store);
        var (first, _) = await CrashSecondBatchAsync(host);
        var foreign = await PublishForeignCommitAsync(store, first.Snapshot.BranchIncarnation, first.Commit);

        var next = await host.Client.WriteAsync(Insert("next"));

        var history = await GraphAssertions.LinearHistoryAsync(host);
        Assert.Equal([first.Commit.Id, foreign, next.Commit.Id], history.Skip(1).Select(static c => c.Id));
        var people = await host.ColumnAsync("node:Person", "id");
        Assert.Equal(["next", "w1"], people.Order());
        await GraphAssertions.ConsistentAsync(host);
    }

    private static GraphWriteRequest Insert(string name) =>
        new(BranchNames.Main, [TableWrite.FromBatches("node:Person", TableWriteMode.Insert, Rows.Persons(name))]) { RetryOnReadSetChange = true };

    /// <summary>
    /// w1 alone in a first batch (held before its round), w2 and w3 queued behind it meanwhile: the second batch. It
    /// crashes right after its sidecars are written (w3's carries w2 as its predecessor).
    /// </summary>
    private static async Task<(GraphWriteResult First, Task<GraphWriteResult>[] Crashed)> CrashSecondBatchAsync(GraphHost host)
    {
        var baseVersion = (await host.HeadAsync()).ManifestVersion;
        var hold = host.Failpoints.Arm(Failpoints.CommitStagedFlush, FailpointAction.PauseBefore);
        var first = host.Client.WriteAsync(Insert("w1"));
        await hold.Fired.WaitAsync(TimeSpan.FromSeconds(30));

        var second = host.Client.WriteAsync(Insert("w2"));
        await WaitForTailAsync(host, baseVersion + 2);
        var third = host.Client.WriteAsync(Insert("w3"));
        await WaitForTailAsync(host, baseVersion + 3);

        var crash = host.Failpoints.Arm(Failpoints.CommitSidecarWrite, FailpointAction.CrashAfter, hit: 2);
        hold.Release();
        var published = await first.WaitAsync(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAsync<SimulatedCrashException>(() => second.WaitAsync(TimeSpan.FromSeconds(30)));
        await Assert.ThrowsAsync<SimulatedCrashException>(() => third.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, crash.FireCount);
        host.Failpoints.DisarmAll();
        return (published, [second, third]);
    }

    /// <summary>Waits until the last commit accepted on main publishes <paramref name="version"/> (a write queued behind the ones in flight).</summary>
    private static async Task WaitForTailAsync(GraphHost host, long version)
    {
        for (var i = 0; i < 3000 && (await host.ManifestProtocol().BeginChainedWriteAsync(BranchNames.Main)).ManifestVersion < version; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(version, (await host.ManifestProtocol().BeginChainedWriteAsync(BranchNames.Main)).ManifestVersion);
    }

    private static async Task AssertChainPublishedAsync(GraphHost host, GraphWriteResult first, Task<GraphWriteResult>[] crashed, GraphWriteResult next)
    {
        Assert.All(crashed, static c => Assert.True(c.IsFaulted));
        var history = await GraphAssertions.LinearHistoryAsync(host);
        Assert.Equal(first.Commit.Id, history[^4].Id);
        Assert.Equal(next.Commit.Id, history[^1].Id);
        Assert.Equal(5, history.Count);
        Assert.Equal(["next", "w1", "w2", "w3"], (await host.ColumnAsync("node:Person", "id")).Order());
        await GraphAssertions.ConsistentAsync(host);
    }

    /// <summary>Publishes, on top of <paramref name="parent"/>, a commit of another writer that changes nothing; returns its id.</summary>
    private static async Task<string> PublishForeignCommitAsync(IObjectStore store, string incarnation, CommitInfo parent)
    {
        var head = JsonNode.Parse((await store.GetAsync(GraphObjectKeys.Manifest(incarnation, parent.ManifestVersion))).Content.Span)!;
        var id = Ulid.NewUlid().ToString();
        head["version"] = parent.ManifestVersion + 1;
        head["commit"]!["id"] = id;
        head["commit"]!["parent"] = parent.Id;
        head["commit"]!["actor"] = "other";
        await store.PutAsync(GraphObjectKeys.Manifest(incarnation, parent.ManifestVersion + 1), Encoding.UTF8.GetBytes(head.ToJsonString()), WriteCondition.IfNotExists);
        return id;
    }
}

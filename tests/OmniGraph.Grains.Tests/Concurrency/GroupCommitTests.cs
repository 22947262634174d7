using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OmniGraph.Abstractions;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Tables.Storage;
using OmniGraph.Testing.Assertions;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.IO;

namespace OmniGraph.Grains.Tests.Concurrency;

/// <summary>
/// Group commit: concurrent writers to one branch share rounds of flushes, each its own commit (version, commit id,
/// outcome). A commit accepted while another is in flight is based on it; a batch writes one sidecar (its last member's)
/// that carries the members before it, so a crash after a batch's sidecar leaves a chain the heal publishes in order; a
/// chain whose first version another commit took can never publish, and is dropped; a batch whose middle version another
/// commit took publishes the members before it, and its sidecar covers them until their completion.
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

    /// <summary>
    /// Every commit pointer is linked before its batch's sidecar: once the sidecar is visible another process's heal may
    /// roll the batch forward and write the pointers itself, and a writer whose create-if-absent link of a pointer then
    /// found it taken failed with <c>recovery_required</c> although its write was published (the CI race of
    /// LocalTwoSiloWriteTests). A batch's round 2 ends before the next batch's starts, so the first sidecar linked after
    /// a commit's pointer must be its own batch's: linked before the commit's manifest.
    /// </summary>
    [Fact]
    public async Task EveryCommitPointer_IsLinkedBeforeItsBatchsSidecar()
    {
        using var directory = new TempDirectory();
        var store = new FlushDepthObjectStore(new LocalDirectoryObjectStore(directory.Path));
        await using var host = await GraphHost.InitAsync(store);
        store.Reset();

        var alone = await host.Client.WriteAsync(Insert("alone"));
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => host.Client.WriteAsync(Insert($"w{i}"))));

        var links = store.Log.Where(static e => e.Request == "link").Select(static e => e.Key).ToList();
        foreach (var result in (GraphWriteResult[])[alone, .. results])
        {
            var pointer = links.IndexOf(GraphObjectKeys.CommitPointer(result.Commit.Id));
            var manifest = links.IndexOf(GraphObjectKeys.Manifest(result.Snapshot.BranchIncarnation, result.Commit.ManifestVersion));
            Assert.True(pointer >= 0 && manifest > pointer, $"commit {result.Commit.Id}: pointer link at {pointer}, manifest link at {manifest}");
            var sidecar = links.FindIndex(pointer, k => k.StartsWith(GraphObjectKeys.RecoveryPrefix, StringComparison.Ordinal));
            Assert.True(sidecar > pointer && sidecar < manifest, $"commit {result.Commit.Id}: its batch's sidecar was linked at {sidecar}, not between its pointer ({pointer}) and its manifest ({manifest}): {string.Join(", ", links)}");
        }
    }

    [Fact]
    public async Task CrashAfterABatchsSidecars_TheNextWritePublishesTheChainInOrder()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        var (first, crashed) = await CrashSecondBatchAsync(host);

        // One sidecar for the batch: w3's, carrying w2 (and the audit entry each owes, none here) as its predecessor.
        var sidecar = Assert.Single(await host.SidecarsAsync());
        var document = JsonNode.Parse((await host.Store.GetAsync(sidecar)).Content.Span)!;
        Assert.Equal(StorageFormat.SidecarFormat, (int)document["sidecar_format"]!);
        Assert.Single(document["predecessors"]!.AsArray());
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

    /// <summary>
    /// Half a batch published: another commit takes the version of the batch's second member between its sidecar and its
    /// publish. The first member stands and is acknowledged; the second conflicts and is re-prepared on the new head. The
    /// batch's one sidecar covers the first until its completion, which deletes it.
    /// </summary>
    [Fact]
    public async Task HalfABatchPublished_TheMembersBeforeTheTakenVersionStand_TheSidecarGoesWithTheirCompletion()
    {
        var store = new MemoryObjectStore();
        await using var host = await GraphHost.InitAsync(store);
        var (first, second, third, hold) = await QueueSecondBatchAsync(host);
        var foreign = await TakeSecondVersionOfBatchAsync(store);

        hold.Release();
        var results = await Task.WhenAll(second, third).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, results[0].Attempts);
        Assert.Equal(2, results[1].Attempts);
        var history = await GraphAssertions.LinearHistoryAsync(host);
        Assert.Equal([first.Commit.Id, results[0].Commit.Id, foreign, results[1].Commit.Id], history.Skip(1).Select(static c => c.Id));
        Assert.Equal(["w1", "w2", "w3"], (await host.ColumnAsync("node:Person", "id")).Order());
        Assert.Empty(await host.SidecarsAsync());
        await GraphAssertions.ConsistentAsync(host);
    }

    /// <summary>
    /// Half a batch published, and the completion of the member that stands fails before its head moves: the batch's
    /// sidecar is left. After a kill, a fresh silo publishes nothing more from it (the next version is taken), moves the
    /// standing member's head and deletes it; nothing acknowledged is lost.
    /// </summary>
    [Fact]
    public async Task HalfABatchPublished_CompletionFails_ThenKill_AFreshSiloFinishesTheMemberThatStands()
    {
        using var directory = new TempDirectory();
        var store = new LocalDirectoryObjectStore(directory.Path);
        var host = await GraphHost.InitAsync(store);
        var (first, second, third, hold) = await QueueSecondBatchAsync(host);
        var foreign = await TakeSecondVersionOfBatchAsync(store);
        var failed = host.Failpoints.Arm(Failpoints.CommitTableHeadAdvance, FailpointAction.FailBefore, scope: "node:Person");

        hold.Release();
        var results = await Task.WhenAll(second, third).WaitAsync(TimeSpan.FromSeconds(30));
        await failed.Fired.WaitAsync(TimeSpan.FromSeconds(30));
        await host.KillAsync();

        await using var fresh = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        Assert.Empty(await fresh.SidecarsAsync());
        var history = await GraphAssertions.LinearHistoryAsync(fresh);
        Assert.Equal([first.Commit.Id, results[0].Commit.Id, foreign, results[1].Commit.Id], history.Skip(1).Select(static c => c.Id));
        Assert.Equal(["w1", "w2", "w3"], (await fresh.ColumnAsync("node:Person", "id")).Order());
        var next = await fresh.Client.WriteAsync(Insert("next"));
        Assert.Equal(history[^1].ManifestVersion + 1, next.Commit.ManifestVersion);
        await GraphAssertions.ConsistentAsync(fresh);
    }

    /// <summary>
    /// Writes queued while another write's preparation runs are prepared together (one grain call per table for the
    /// batch) and submitted together: one heal for the batch instead of one per write, and still each its own commit.
    /// </summary>
    [Fact]
    public async Task WritesQueuedBehindAPreparation_ArePreparedAndAcceptedTogether_EachItsOwnCommit()
    {
        var store = new HeldPreparationObjectStore(new MemoryObjectStore());
        await using var host = await GraphHost.InitAsync(store);
        var (first, queued) = await QueueBehindAHeldPreparationAsync(host, store, [.. Enumerable.Range(1, 8).Select(static i => $"w{i}")]);
        var coordinator = host.Cluster.SiloServices().GetRequiredService<OmniGraph.Grains.Writes.GraphWriteCoordinator>();
        var batches = coordinator.ChainedBatches;

        store.Release();
        var results = await Task.WhenAll(queued.Prepend(first)).WaitAsync(TimeSpan.FromSeconds(60));
        var batchesAfter = coordinator.ChainedBatches;

        Assert.All(results, static r => Assert.Equal(1, r.Attempts));
        Assert.Equal(9, results.Select(static r => r.Commit.Id).Distinct().Count());
        Assert.Equal(9, (await GraphAssertions.LinearHistoryAsync(host)).Count - 1);
        Assert.Equal(9, (await host.ColumnAsync("node:Person", "id")).Count);

        // The eight queued writes were prepared and submitted as one batch.
        Assert.Equal(batches + 1, batchesAfter);
        await GraphAssertions.ConsistentAsync(host);
    }

    /// <summary>
    /// A write refused in the middle of a batch gets its own refusal; the writes before it commit, and the writes after it
    /// (prepared on top of it) are prepared again without it and commit too.
    /// </summary>
    [Fact]
    public async Task AWriteRefusedInABatch_GetsItsRefusal_TheOthersCommitEachItsOwn()
    {
        var store = new HeldPreparationObjectStore(new MemoryObjectStore());
        await using var host = await GraphHost.InitAsync(store);
        var (first, queued) = await QueueBehindAHeldPreparationAsync(host, store, ["w1", "w2", "w0", "w3", "w4"]);

        store.Release();
        var published = await first.WaitAsync(TimeSpan.FromSeconds(60));
        var refused = queued[2];
        await ErrorAssert.ThrowsAsync(ErrorCodes.KeyConflict, () => refused.WaitAsync(TimeSpan.FromSeconds(60)));
        var others = await Task.WhenAll(queued.Where(t => t != refused)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(5, others.Append(published).Select(static r => r.Commit.Id).Distinct().Count());
        Assert.Equal(5, (await GraphAssertions.LinearHistoryAsync(host)).Count - 1);
        Assert.Equal(["w0", "w1", "w2", "w3", "w4"], (await host.ColumnAsync("node:Person", "id")).Order());
        await GraphAssertions.ConsistentAsync(host);
    }

    /// <summary>
    /// w0's preparation held (its version object), and <paramref name="names"/> inserted meanwhile, each its own write,
    /// all waiting for the next batch once this returns. The caller releases the store.
    /// </summary>
    private static async Task<(Task<GraphWriteResult> First, Task<GraphWriteResult>[] Queued)> QueueBehindAHeldPreparationAsync(GraphHost host, HeldPreparationObjectStore store, string[] names)
    {
        var held = store.HoldNextVersion();
        var first = host.Client.WriteAsync(Insert("w0"));
        await held.WaitAsync(TimeSpan.FromSeconds(30));
        var queued = new Task<GraphWriteResult>[names.Length];
        var coordinator = host.Cluster.SiloServices().GetRequiredService<OmniGraph.Grains.Writes.GraphWriteCoordinator>();
        for (var i = 0; i < names.Length; i++)
        {
            queued[i] = host.Client.WriteAsync(Insert(names[i]));
            for (var wait = 0; wait < 3000 && coordinator.ChainedWritesWaiting(GraphHost.GraphId, BranchNames.Main) < i + 1; wait++)
            {
                await Task.Delay(10);
            }

            Assert.Equal(i + 1, coordinator.ChainedWritesWaiting(GraphHost.GraphId, BranchNames.Main));
        }

        return (first, queued);
    }

    /// <summary>
    /// Publishes a commit of another writer at the version of the held batch's second member, on top of its first member
    /// (its manifest read from the batch's sidecar): the first member can still publish, the second no longer. Returns its id.
    /// </summary>
    private static async Task<string> TakeSecondVersionOfBatchAsync(IObjectStore store)
    {
        var sidecarKey = Assert.Single((await store.ListAsync(GraphObjectKeys.RecoveryPrefix)).Objects).Key;
        var sidecar = JsonNode.Parse((await store.GetAsync(sidecarKey)).Content.Span)!;
        var firstMember = sidecar["predecessors"]![0]!["manifest"]!.DeepClone();
        var id = Ulid.NewUlid().ToString();
        var version = (long)firstMember["version"]! + 1;
        firstMember["version"] = version;
        firstMember["commit"]!["parent"] = (string)firstMember["commit"]!["id"]!;
        firstMember["commit"]!["id"] = id;
        firstMember["commit"]!["actor"] = "other";
        await store.PutAsync(GraphObjectKeys.Manifest((string)sidecar["branch_incarnation"]!, version), Encoding.UTF8.GetBytes(firstMember.ToJsonString()), WriteCondition.IfNotExists);
        return id;
    }

    private static GraphWriteRequest Insert(string name) =>
        new(BranchNames.Main, [TableWrite.FromBatches("node:Person", TableWriteMode.Insert, Rows.Persons(name))]) { RetryOnReadSetChange = true };

    /// <summary>
    /// w1 alone in a first batch (held before its round), w2 and w3 queued behind it meanwhile: the second batch. It
    /// crashes right after its sidecar is written (w3's, carrying w2 as its predecessor).
    /// </summary>
    private static async Task<(GraphWriteResult First, Task<GraphWriteResult>[] Crashed)> CrashSecondBatchAsync(GraphHost host)
    {
        var (first, second, third, crash) = await FormSecondBatchAsync(host, Failpoints.CommitSidecarWrite, FailpointAction.CrashAfter);
        var published = await first.WaitAsync(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAsync<SimulatedCrashException>(() => second.WaitAsync(TimeSpan.FromSeconds(30)));
        await Assert.ThrowsAsync<SimulatedCrashException>(() => third.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, crash.FireCount);
        host.Failpoints.DisarmAll();
        return (published, [second, third]);
    }

    /// <summary>
    /// w1 alone in a first batch (held before its round), w2 and w3 queued behind it meanwhile: the second batch, whose
    /// <paramref name="point"/> gets <paramref name="action"/> (the point's second hit). w1 is released.
    /// </summary>
    private static async Task<(Task<GraphWriteResult> First, Task<GraphWriteResult> Second, Task<GraphWriteResult> Third, FailpointHandle SecondBatch)> FormSecondBatchAsync(GraphHost host, Failpoint point, FailpointAction action)
    {
        var baseVersion = (await host.HeadAsync()).ManifestVersion;
        var hold = host.Failpoints.Arm(Failpoints.CommitStagedFlush, FailpointAction.PauseBefore);
        var first = host.Client.WriteAsync(Insert("w1"));
        await hold.Fired.WaitAsync(TimeSpan.FromSeconds(30));

        var second = host.Client.WriteAsync(Insert("w2"));
        await WaitForTailAsync(host, baseVersion + 2);
        var third = host.Client.WriteAsync(Insert("w3"));
        await WaitForTailAsync(host, baseVersion + 3);

        var secondBatch = host.Failpoints.Arm(point, action, hit: 2);
        hold.Release();
        return (first, second, third, secondBatch);
    }

    /// <summary>
    /// w1 alone in a first batch, published and completed; w2 and w3 queued behind it meanwhile form the second batch,
    /// held before its manifests are published (its sidecar written).
    /// </summary>
    private static async Task<(GraphWriteResult First, Task<GraphWriteResult> Second, Task<GraphWriteResult> Third, FailpointHandle Hold)> QueueSecondBatchAsync(GraphHost host)
    {
        var (first, second, third, hold) = await FormSecondBatchAsync(host, Failpoints.CommitManifestPublish, FailpointAction.PauseBefore);
        var published = await first.WaitAsync(TimeSpan.FromSeconds(30));
        await hold.Fired.WaitAsync(TimeSpan.FromSeconds(30));

        // w1's completion (in the background, not held) has deleted its sidecar: the batch's is the only one.
        for (var i = 0; i < 3000 && (await host.Store.ListAsync(GraphObjectKeys.RecoveryPrefix)).Objects.Count > 1; i++)
        {
            await Task.Delay(10);
        }

        return (published, second, third, hold);
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

using OmniGraph.Abstractions;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Grains.Tests.Recovery;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Tables.Storage;
using OmniGraph.Testing.Assertions;

namespace OmniGraph.Grains.Tests.Manifest;

/// <summary>
/// The commit point is a create-if-absent of manifest version N+1, tested directly: a writer whose version was taken
/// never overwrites it, and tells the two ways it can be taken apart (another writer won: conflict, with nothing to undo
/// since heads move only after the publish; a healer published this very write: success).
/// </summary>
public sealed class ManifestPublishTests
{
    [Fact]
    public async Task VersionTakenByAnotherWriter_IsNeverOverwritten_TheLoserConflicts()
    {
        var store = new MemoryObjectStore();
        await using var a = await GraphHost.InitAsync(store);
        await CrashScenario.BaselineAsync(a);
        var baseVersion = (await a.HeadAsync()).ManifestVersion;

        // Another process, open before W's sidecar exists.
        await using var b = await GraphHost.StartAsync(store);
        await b.HeadAsync();

        // W stands still before its sidecar (its base checked); B publishes N+1 meanwhile; then W writes its sidecar and
        // reaches its publish. (Once W's sidecar exists, any write heals it first: it is complete, and is published.)
        var pause = a.Failpoints.Arm(Failpoints.CommitSidecarWrite, FailpointAction.PauseBefore);
        var write = a.Client.WriteAsync(CrashScenario.Write());
        await pause.Fired.WaitAsync(TimeSpan.FromSeconds(30));
        var taken = await b.WriteAsync(TableWrite.FromBatches("node:Company", TableWriteMode.Upsert, Rows.Companies("Acme")));

        var key = GraphObjectKeys.Manifest((await a.HeadAsync()).BranchIncarnation, baseVersion + 1);
        var winner = (await store.GetAsync(key)).Content.ToArray();
        pause.Release();

        var conflict = await Assert.ThrowsAsync<ReadSetChangedException>(() => write.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(ReadSetChangedException.GraphHead(BranchNames.Main), conflict.Member);
        Assert.Equal(taken.Commit.Id, conflict.Actual);
        Assert.Equal(winner, (await store.GetAsync(key)).Content.ToArray());
        Assert.False(await CrashScenario.ReadAllOrNothingAsync(a));
        await b.Manifest.GetRecoveryStatusAsync(); // b's completion deletes its sidecar after the acknowledgement
        await GraphAssertions.ConsistentAsync(a);
        Assert.DoesNotContain(await GraphAssertions.LinearHistoryAsync(a), static c => c.Actor == CrashScenario.WriteActor);
    }

    /// <summary>
    /// A process opening the graph while W stands before its publish heals W's sidecar, which is complete (its staged
    /// objects are durable): it publishes W itself, and W then finds its own commit there.
    /// </summary>
    [Fact]
    public async Task VersionPublishedByAHealerForThisWrite_IsThisWritesSuccess()
    {
        var store = new MemoryObjectStore();
        await using var a = await GraphHost.InitAsync(store);
        await CrashScenario.BaselineAsync(a);
        var pause = a.Failpoints.Arm(Failpoints.CommitManifestPublish, FailpointAction.PauseBefore);
        var write = a.Client.WriteAsync(CrashScenario.Write());
        await pause.Fired.WaitAsync(TimeSpan.FromSeconds(30));

        await using (var healer = await GraphHost.StartAsync(store))
        {
            var healed = await healer.HeadAsync();
            Assert.Equal(CrashScenario.WriteActor, healed.Commit.Actor);
        }

        pause.Release();
        var result = await write.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((await a.HeadAsync()).Commit, result.Commit);
        Assert.True(await CrashScenario.ReadAllOrNothingAsync(a));
        await GraphAssertions.ConsistentAsync(a);
        Assert.Single(await GraphAssertions.LinearHistoryAsync(a), static c => c.Actor == CrashScenario.WriteActor);
    }
}

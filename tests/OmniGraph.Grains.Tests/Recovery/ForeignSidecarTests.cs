using OmniGraph.Abstractions;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Assertions;

namespace OmniGraph.Grains.Tests.Recovery;

/// <summary>
/// At a write entry, the sidecar of another process's write is complete (its staged objects were durable before it was
/// written): it is published at once, young or not, and the writer finds its own commit there. A sidecar of the earlier
/// format (heads moved before the publish) whose heads did not all move may belong to a write still in flight: it is left
/// alone while young, rolled back behind a fence once older than the stale age, or without one as soon as another write
/// has taken the manifest version it wanted (it can never publish then).
/// </summary>
public sealed class ForeignSidecarTests
{
    [Fact]
    public async Task ForeignSidecar_IsComplete_AndPublishedByTheNextWrite_YoungOrNot()
    {
        var (_, a) = await StartWithForeignCrashAsync(new ShiftableTime(), legacy: false);
        await using (a)
        {
            await a.WriteAsync(KnowsWrite());
            await GraphAssertions.ConsistentAsync(a);
            Assert.True(await CrashScenario.ReadAllOrNothingAsync(a));
            var history = await GraphAssertions.LinearHistoryAsync(a);
            Assert.DoesNotContain(history, static c => c.Actor == CommitInfo.RecoveryActor);
            Assert.Single(history, static c => c.Actor == CrashScenario.WriteActor);
            Assert.Contains("k9", await a.ColumnAsync("edge:Knows", "id"));
        }
    }

    [Fact]
    public async Task YoungForeignIncompleteLegacySidecar_IsLeftAlone_UntilItIsStale()
    {
        var clock = new ShiftableTime();
        var (_, a) = await StartWithForeignCrashAsync(clock, legacy: true);
        await using (a)
        {
            // A write entry leaves it alone (its writer may still publish): deferred, and the graph is as it was.
            await a.ManifestProtocol().BeginWriteAsync(BranchNames.Main);
            Assert.Single(await a.SidecarsAsync());
            Assert.Equal(PendingSidecarState.Deferred, Assert.Single((await a.Manifest.GetRecoveryStatusAsync()).Pending).State);
            Assert.False(await CrashScenario.ReadAllOrNothingAsync(a));

            // Once stale, the next write rolls it back behind a fence and goes on.
            clock.Offset = TimeSpan.FromMinutes(2);
            await a.WriteAsync(KnowsWrite());
            await GraphAssertions.ConsistentAsync(a);
            Assert.False(await CrashScenario.ReadAllOrNothingAsync(a));
            var history = await GraphAssertions.LinearHistoryAsync(a);
            Assert.Single(history, static c => c.Actor == CommitInfo.RecoveryActor);
            Assert.Contains("k9", await a.ColumnAsync("edge:Knows", "id"));
        }
    }

    [Fact]
    public async Task ForeignIncompleteLegacySidecar_IsRolledBackWithoutAFence_OnceAnotherWriteTookItsVersion()
    {
        var (_, a) = await StartWithForeignCrashAsync(new ShiftableTime(), legacy: true);
        await using (a)
        {
            // A write that does not need Knows goes on and takes the version the dead write wanted.
            await a.WriteAsync(TableWrite.FromBatches("node:Company", TableWriteMode.Upsert, Rows.Companies("Acme")));

            await a.WriteAsync(KnowsWrite());
            await GraphAssertions.ConsistentAsync(a);
            var history = await GraphAssertions.LinearHistoryAsync(a);
            Assert.DoesNotContain(history, static c => c.Actor == CommitInfo.RecoveryActor);
            Assert.Equal(4, history.Count);
            Assert.False(await CrashScenario.ReadAllOrNothingAsync(a));
        }
    }

    /// <summary>
    /// A silo with a stale age of a minute, and a second silo on the same store whose write dies after its sidecar was
    /// written (with <paramref name="legacy"/>, a sidecar of the earlier format that moved none of its heads).
    /// </summary>
    private static async Task<(IObjectStore Store, GraphHost A)> StartWithForeignCrashAsync(ShiftableTime clock, bool legacy)
    {
        var store = new MemoryObjectStore();
        await using (var setup = await GraphHost.InitAsync(store))
        {
            await CrashScenario.BaselineAsync(setup);
        }

        var a = await GraphHost.StartAsync(store, o => o.StaleSidecarAge = TimeSpan.FromMinutes(1), clock);
        await a.HeadAsync();
        var b = await GraphHost.StartAsync(store);
        b.Failpoints.Arm(Failpoints.CommitManifestPublish, FailpointAction.FailBefore);
        await Assert.ThrowsAsync<RecoveryRequiredException>(() => b.Client.WriteAsync(CrashScenario.Write()));
        if (legacy)
        {
            await LegacySidecars.MakeLegacyAsync(b);
        }

        await b.KillAsync();
        return (store, a);
    }

    private static TableWrite KnowsWrite() => TableWrite.FromBatches("edge:Knows", TableWriteMode.Upsert, Rows.Edges("edge:Knows", ("k9", "Bob", "Alice")));
}

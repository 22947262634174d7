using OmniGraph.Engine;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Assertions;

namespace OmniGraph.Grains.Tests.Recovery;

/// <summary>
/// At a write entry, a young incomplete sidecar of another process (a write possibly still in flight) is left alone:
/// a write that needs one of its table heads conflicts; it is rolled back behind a fence once it is older than the stale
/// age, or without one as soon as another write has taken the manifest version it wanted (it can never publish then).
/// </summary>
public sealed class ForeignSidecarTests
{
    [Fact]
    public async Task YoungForeignIncompleteSidecar_HoldsItsTables_UntilItIsStale()
    {
        var clock = new ShiftableTime();
        var (store, a) = await StartWithForeignCrashAsync(clock);
        await using (a)
        {
            // Knows' head belongs to the dead write: a write that needs it conflicts; the sidecar is deferred.
            var conflict = await Assert.ThrowsAsync<ReadSetChangedException>(() => a.WriteAsync(KnowsWrite()));
            Assert.Equal("table:edge:Knows", conflict.Member);
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
    public async Task ForeignSidecar_IsRolledBackWithoutAFence_OnceAnotherWriteTookItsVersion()
    {
        var (_, a) = await StartWithForeignCrashAsync(new ShiftableTime());
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

    /// <summary>A silo with a stale age of a minute, and a second silo on the same store that dies after moving Knows' head.</summary>
    private static async Task<(IObjectStore Store, GraphHost A)> StartWithForeignCrashAsync(ShiftableTime clock)
    {
        var store = new MemoryObjectStore();
        await using (var setup = await GraphHost.InitAsync(store))
        {
            await CrashScenario.BaselineAsync(setup);
        }

        var a = await GraphHost.StartAsync(store, o => o.StaleSidecarAge = TimeSpan.FromMinutes(1), clock);
        await a.HeadAsync();
        var b = await GraphHost.StartAsync(store);
        b.Failpoints.Arm(Failpoints.CommitTableHeadAdvance, FailpointAction.CrashAfter, hit: 1);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => b.Client.WriteAsync(CrashScenario.Write()));
        await b.KillAsync();
        return (store, a);
    }

    private static TableWrite KnowsWrite() => TableWrite.FromBatches("edge:Knows", TableWriteMode.Upsert, Rows.Edges("edge:Knows", ("k9", "Bob", "Alice")));
}

using OmniGraph.Abstractions;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.IO;

namespace OmniGraph.Grains.Tests.Recovery;

/// <summary>
/// Heal's own durable steps fail or crash too: every heal failpoint × {fail before, crash after}, each on a pending write
/// that reaches it. A heal that fails blocks writes to its branch (recovery_required) and is retried at the next write; a
/// heal that crashes half-way is finished by the next heal; a fresh silo after a kill finishes either on open. Every
/// step is idempotent: the write is published exactly once, or rolled back behind at most one fence.
/// </summary>
public sealed class HealFailpointMatrixTests
{
    public static TheoryData<HealCase> Cases()
    {
        var data = new TheoryData<HealCase>();
        foreach (var action in new[] { FailpointAction.FailBefore, FailpointAction.CrashAfter })
        {
            data.Add(new(nameof(Failpoints.HealRollForwardPublish), Failpoints.HealRollForwardPublish, action, Pending.Complete, null));
            data.Add(new(nameof(Failpoints.HealHeadRollForward), Failpoints.HealHeadRollForward, action, Pending.PublishedWithAHeadBehind, "node:Person"));
            data.Add(new(nameof(Failpoints.HealRollbackFence), Failpoints.HealRollbackFence, action, Pending.Incomplete, null));
            data.Add(new(nameof(Failpoints.HealHeadRollback), Failpoints.HealHeadRollback, action, Pending.Incomplete, "edge:Knows"));
            data.Add(new(nameof(Failpoints.HealSidecarDelete), Failpoints.HealSidecarDelete, action, Pending.Complete, null));
            data.Add(new(nameof(Failpoints.HealSidecarDelete), Failpoints.HealSidecarDelete, action, Pending.Incomplete, null));
        }

        return data;
    }

    /// <summary>The heal at the next write breaks; the write after it finishes the heal and goes on.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HealStepBreaks_ThenTheNextWriteFinishesIt(HealCase heal)
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await CrashScenario.BaselineAsync(host);
        await LeavePendingWriteAsync(host, heal.Pending);

        await BreakHealAsync(host, heal);

        await host.Client.WriteAsync(CrashScenario.Next());
        await CrashScenario.AssertHealedAsync(host, heal.RollsForward, nextWritten: true);
    }

    /// <summary>The heal breaks, the silo is killed; a fresh silo on the same directory finishes the heal on open.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HealStepBreaks_ThenKill_AFreshSiloFinishesItOnOpen(HealCase heal)
    {
        using var directory = new TempDirectory();
        var first = await GraphHost.InitAsync(new LocalDirectoryObjectStore(directory.Path));
        await CrashScenario.BaselineAsync(first);
        await LeavePendingWriteAsync(first, heal.Pending);
        await BreakHealAsync(first, heal);
        await first.KillAsync();

        await using var fresh = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        await fresh.HeadAsync();
        await CrashScenario.AssertHealedAsync(fresh, heal.RollsForward, nextWritten: false);
        await fresh.Client.WriteAsync(CrashScenario.Next());
        await CrashScenario.AssertHealedAsync(fresh, heal.RollsForward, nextWritten: true);
    }

    /// <summary>A heal that crashes during activation fails the activation; the next call activates again and finishes it.</summary>
    [Fact]
    public async Task HealCrashDuringActivation_IsFinishedByTheNextActivation()
    {
        using var directory = new TempDirectory();
        var first = await GraphHost.InitAsync(new LocalDirectoryObjectStore(directory.Path));
        await CrashScenario.BaselineAsync(first);
        first.Failpoints.Arm(Failpoints.CommitSidecarWrite, FailpointAction.CrashAfter);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => first.Client.WriteAsync(CrashScenario.Write()));
        await first.KillAsync();

        await using var fresh = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        fresh.Failpoints.Arm(Failpoints.HealRollForwardPublish, FailpointAction.CrashAfter);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => fresh.HeadAsync());

        await fresh.HeadAsync();
        await CrashScenario.AssertHealedAsync(fresh, rolledForward: true, nextWritten: false);
    }

    /// <summary>Runs the next write with the heal step armed: it fails (the heal failed: branch blocked) or crashes.</summary>
    private static async Task BreakHealAsync(GraphHost host, HealCase heal)
    {
        var armed = host.Failpoints.Arm(heal.Point, heal.Action, scope: heal.Scope);
        if (heal.Action == FailpointAction.FailBefore)
        {
            var blocked = await Assert.ThrowsAsync<RecoveryRequiredException>(() => host.Client.WriteAsync(CrashScenario.Next()));
            Assert.Contains("injected failure", blocked.Reason);
            Assert.Equal(PendingSidecarState.HealFailed, Assert.Single((await host.Manifest.GetRecoveryStatusAsync()).Pending).State);
            Assert.Single(await host.SidecarsAsync());
        }
        else
        {
            await Assert.ThrowsAsync<SimulatedCrashException>(() => host.Client.WriteAsync(CrashScenario.Next()));
        }

        Assert.Equal(1, armed.FireCount);
        host.Failpoints.DisarmAll();

        // Whatever the heal got to, a reader sees W entirely or not at all.
        await CrashScenario.ReadAllOrNothingAsync(host);
    }

    /// <summary>Leaves W pending in the way the case needs.</summary>
    private static async Task LeavePendingWriteAsync(GraphHost host, Pending pending)
    {
        if (pending == Pending.PublishedWithAHeadBehind)
        {
            // Published and acknowledged, then moving Person's head (after the acknowledgement) failed: Knows' head moved,
            // Person's did not, and the sidecar stays. The heal moves Person's head forward.
            host.Failpoints.Arm(Failpoints.CommitTableHeadAdvance, FailpointAction.FailBefore, scope: "node:Person");
            await host.Client.WriteAsync(CrashScenario.Write());
            Assert.Single(await host.SidecarsAsync());
            host.Failpoints.DisarmAll();
            return;
        }

        // The publish failed: the sidecar is left, nothing published, no head moved. The sidecar is complete (its staged
        // objects are durable): the heal publishes the write.
        host.Failpoints.Arm(Failpoints.CommitManifestPublish, FailpointAction.FailBefore);
        await Assert.ThrowsAsync<RecoveryRequiredException>(() => host.Client.WriteAsync(CrashScenario.Write()));
        host.Failpoints.DisarmAll();
        if (pending == Pending.Incomplete)
        {
            await LegacySidecars.MakeLegacyAsync(host, "edge:Knows");
        }
    }

    /// <summary>How W is left pending.</summary>
    public enum Pending
    {
        /// <summary>The sidecar is written, the publish failed: the heal publishes it (rolls forward).</summary>
        Complete,

        /// <summary>Published, but one head did not move: the heal moves it forward.</summary>
        PublishedWithAHeadBehind,

        /// <summary>
        /// Not published, a sidecar of the earlier format (heads moved before the publish) with one of two heads moved:
        /// the heal fences and rolls back.
        /// </summary>
        Incomplete,
    }

    /// <summary>One heal step broken one way, on a pending write that reaches it.</summary>
    public sealed record HealCase(string Name, Failpoint Point, FailpointAction Action, Pending Pending, string? Scope)
    {
        public bool RollsForward => Pending != Pending.Incomplete;

        public override string ToString() => $"{Name} {Action} ({Pending})";
    }
}

using OmniGraph.Abstractions;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Assertions;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.Hosting;
using OmniGraph.Testing.IO;

namespace OmniGraph.Grains.Tests.Recovery;

/// <summary>
/// Every commit failpoint × {fail before, crash after} on a two-table write. Readers see the old graph or the new one,
/// never a mix (the new one from the publish on, which is when the write is acknowledged); the heal (at the next write in the same silo, or on activation of a fresh silo after the first was
/// killed) leaves published == physical heads and no sidecar, W committed exactly once if it rolled forward, and at most
/// one fencing rollback commit if it rolled back.
/// </summary>
public abstract class FailpointMatrixTests(ClusterShape shape) : ClusterShapedTests(shape)
{
    /// <summary>
    /// Before its sidecar exists a write that fails or crashes leaves nothing (only objects nobody names). Once the
    /// sidecar exists the write is complete on disk (its staged objects were made durable first): a crash or a failed
    /// publish leaves it to the heal, which publishes it. From the publish on it is acknowledged, and the steps after it
    /// (table heads, sidecar delete) run in the background: their failure leaves the sidecar, and the heal rolls the write
    /// forward.
    /// </summary>
    public static TheoryData<MatrixCase> Cases() =>
    [
        new(nameof(Failpoints.CommitStagedFlush), Failpoints.CommitStagedFlush, FailpointAction.FailBefore, 1, WriteOutcome.Fails, VisibleAfter: false, SidecarAfter: false, RollsForward: false),
        new(nameof(Failpoints.CommitStagedFlush), Failpoints.CommitStagedFlush, FailpointAction.CrashAfter, 1, WriteOutcome.Crashes, VisibleAfter: false, SidecarAfter: false, RollsForward: false),
        new(nameof(Failpoints.CommitSidecarWrite), Failpoints.CommitSidecarWrite, FailpointAction.FailBefore, 1, WriteOutcome.Fails, VisibleAfter: false, SidecarAfter: false, RollsForward: false),
        new(nameof(Failpoints.CommitSidecarWrite), Failpoints.CommitSidecarWrite, FailpointAction.CrashAfter, 1, WriteOutcome.Crashes, VisibleAfter: false, SidecarAfter: true, RollsForward: true),
        new(nameof(Failpoints.CommitManifestPublish), Failpoints.CommitManifestPublish, FailpointAction.FailBefore, 1, WriteOutcome.RecoveryRequired, VisibleAfter: false, SidecarAfter: true, RollsForward: true),
        new(nameof(Failpoints.CommitManifestPublish), Failpoints.CommitManifestPublish, FailpointAction.CrashAfter, 1, WriteOutcome.Crashes, VisibleAfter: true, SidecarAfter: true, RollsForward: true),
        new(nameof(Failpoints.CommitTableHeadAdvance) + "#1", Failpoints.CommitTableHeadAdvance, FailpointAction.FailBefore, 1, WriteOutcome.Succeeds, VisibleAfter: true, SidecarAfter: true, RollsForward: true),
        new(nameof(Failpoints.CommitTableHeadAdvance) + "#2", Failpoints.CommitTableHeadAdvance, FailpointAction.FailBefore, 2, WriteOutcome.Succeeds, VisibleAfter: true, SidecarAfter: true, RollsForward: true),
        new(nameof(Failpoints.CommitTableHeadAdvance) + "#1", Failpoints.CommitTableHeadAdvance, FailpointAction.CrashAfter, 1, WriteOutcome.Succeeds, VisibleAfter: true, SidecarAfter: true, RollsForward: true),
        new(nameof(Failpoints.CommitTableHeadAdvance) + "#2", Failpoints.CommitTableHeadAdvance, FailpointAction.CrashAfter, 2, WriteOutcome.Succeeds, VisibleAfter: true, SidecarAfter: true, RollsForward: true),
        new(nameof(Failpoints.CommitSidecarDelete), Failpoints.CommitSidecarDelete, FailpointAction.FailBefore, 1, WriteOutcome.Succeeds, VisibleAfter: true, SidecarAfter: true, RollsForward: true),
        new(nameof(Failpoints.CommitSidecarDelete), Failpoints.CommitSidecarDelete, FailpointAction.CrashAfter, 1, WriteOutcome.Succeeds, VisibleAfter: true, SidecarAfter: false, RollsForward: true),
    ];

    /// <summary>The heal happens at the next write in the same silo.</summary>
    [Theory]
    [MemberData(nameof(Cases), MemberType = typeof(FailpointMatrixTests))]
    public async Task Failure_ThenNextWriteInTheSameSilo_HealsToAConsistentGraph(MatrixCase matrix)
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await CrashScenario.BaselineAsync(host);

        await FailAsync(host, matrix);

        var next = await host.Client.WriteAsync(CrashScenario.Next());
        Assert.Equal((await host.HeadAsync()).Commit, next.Commit);
        await CrashScenario.AssertHealedAsync(host, matrix.RollsForward, nextWritten: true);
    }

    /// <summary>The first silo is killed after the failure; a fresh silo on the same directory heals on activation.</summary>
    [Theory]
    [MemberData(nameof(Cases), MemberType = typeof(FailpointMatrixTests))]
    public async Task Failure_ThenKill_ThenAFreshSiloOnTheSameDirectory_HealsOnOpen(MatrixCase matrix)
    {
        using var directory = new TempDirectory();
        var first = await GraphHost.InitAsync(new LocalDirectoryObjectStore(directory.Path));
        await CrashScenario.BaselineAsync(first);
        await FailAsync(first, matrix);
        await first.KillAsync();

        await using var fresh = await GraphHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));

        // Opening the graph (the manifest grain's activation) is what heals.
        await fresh.HeadAsync();
        await CrashScenario.AssertHealedAsync(fresh, matrix.RollsForward, nextWritten: false);
        await fresh.Client.WriteAsync(CrashScenario.Next());
        await CrashScenario.AssertHealedAsync(fresh, matrix.RollsForward, nextWritten: true);
    }

    /// <summary>
    /// While the commit stands still before each durable step, a reader sees the old graph (the new one once the write is
    /// acknowledged: the steps after it do not hold the writer up).
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases), MemberType = typeof(FailpointMatrixTests))]
    public async Task ReadersDuringEachStep_SeeOldOrNew_NeverAMix(MatrixCase matrix)
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await CrashScenario.BaselineAsync(host);
        var pause = host.Failpoints.Arm(matrix.Point, FailpointAction.PauseBefore, matrix.Hit);
        var write = host.Client.WriteAsync(CrashScenario.Write());
        await pause.Fired.WaitAsync(TimeSpan.FromSeconds(30));

        var sawNew = await CrashScenario.ReadAllOrNothingAsync(host);
        Assert.Equal(matrix.Point.AfterAcknowledgement, sawNew);
        if (matrix.Point.AfterAcknowledgement)
        {
            // Acknowledged while the step still stands: the write does not wait for it.
            await write.WaitAsync(TimeSpan.FromSeconds(30));
        }
        else
        {
            Assert.False(write.IsCompleted);
        }

        pause.Release();
        await write.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(await CrashScenario.ReadAllOrNothingAsync(host));
        await GraphAssertions.ConsistentAsync(host);
    }

    private static async Task FailAsync(GraphHost host, MatrixCase matrix)
    {
        var armed = host.Failpoints.Arm(matrix.Point, matrix.Action, matrix.Hit);
        var write = host.Client.WriteAsync(CrashScenario.Write());
        switch (matrix.Outcome)
        {
            case WriteOutcome.Fails:
                await ErrorAssert.ThrowsAsync(ErrorCodes.FailpointInjected, () => write);
                break;
            case WriteOutcome.Crashes:
                await Assert.ThrowsAsync<SimulatedCrashException>(() => write);
                break;
            case WriteOutcome.RecoveryRequired:
                var recovery = await Assert.ThrowsAsync<RecoveryRequiredException>(() => write);
                Assert.IsType<OmniGraphException>(recovery.InnerException);
                break;
            default:
                await write;
                break;
        }

        // A step after the acknowledgement runs in the background: wait for it (and its completion) before looking.
        await armed.Fired.WaitAsync(TimeSpan.FromSeconds(30));
        await host.Manifest.GetRecoveryStatusAsync();
        Assert.Equal(1, armed.FireCount);
        host.Failpoints.DisarmAll();
        Assert.Equal(matrix.VisibleAfter, await CrashScenario.ReadAllOrNothingAsync(host));
        Assert.Equal(matrix.SidecarAfter, (await host.SidecarsAsync()).Count == 1);
    }

    public enum WriteOutcome
    {
        Fails,
        Crashes,
        RecoveryRequired,
        Succeeds,
    }

    /// <summary>One cell of the matrix.</summary>
    public sealed record MatrixCase(
        string Name,
        Failpoint Point,
        FailpointAction Action,
        int Hit,
        WriteOutcome Outcome,
        bool VisibleAfter,
        bool SidecarAfter,
        bool RollsForward)
    {
        public override string ToString() => $"{Name} {Action}";
    }
}

/// <summary><see cref="FailpointMatrixTests"/> on one silo.</summary>
public sealed class FailpointMatrixTestsOnOneSilo() : FailpointMatrixTests(ClusterShape.OneSilo);

/// <summary><see cref="FailpointMatrixTests"/> on three silos.</summary>
public sealed class FailpointMatrixTestsOnThreeSilos() : FailpointMatrixTests(ClusterShape.ThreeSilos);

/// <summary><see cref="FailpointMatrixTests"/> on three silos with random placement.</summary>
public sealed class FailpointMatrixTestsOnThreeSilosRandom() : FailpointMatrixTests(ClusterShape.ThreeSilosRandom);

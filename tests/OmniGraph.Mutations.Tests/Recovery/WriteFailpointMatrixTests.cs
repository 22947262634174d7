using OmniGraph.Abstractions;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Mutations.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Assertions;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.Fixtures;
using OmniGraph.Testing.IO;

namespace OmniGraph.Mutations.Tests.Recovery;

/// <summary>
/// Every commit failpoint × {fail before, crash after} × every kind of write (three load modes, three mutation kinds):
/// readers see the graph before or after the write, never a mix; the next write in the same silo, or a fresh silo on the
/// same directory after the first was killed, heals it; a write rolled forward is committed exactly once, one rolled
/// back leaves at most one fencing commit. One matrix, generated from the commit's steps and each kind's tables.
/// </summary>
public sealed class WriteFailpointMatrixTests
{
    private const string NextActor = "next";

    public static TheoryData<WriteKind, Step> Cases()
    {
        var data = new TheoryData<WriteKind, Step>();
        foreach (var kind in Enum.GetValues<WriteKind>())
        {
            foreach (var step in Steps(WriteKinds.Tables(kind)))
            {
                data.Add(kind, step);
            }
        }

        return data;
    }

    /// <summary>
    /// Each durable step of a commit of <paramref name="tables"/> tables, broken both ways, with what that leaves. Before
    /// the sidecar exists nothing is left; once it exists the write is complete on disk and the heal publishes it; from the
    /// publish on it is acknowledged, and the steps after it (table heads, sidecar delete) run in the background.
    /// </summary>
    private static IEnumerable<Step> Steps(int tables)
    {
        yield return new(nameof(Failpoints.CommitStagedFlush), Failpoints.CommitStagedFlush, FailpointAction.FailBefore, 1, Outcome.Fails, false, false, false);
        yield return new(nameof(Failpoints.CommitStagedFlush), Failpoints.CommitStagedFlush, FailpointAction.CrashAfter, 1, Outcome.Crashes, false, false, false);
        yield return new(nameof(Failpoints.CommitSidecarWrite), Failpoints.CommitSidecarWrite, FailpointAction.FailBefore, 1, Outcome.Fails, false, false, false);
        yield return new(nameof(Failpoints.CommitSidecarWrite), Failpoints.CommitSidecarWrite, FailpointAction.CrashAfter, 1, Outcome.Crashes, false, true, true);
        yield return new(nameof(Failpoints.CommitManifestPublish), Failpoints.CommitManifestPublish, FailpointAction.FailBefore, 1, Outcome.RecoveryRequired, false, true, true);
        yield return new(nameof(Failpoints.CommitManifestPublish), Failpoints.CommitManifestPublish, FailpointAction.CrashAfter, 1, Outcome.Crashes, true, true, true);
        for (var hit = 1; hit <= tables; hit++)
        {
            yield return new($"{nameof(Failpoints.CommitTableHeadAdvance)}#{hit}", Failpoints.CommitTableHeadAdvance, FailpointAction.FailBefore, hit, Outcome.Succeeds, true, true, true);
            yield return new($"{nameof(Failpoints.CommitTableHeadAdvance)}#{hit}", Failpoints.CommitTableHeadAdvance, FailpointAction.CrashAfter, hit, Outcome.Succeeds, true, true, true);
        }

        yield return new(nameof(Failpoints.CommitSidecarDelete), Failpoints.CommitSidecarDelete, FailpointAction.FailBefore, 1, Outcome.Succeeds, true, true, true);
        yield return new(nameof(Failpoints.CommitSidecarDelete), Failpoints.CommitSidecarDelete, FailpointAction.CrashAfter, 1, Outcome.Succeeds, true, false, true);
    }

    /// <summary>The heal happens at the next write in the same silo.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public async Task FailureAtAStep_ThenTheNextWrite_HealsToOldOrNew(WriteKind kind, Step step)
    {
        await using var host = await MutationHost.StandardAsync();

        await FailAsync(host, kind, step);

        var next = await host.MutateAsync("insert_person", """{"name":"Nina","age":40}""", actor: NextActor);
        Assert.Equal((await host.HeadAsync()).Commit.Id, next.Commit!.GraphCommitId);
        await AssertHealedAsync(host, kind, step.RollsForward, nextWritten: true);
    }

    /// <summary>The silo is killed after the failure; a fresh silo on the same directory heals when it opens the graph.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public async Task FailureAtAStep_ThenKill_AFreshSiloHealsOnOpen(WriteKind kind, Step step)
    {
        using var directory = new TempDirectory();
        var first = await MutationHost.InitAsync(AcceptanceFixtures.TestSchema, AcceptanceFixtures.TestData, new LocalDirectoryObjectStore(directory.Path));
        await FailAsync(first, kind, step);
        await first.KillAsync();

        await using var fresh = await MutationHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        await fresh.HeadAsync();
        await AssertHealedAsync(fresh, kind, step.RollsForward, nextWritten: false);
        await fresh.MutateAsync("insert_person", """{"name":"Nina","age":40}""", actor: NextActor);
        await AssertHealedAsync(fresh, kind, step.RollsForward, nextWritten: true);
    }

    private static async Task FailAsync(MutationHost host, WriteKind kind, Step step)
    {
        // The writes that built the graph are completed first: a failpoint armed now meets only the write under test.
        await host.Manifest.GetRecoveryStatusAsync();
        var armed = host.Failpoints.Arm(step.Point, step.Action, step.Hit);
        var write = WriteKinds.RunAsync(host, kind);
        switch (step.Outcome)
        {
            case Outcome.Fails:
                await ErrorAssert.ThrowsAsync(ErrorCodes.FailpointInjected, () => write);
                break;
            case Outcome.Crashes:
                await Assert.ThrowsAsync<SimulatedCrashException>(() => write);
                break;
            case Outcome.RecoveryRequired:
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
        Assert.Equal(step.VisibleAfter, await WriteKinds.ReadAllOrNothingAsync(host, kind));
        Assert.Equal(step.SidecarAfter, (await host.SidecarsAsync()).Count == 1);
    }

    private static async Task AssertHealedAsync(MutationHost host, WriteKind kind, bool rolledForward, bool nextWritten)
    {
        await GraphAssertions.ConsistentAsync(host);
        Assert.Equal(rolledForward, await WriteKinds.ReadAllOrNothingAsync(host, kind));
        var history = await GraphAssertions.LinearHistoryAsync(host);
        Assert.Equal(rolledForward ? 1 : 0, history.Count(static c => c.Actor == WriteKinds.Actor));
        Assert.True(history.Count(static c => c.Actor == CommitInfo.RecoveryActor) <= 1);
        if (rolledForward)
        {
            Assert.Equal(0, history.Count(static c => c.Actor == CommitInfo.RecoveryActor));
        }

        Assert.Equal(nextWritten ? 1 : 0, history.Count(static c => c.Actor == NextActor));
    }

    public enum Outcome
    {
        Fails,
        Crashes,
        RecoveryRequired,
        Succeeds,
    }

    /// <summary>One durable step and what breaking it does.</summary>
    public sealed record Step(string Name, Failpoint Point, FailpointAction Action, int Hit, Outcome Outcome, bool VisibleAfter, bool SidecarAfter, bool RollsForward)
    {
        public override string ToString() => $"{Name} {Action}";
    }
}

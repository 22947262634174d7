using OmniGraph.Abstractions;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Testing.Errors;

using Outcome = OmniGraph.Mutations.Tests.Recovery.WriteFailpointMatrixTests.Outcome;
using Step = OmniGraph.Mutations.Tests.Recovery.WriteFailpointMatrixTests.Step;

namespace OmniGraph.Mutations.Tests.Recovery;

/// <summary>
/// The failpoint matrix of a write a coordinator stages itself (a merge, a schema apply): its staging step, then each
/// durable step of the commit, broken both ways, with what that leaves. Before the sidecar exists nothing is left; once
/// it exists the write is complete on disk and the heal publishes it; from the publish on it is acknowledged, and the
/// steps after it (one head per table, the sidecar delete) run in the background.
/// </summary>
internal static class CoordinatedWriteSteps
{
    /// <summary>The steps of a write staged at <paramref name="stage"/> that changes <paramref name="tables"/> tables.</summary>
    public static TheoryData<Step> For(Failpoint stage, string stageName, int tables)
    {
        var data = new TheoryData<Step>
        {
            new(stageName, stage, FailpointAction.FailBefore, 1, Outcome.Fails, false, false, false),
            new(stageName, stage, FailpointAction.CrashAfter, 1, Outcome.Crashes, false, false, false),
            new(nameof(Failpoints.CommitStagedFlush), Failpoints.CommitStagedFlush, FailpointAction.FailBefore, 1, Outcome.Fails, false, false, false),
            new(nameof(Failpoints.CommitStagedFlush), Failpoints.CommitStagedFlush, FailpointAction.CrashAfter, 1, Outcome.Crashes, false, false, false),
            new(nameof(Failpoints.CommitSidecarWrite), Failpoints.CommitSidecarWrite, FailpointAction.FailBefore, 1, Outcome.Fails, false, false, false),
            new(nameof(Failpoints.CommitSidecarWrite), Failpoints.CommitSidecarWrite, FailpointAction.CrashAfter, 1, Outcome.Crashes, false, true, true),
            new(nameof(Failpoints.CommitManifestPublish), Failpoints.CommitManifestPublish, FailpointAction.FailBefore, 1, Outcome.RecoveryRequired, false, true, true),
            new(nameof(Failpoints.CommitManifestPublish), Failpoints.CommitManifestPublish, FailpointAction.CrashAfter, 1, Outcome.Crashes, true, true, true),
        };
        for (var hit = 1; hit <= tables; hit++)
        {
            data.Add(new($"{nameof(Failpoints.CommitTableHeadAdvance)}#{hit}", Failpoints.CommitTableHeadAdvance, FailpointAction.FailBefore, hit, Outcome.Succeeds, true, true, true));
            data.Add(new($"{nameof(Failpoints.CommitTableHeadAdvance)}#{hit}", Failpoints.CommitTableHeadAdvance, FailpointAction.CrashAfter, hit, Outcome.Succeeds, true, true, true));
        }

        data.Add(new(nameof(Failpoints.CommitSidecarDelete), Failpoints.CommitSidecarDelete, FailpointAction.FailBefore, 1, Outcome.Succeeds, true, true, true));
        data.Add(new(nameof(Failpoints.CommitSidecarDelete), Failpoints.CommitSidecarDelete, FailpointAction.CrashAfter, 1, Outcome.Succeeds, true, false, true));
        return data;
    }

    /// <summary>Awaits <paramref name="write"/> as <paramref name="outcome"/> says it ends; returns its result when it succeeds.</summary>
    public static async Task<T?> ExpectAsync<T>(Task<T> write, Outcome outcome)
        where T : class
    {
        switch (outcome)
        {
            case Outcome.Fails:
                await ErrorAssert.ThrowsAsync(ErrorCodes.FailpointInjected, () => write);
                return null;
            case Outcome.Crashes:
                await Assert.ThrowsAsync<SimulatedCrashException>(() => write);
                return null;
            case Outcome.RecoveryRequired:
                await Assert.ThrowsAsync<RecoveryRequiredException>(() => write);
                return null;
            default:
                return await write;
        }
    }
}

using OmniGraph.Abstractions;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.TestWorker.Handshake;
using OmniGraph.TestWorker.Verbs;
using Xunit;

namespace OmniGraph.Testing.Concurrency;

/// <summary>
/// The steps of a race between <c>graph-write</c> worker processes (<see cref="GraphWriteWorker"/>) and the checks of
/// their reports: where to hold two workers so both stand inside the same window of the commit protocol, and what a
/// published or refused write must say.
/// </summary>
public static class ProcessRace
{
    /// <summary>The catalogue failpoint held in field <paramref name="field"/> of <see cref="Failpoints"/> (theory data names it with <c>nameof</c>).</summary>
    public static Failpoint Step(string field) =>
        typeof(Failpoints).GetField(field)?.GetValue(null) as Failpoint ?? throw new ArgumentException($"Failpoints has no field '{field}'", nameof(field));

    /// <summary>
    /// The steps a worker pauses at to be held at <paramref name="step"/>: always first before its sidecar (prepared,
    /// nothing written), so every worker has opened the graph — and healed it — before any of them writes.
    /// </summary>
    public static Failpoint[] StepsTo(Failpoint step) =>
        ReferenceEquals(step, Failpoints.CommitSidecarWrite) ? [step] : [Failpoints.CommitSidecarWrite, step];

    /// <summary>
    /// Holds both workers (started with <see cref="StepsTo"/>) at <paramref name="step"/>: first both before their
    /// sidecars (both prepared on the same head), then, released together, both at the step.
    /// </summary>
    public static async Task HoldBothAsync(GraphWriteWorker a, GraphWriteWorker b, Failpoint step)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        await a.WaitPausedAsync(Failpoints.CommitSidecarWrite);
        await b.WaitPausedAsync(Failpoints.CommitSidecarWrite);
        if (!ReferenceEquals(step, Failpoints.CommitSidecarWrite))
        {
            a.Release(Failpoints.CommitSidecarWrite);
            b.Release(Failpoints.CommitSidecarWrite);
            await a.WaitPausedAsync(step);
            await b.WaitPausedAsync(step);
        }
    }

    /// <summary>The write published a commit on <paramref name="parent"/> after <paramref name="attempts"/> preparations.</summary>
    public static void AssertPublished(GraphWriteReport report, string parent, int attempts)
    {
        ArgumentNullException.ThrowIfNull(report);
        Assert.True(report.Committed, report.ToString());
        Assert.Equal(parent, report.Commit!.ParentCommitId);
        Assert.Equal(attempts, report.Attempts);
    }

    /// <summary>The write was refused with <c>read_set_conflict</c> on main's head: prepared on <paramref name="expected"/>, found <paramref name="actual"/>.</summary>
    public static void AssertConflict(GraphWriteReport report, string expected, string actual)
    {
        ArgumentNullException.ThrowIfNull(report);
        Assert.False(report.Committed, report.ToString());
        Assert.Equal(ErrorCodes.ReadSetConflict, report.ErrorCode);
        Assert.Equal(ReadSetChangedException.GraphHead(BranchNames.Main), report.ConflictMember);
        Assert.Equal(expected, report.ConflictExpected);
        Assert.Equal(actual, report.ConflictActual);
    }
}

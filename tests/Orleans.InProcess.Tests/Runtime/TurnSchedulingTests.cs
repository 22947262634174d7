using Orleans.InProcess.Tests.Grains;
using Orleans.InProcess.Tests.Infrastructure;

namespace Orleans.InProcess.Tests.Runtime;

/// <summary>One turn at a time per activation, always; continuations come back to the activation's scheduler.</summary>
[Collection(DefaultClusterCollection.Name)]
public sealed class TurnSchedulingTests(DefaultClusterFixture fixture)
{
    /// <summary>
    /// Many concurrent requests to a [Reentrant] grain interleave at every await (yield, timer delay, thread-pool
    /// work), yet no two turns ever overlap and every turn runs on the activation's scheduler with its context set.
    /// </summary>
    [Fact]
    public async Task ReentrantGrain_TurnsInterleaveButNeverOverlap()
    {
        var grain = fixture.GrainFactory.GetGrain<IReentrantTurnGrain>(TestClusters.UniqueKey());
        var calls = Enumerable.Range(0, 32).Select(_ => Task.Run(() => grain.Work(30))).ToArray();
        await TestProbe.WithLimit(Task.WhenAll(calls), "32 interleaving requests");

        var report = await grain.GetReport();
        Assert.Equal(0, report.Overlaps);
        Assert.Equal(0, report.ForeignSchedulerTurns);
        Assert.Equal(0, report.MissingContextTurns);
        Assert.Equal(32 * 31, report.Segments);
    }

    [Fact]
    public async Task NonReentrantGrain_TurnsNeverOverlap()
    {
        var grain = fixture.GrainFactory.GetGrain<ITurnGrain>(TestClusters.UniqueKey());
        var calls = Enumerable.Range(0, 16).Select(_ => Task.Run(() => grain.Work(12))).ToArray();
        await TestProbe.WithLimit(Task.WhenAll(calls), "16 queued requests");

        var report = await grain.GetReport();
        Assert.Equal(new TurnReport(0, 0, 0, 16 * 13), report);
    }

    /// <summary>Grain code's awaits resume on the activation's scheduler even when the awaited work completed elsewhere.</summary>
    [Fact]
    public async Task Continuations_ReturnToTheActivationScheduler()
    {
        var grain = fixture.GrainFactory.GetGrain<ITurnGrain>(TestClusters.UniqueKey());
        await grain.Work(9);

        var report = await grain.GetReport();
        Assert.Equal(0, report.ForeignSchedulerTurns);
        Assert.Equal(0, report.MissingContextTurns);
    }

    /// <summary>Calls from an async caller on the default scheduler: its continuation never runs on a grain's scheduler.</summary>
    [Fact]
    public async Task CallerContinuation_RunsOutsideTheGrainScheduler()
    {
        var grain = fixture.GrainFactory.GetGrain<IShapesGrain>(TestClusters.UniqueKey());
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(3, await grain.AddSlowly(1, 2));
            Assert.Same(TaskScheduler.Default, TaskScheduler.Current);
            Assert.Null(Orleans.Runtime.RuntimeContext.Current);
        }
    }
}

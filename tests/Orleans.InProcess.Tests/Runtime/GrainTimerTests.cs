using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.InProcess.Tests.Grains;
using Orleans.InProcess.Tests.Infrastructure;
using Orleans.TestingHost;

namespace Orleans.InProcess.Tests.Runtime;

/// <summary>Grain timers: on the activation's scheduler, never overlapping, obeying reentrancy unless interleaving.</summary>
public sealed class GrainTimerTests
{
    private static readonly TimeSpan s_period = TimeSpan.FromSeconds(10);

    private readonly TestProbe _probe = new();
    private readonly FakeTimeProvider _time = new();

    private Task<InProcessTestCluster> DeployAsync() => TestClusters.DeployAsync(_probe, configure: silo =>
    {
        silo.Services.AddSingleton<TimeProvider>(_time);
        silo.Services.Configure<SiloMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromDays(30));
        silo.Services.Configure<GrainCollectionOptions>(options =>
        {
            options.CollectionQuantum = TimeSpan.FromMinutes(1);
            options.CollectionAge = TimeSpan.FromMinutes(10);
        });
    });

    [Fact]
    public async Task Timer_TicksEveryPeriod()
    {
        await using var cluster = await DeployAsync();
        var key = TestClusters.UniqueKey();
        var grain = cluster.GrainFactory.GetGrain<ITimerGrain>(key);
        await grain.StartTimer(new TimerPlan(s_period, s_period));

        for (var tick = 1; tick <= 3; tick++)
        {
            await TickAsync(key, tick);
        }

        Assert.Equal(3, await grain.GetTickCount());
    }

    /// <summary>A tick still running when the next falls due delays it: ticks never overlap.</summary>
    [Fact]
    public async Task SlowTick_DelaysTheNext_TicksNeverOverlap()
    {
        await using var cluster = await DeployAsync();
        var key = TestClusters.UniqueKey();
        var grain = cluster.GrainFactory.GetGrain<ITimerGrain>(key);
        await grain.StartTimer(new TimerPlan(s_period, s_period, BlockEachTick: true));

        var first = _probe.WhenReached($"{key}:tick1");
        _time.Advance(s_period);
        await first;

        _time.Advance(s_period * 5);
        Assert.False(_probe.HasReached($"{key}:tick2"), "a second tick started while the first was running");

        // The next tick is armed only once the first completes, a full period later.
        var rearmed = _time.WhenTimerChanged();
        _probe.Release($"{key}:tick1");
        await TestProbe.WithLimit(rearmed, "the timer to re-arm after tick 1");
        var second = _probe.WhenReached($"{key}:tick2");
        _time.Advance(s_period);
        await second;

        Assert.DoesNotContain($"{key} overlapping ticks", _probe.Events);
        _probe.Release($"{key}:tick2");
    }

    [Fact]
    public async Task NonInterleavingTick_WaitsForTheRunningRequest()
    {
        await using var cluster = await DeployAsync();
        var key = TestClusters.UniqueKey();
        var grain = cluster.GrainFactory.GetGrain<ITimerGrain>(key);
        await grain.StartTimer(new TimerPlan(s_period, Timeout.InfiniteTimeSpan));
        var hold = $"{key}-hold";

        var entered = _probe.WhenReached($"{hold}:entered");
        var request = grain.Hold(hold);
        await entered;
        _time.Advance(s_period);
        Assert.Equal(1, ActivationInspector.WaitingCount(cluster, grain));
        Assert.False(_probe.HasReached($"{key}:tick1"), "a non-interleaving tick ran during a request");

        var tick = _probe.WhenReached($"{key}:tick1");
        _probe.Release(hold);
        await request;
        await tick;
        Assert.True(IndexOf($"{hold} end") < IndexOf($"{key} tick 1 start"));
    }

    [Fact]
    public async Task InterleavingTick_RunsDuringTheRunningRequest()
    {
        await using var cluster = await DeployAsync();
        var key = TestClusters.UniqueKey();
        var grain = cluster.GrainFactory.GetGrain<ITimerGrain>(key);
        await grain.StartTimer(new TimerPlan(s_period, Timeout.InfiniteTimeSpan, Interleave: true));
        var hold = $"{key}-hold";

        var entered = _probe.WhenReached($"{hold}:entered");
        var request = grain.Hold(hold);
        await entered;
        var tick = _probe.WhenReached($"{key}:tick1:end");
        _time.Advance(s_period);
        await tick;

        _probe.Release(hold);
        await request;
        Assert.True(IndexOf($"{key} tick 1 end") < IndexOf($"{hold} end"));
    }

    [Fact]
    public async Task FailingCallback_IsLogged_AndTheTimerKeepsTicking()
    {
        await using var cluster = await DeployAsync();
        var key = TestClusters.UniqueKey();
        var grain = cluster.GrainFactory.GetGrain<ITimerGrain>(key);
        await grain.StartTimer(new TimerPlan(s_period, s_period, ThrowEachTick: true));

        for (var tick = 1; tick <= 3; tick++)
        {
            await TickAsync(key, tick);
        }

        Assert.Equal(3, await grain.GetTickCount());
    }

    [Fact]
    public async Task DisposedTimer_StopsTicking()
    {
        await using var cluster = await DeployAsync();
        var key = TestClusters.UniqueKey();
        var grain = cluster.GrainFactory.GetGrain<ITimerGrain>(key);
        await grain.StartTimer(new TimerPlan(s_period, s_period));
        await TickAsync(key, 1);

        await grain.StopTimer();
        _time.Advance(s_period * 10);

        Assert.Equal(1, await grain.GetTickCount());
        Assert.False(_probe.HasReached($"{key}:tick2"));
    }

    /// <summary>
    /// Ticks are not activity: a grain whose only work is its timer is collected once idle for the collection age
    /// (10 minutes here), and its timer dies with it.
    /// </summary>
    [Fact]
    public async Task Timer_DoesNotKeepTheActivationAlive_AndDiesWithIt()
    {
        await using var cluster = await DeployAsync();
        var key = TestClusters.UniqueKey();
        var grain = cluster.GrainFactory.GetGrain<ITimerGrain>(key);
        await grain.StartTimer(new TimerPlan(s_period, s_period));
        var deactivated = cluster.WaitForDeactivationAsync(grain);
        var timersWithGrainTimer = _time.TimerCount;

        // Tick by tick, each completed and re-armed before time moves on, so the collector (every minute) always
        // finds the grain idle between ticks and collects it at the first check after 10 minutes.
        for (var tick = 1; tick <= 90 && !deactivated.IsCompleted; tick++)
        {
            var ended = _probe.WhenReached($"{key}:tick{tick}:end");
            var rearmed = _time.WhenTimerChanged();
            _time.Advance(s_period);
            await TestProbe.WithLimit(Task.WhenAny(Task.WhenAll(ended, rearmed), deactivated), $"tick {tick} or the deactivation");
        }

        await TestProbe.WithLimit(deactivated, "the idle grain with a timer to be collected");
        Assert.Equal(TimeSpan.FromMinutes(10), _time.Elapsed);
        Assert.Equal(timersWithGrainTimer - 1, _time.TimerCount);
    }

    [Fact]
    public async Task KeepAliveTimer_KeepsTheActivationAlive()
    {
        await using var cluster = await DeployAsync();
        var key = TestClusters.UniqueKey();
        var grain = cluster.GrainFactory.GetGrain<ITimerGrain>(key);
        await grain.StartTimer(new TimerPlan(s_period, s_period, KeepAlive: true));

        // Half an hour of ticks, three times the collection age.
        for (var tick = 1; tick <= 180; tick++)
        {
            await TickAsync(key, tick);
        }

        Assert.True(cluster.TryGetGrainContext(grain.GetGrainId(), out _));
        Assert.Equal(180, await grain.GetTickCount());
    }

    /// <summary>Fires tick <paramref name="tick"/> and waits until it ended and the timer re-armed.</summary>
    private async Task TickAsync(string key, int tick)
    {
        var ended = _probe.WhenReached($"{key}:tick{tick}:end");
        var rearmed = _time.WhenTimerChanged();
        _time.Advance(s_period);
        await ended;
        await TestProbe.WithLimit(rearmed, $"the timer to re-arm after tick {tick}");
    }

    private int IndexOf(string text)
    {
        var events = _probe.Events;
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] == text)
            {
                return i;
            }
        }

        throw new Xunit.Sdk.XunitException($"Event '{text}' was not recorded. Events: {string.Join(" | ", events)}");
    }
}

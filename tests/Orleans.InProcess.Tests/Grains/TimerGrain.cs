using Orleans.Concurrency;
using Orleans.InProcess.Tests.Infrastructure;
using Orleans.Runtime;

namespace Orleans.InProcess.Tests.Grains;

/// <summary>How a test timer behaves.</summary>
[GenerateSerializer]
public sealed record TimerPlan(
    [property: Id(0)] TimeSpan DueTime,
    [property: Id(1)] TimeSpan Period,
    [property: Id(2)] bool Interleave = false,
    [property: Id(3)] bool KeepAlive = false,
    [property: Id(4)] bool BlockEachTick = false,
    [property: Id(5)] bool ThrowEachTick = false);

/// <summary>Runs one grain timer; every tick is recorded as <c>tick {n} start</c> / <c>tick {n} end</c>.</summary>
public interface ITimerGrain : IGrainWithStringKey
{
    Task StartTimer(TimerPlan plan);

    Task StopTimer();

    [AlwaysInterleave]
    Task<int> GetTickCount();

    /// <summary>A request that waits at <c>{tag}:entered</c> until released.</summary>
    Task Hold(string tag);
}

public sealed class TimerGrain(TestProbe probe) : Grain, ITimerGrain
{
    private IGrainTimer? _timer;
    private int _ticks;
    private int _ticksRunning;

    public Task StartTimer(TimerPlan plan)
    {
        var key = this.GetPrimaryKeyString();
        _timer = this.RegisterGrainTimer(
            async cancellationToken =>
            {
                var tick = ++_ticks;
                if (++_ticksRunning != 1)
                {
                    probe.Record($"{key} overlapping ticks");
                }

                probe.Record($"{key} tick {tick} start");
                probe.Reached($"{key}:tick{tick}");
                if (plan.BlockEachTick)
                {
                    await probe.WaitForReleaseAsync($"{key}:tick{tick}");
                }

                _ticksRunning--;
                probe.Record($"{key} tick {tick} end");
                probe.Reached($"{key}:tick{tick}:end");
                if (plan.ThrowEachTick)
                {
                    throw new InvalidOperationException($"tick {tick} failed on purpose");
                }
            },
            new GrainTimerCreationOptions(plan.DueTime, plan.Period) { Interleave = plan.Interleave, KeepAlive = plan.KeepAlive });
        return Task.CompletedTask;
    }

    public Task StopTimer()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public Task<int> GetTickCount() => Task.FromResult(_ticks);

    public async Task Hold(string tag)
    {
        probe.Record($"{tag} start");
        probe.Reached($"{tag}:entered");
        await probe.WaitForReleaseAsync(tag);
        probe.Record($"{tag} end");
    }
}

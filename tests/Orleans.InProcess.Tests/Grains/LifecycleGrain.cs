using Orleans.InProcess.Tests.Infrastructure;
using Orleans.Runtime;

namespace Orleans.InProcess.Tests.Grains;

/// <summary>Records its activation and deactivation (with the reason and whether it ran on its own scheduler).</summary>
public interface ILifecycleGrain : IGrainWithStringKey
{
    Task<long> Ping();

    /// <summary>Asks to be deactivated once this request completes.</summary>
    Task<long> DeactivateAfterThis();

    Task DelayDeactivationBy(TimeSpan delay);

    /// <summary>Waits at <c>{tag}:entered</c> until released (keeps a request running).</summary>
    Task Hold(string tag);
}

public interface IKeepAliveGrain : IGrainWithStringKey
{
    Task<long> Ping();
}

public abstract class LifecycleGrainBase(TestProbe probe) : Grain
{
    private static long s_activations;
    private readonly long _activationNumber = Interlocked.Increment(ref s_activations);
    private TaskScheduler? _scheduler;

    protected TestProbe Probe => probe;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _scheduler = TaskScheduler.Current;
        probe.Record($"activate {this.GetPrimaryKeyString()} #{_activationNumber}");
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var onOwnScheduler = ReferenceEquals(TaskScheduler.Current, _scheduler) && ReferenceEquals(RuntimeContext.Current, GrainContext);
        probe.Record($"deactivate {this.GetPrimaryKeyString()} #{_activationNumber} {reason.ReasonCode} own-scheduler={onOwnScheduler}");
        probe.Reached($"{this.GetPrimaryKeyString()}:deactivated#{_activationNumber}");
    }

    public Task<long> Ping() => Task.FromResult(_activationNumber);
}

public sealed class LifecycleGrain(TestProbe probe) : LifecycleGrainBase(probe), ILifecycleGrain
{
    public Task<long> DeactivateAfterThis()
    {
        DeactivateOnIdle();
        return Ping();
    }

    public Task DelayDeactivationBy(TimeSpan delay)
    {
        DelayDeactivation(delay);
        return Task.CompletedTask;
    }

    public async Task Hold(string tag)
    {
        Probe.Reached($"{tag}:entered");
        await Probe.WaitForReleaseAsync(tag);
    }
}

[KeepAlive]
public sealed class KeepAliveGrain(TestProbe probe) : LifecycleGrainBase(probe), IKeepAliveGrain
{
}

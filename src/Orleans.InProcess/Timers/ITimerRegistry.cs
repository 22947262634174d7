using Orleans.Runtime;

namespace Orleans.Timers;

/// <summary>Creates grain timers (what <see cref="GrainBaseExtensions.RegisterGrainTimer(IGrainBase, Func{Task}, TimeSpan, TimeSpan)"/> uses).</summary>
public interface ITimerRegistry
{
    /// <summary>Registers a timer on <paramref name="grainContext"/>.</summary>
    IGrainTimer RegisterGrainTimer<TState>(IGrainContext grainContext, Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options);
}

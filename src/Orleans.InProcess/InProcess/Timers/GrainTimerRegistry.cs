using Orleans.InProcess.Activation;
using Orleans.Runtime;
using Orleans.Timers;

namespace Orleans.InProcess.Timers;

/// <summary>The <see cref="ITimerRegistry"/> of the in-process runtime: timers belong to the given activation.</summary>
internal sealed class GrainTimerRegistry : ITimerRegistry
{
    public IGrainTimer RegisterGrainTimer<TState>(IGrainContext grainContext, Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(grainContext);
        ArgumentNullException.ThrowIfNull(callback);
        if (grainContext is not GrainActivation activation)
        {
            throw new InvalidOperationException($"Grain timers can only be registered on activations of the in-process runtime, not on {grainContext.GetType()}.");
        }

        return activation.RegisterTimer(static (boxedState, cancellationToken) => ((TimerState<TState>)boxedState!).Invoke(cancellationToken), new TimerState<TState>(callback, state), options);
    }

    /// <summary>The user's callback and state, boxed once per timer (not per tick).</summary>
    private sealed class TimerState<TState>(Func<TState, CancellationToken, Task> callback, TState state)
    {
        public Task Invoke(CancellationToken cancellationToken) => callback(state, cancellationToken);
    }
}

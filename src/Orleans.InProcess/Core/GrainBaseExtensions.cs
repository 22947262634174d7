using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Timers;

namespace Orleans;

/// <summary>Runtime services for grains (<see cref="Grain"/> subclasses and plain <see cref="IGrainBase"/> classes).</summary>
public static class GrainBaseExtensions
{
    /// <summary>Deactivates the grain's activation once its running requests have finished; later calls get a fresh one.</summary>
    public static void DeactivateOnIdle(this IGrainBase grain)
    {
        ArgumentNullException.ThrowIfNull(grain);
        grain.GrainContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called."));
    }

    /// <summary>Registers a grain timer (see <see cref="IGrainTimer"/>): first tick after <paramref name="dueTime"/>, then every <paramref name="period"/>.</summary>
    public static IGrainTimer RegisterGrainTimer(this IGrainBase grain, Func<Task> callback, TimeSpan dueTime, TimeSpan period)
        => RegisterGrainTimer(grain, callback, new GrainTimerCreationOptions(dueTime, period));

    /// <summary>Registers a grain timer whose callback receives a token cancelled when the timer is disposed.</summary>
    public static IGrainTimer RegisterGrainTimer(this IGrainBase grain, Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
        => RegisterGrainTimer(grain, callback, new GrainTimerCreationOptions(dueTime, period));

    /// <summary>Registers a grain timer.</summary>
    public static IGrainTimer RegisterGrainTimer(this IGrainBase grain, Func<Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return RegisterGrainTimer(grain, static (state, _) => state(), callback, options);
    }

    /// <summary>Registers a grain timer whose callback receives a token cancelled when the timer is disposed.</summary>
    public static IGrainTimer RegisterGrainTimer(this IGrainBase grain, Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return RegisterGrainTimer(grain, static (state, cancellationToken) => state(cancellationToken), callback, options);
    }

    /// <summary>Registers a grain timer with a state argument.</summary>
    public static IGrainTimer RegisterGrainTimer<TState>(this IGrainBase grain, Func<TState, Task> callback, TState state, TimeSpan dueTime, TimeSpan period)
        => RegisterGrainTimer(grain, callback, state, new GrainTimerCreationOptions(dueTime, period));

    /// <summary>Registers a grain timer with a state argument.</summary>
    public static IGrainTimer RegisterGrainTimer<TState>(this IGrainBase grain, Func<TState, CancellationToken, Task> callback, TState state, TimeSpan dueTime, TimeSpan period)
        => RegisterGrainTimer(grain, callback, state, new GrainTimerCreationOptions(dueTime, period));

    /// <summary>Registers a grain timer with a state argument.</summary>
    public static IGrainTimer RegisterGrainTimer<TState>(this IGrainBase grain, Func<TState, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return RegisterGrainTimer(grain, static (s, _) => s.Callback(s.State), (Callback: callback, State: state), options);
    }

    /// <summary>Registers a grain timer with a state argument; the callback receives a token cancelled when the timer is disposed.</summary>
    public static IGrainTimer RegisterGrainTimer<TState>(this IGrainBase grain, Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(grain);
        ArgumentNullException.ThrowIfNull(callback);
        var registry = grain.GrainContext.ActivationServices.GetRequiredService<ITimerRegistry>();
        return registry.RegisterGrainTimer(grain.GrainContext, callback, state, options);
    }
}

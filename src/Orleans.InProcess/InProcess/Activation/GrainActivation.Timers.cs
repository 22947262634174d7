using Orleans.InProcess.Timers;
using Orleans.Runtime;

namespace Orleans.InProcess.Activation;

// Grain timers: they belong to the activation and die with it.
internal sealed partial class GrainActivation
{
    /// <summary>Creates a timer owned by this activation.</summary>
    internal IGrainTimer RegisterTimer(Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options)
    {
        var timer = new GrainTimer(this, callback, state, options);
        bool alive;
        lock (_lock)
        {
            // Once deactivation has disposed the timers, a new one would outlive the activation: it stays inert.
            alive = _state is not ActivationState.Invalid && !(_state == ActivationState.Deactivating && _deactivationTurnQueued);
            if (alive)
            {
                (_timers ??= []).Add(timer);
            }
        }

        if (alive)
        {
            timer.Arm(options.DueTime, options.Period);
        }
        else
        {
            timer.Dispose();
        }

        return timer;
    }

    /// <summary>Forgets a disposed timer.</summary>
    internal void RemoveTimer(GrainTimer timer)
    {
        lock (_lock)
        {
            _timers?.Remove(timer);
        }
    }

    private void DisposeTimers()
    {
        GrainTimer[] timers;
        lock (_lock)
        {
            timers = _timers?.ToArray() ?? [];
            _timers = null;
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }
}

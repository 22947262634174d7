using Microsoft.Extensions.DependencyInjection;
using Orleans.InProcess.Invocation;
using Orleans.InProcess.Persistence;

namespace Orleans.InProcess.Activation;

// Activation, deactivation, idle collection and crash simulation.
internal sealed partial class GrainActivation
{
    private long _lastActivity;
    private long _keepAliveUntil;
    private DeactivationReason _deactivationReason;
    private DeactivationReason? _deactivationRequestedWhileActivating;
    private bool _deactivationTurnQueued;

    private enum LifecycleStep
    {
        Activate,
        Deactivate,
    }

    /// <summary>Queues the activation turn; called once, by the catalog, after this activation won registration.</summary>
    internal void Start()
    {
        lock (_lock)
        {
            _scheduler.EnqueueLocked(new LifecycleTurn(LifecycleStep.Activate));
        }
    }

    /// <inheritdoc />
    public void Deactivate(DeactivationReason deactivationReason, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            BeginDeactivationLocked(deactivationReason);
            AdvanceLocked();
        }
    }

    /// <summary>Keeps the activation from idle collection for <paramref name="timeSpan"/> (infinite: forever; zero or less: reset).</summary>
    internal void DelayDeactivation(TimeSpan timeSpan)
    {
        lock (_lock)
        {
            if (timeSpan == TimeSpan.MaxValue || timeSpan == Timeout.InfiniteTimeSpan)
            {
                _keepAliveUntil = long.MaxValue;
            }
            else if (timeSpan <= TimeSpan.Zero)
            {
                _keepAliveUntil = 0;
            }
            else
            {
                var ticks = (long)(timeSpan.TotalSeconds * _runtime.TimeProvider.TimestampFrequency);
                _keepAliveUntil = _runtime.TimeProvider.GetTimestamp() + ticks;
            }
        }
    }

    /// <inheritdoc />
    public void CollectIfIdle(long nowTimestamp)
    {
        var age = _grainClass.CollectionAge;
        if (age == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        lock (_lock)
        {
            if (_state != ActivationState.Valid || RunningCount > 0 || _waiting.Count > 0 || nowTimestamp < _keepAliveUntil)
            {
                return;
            }

            if (_runtime.TimeProvider.GetElapsedTime(_lastActivity, nowTimestamp) < age)
            {
                return;
            }

            BeginDeactivationLocked(new DeactivationReason(DeactivationReasonCode.ActivationIdle, $"The activation was idle for longer than its collection age ({age})."));
            AdvanceLocked();
        }
    }

    /// <inheritdoc />
    public Task DeactivateAllAsync(DeactivationReason reason)
    {
        Deactivate(reason);
        return Deactivated;
    }

    /// <inheritdoc />
    public void Kill(Exception reason)
    {
        List<IAdmissionItem> waiting;
        lock (_lock)
        {
            if (_state == ActivationState.Invalid)
            {
                return;
            }

            // No turn runs after this: queued continuations are dropped, so grain code freezes at its next await,
            // the closest a single process gets to the activation's silo crashing.
            _state = ActivationState.Invalid;
            _scheduler.StopLocked();
            waiting = TakeAllWaitingLocked();
        }

        DisposeTimers();
        SignalDeactivated();
        foreach (var item in waiting)
        {
            item.Reject(reason);
        }
    }

    private void BeginDeactivationLocked(DeactivationReason reason)
    {
        switch (_state)
        {
            case ActivationState.Creating or ActivationState.Activating:
                // Applied once the activation is valid, so OnDeactivateAsync always follows a completed OnActivateAsync.
                _deactivationRequestedWhileActivating ??= reason;
                break;
            case ActivationState.Valid:
                _state = ActivationState.Deactivating;
                _deactivationReason = reason;
                break;
        }
    }

    private async Task ActivateCoreAsync()
    {
        lock (_lock)
        {
            if (_state != ActivationState.Creating)
            {
                return;
            }

            _state = ActivationState.Activating;
        }

        var scope = _runtime.Services.CreateScope();
        Volatile.Write(ref _scope, scope);

        // Runs on this activation's turn, so RuntimeContext.Current is set for the parameterless Grain constructor,
        // and persistent states created by the constructor register themselves to be read next.
        Volatile.Write(ref _grainInstance, _grainClass.CreateInstance(this, scope.ServiceProvider));

        using var cancellation = new CancellationTokenSource(_runtime.CollectionOptions.ActivationTimeout, _runtime.TimeProvider);
        List<IActivationStateReader>? states;
        lock (_lock)
        {
            states = _statesToRead;
            _statesToRead = null;
        }

        if (states is not null)
        {
            foreach (var state in states)
            {
                await state.ReadOnActivationAsync(cancellation.Token);
            }
        }

        if (_grainInstance is IGrainBase grainBase)
        {
            await grainBase.OnActivateAsync(cancellation.Token).WaitAsync(cancellation.Token);
        }
    }

    private void FinishActivation(Task activation)
    {
        if (activation.IsCompletedSuccessfully)
        {
            lock (_lock)
            {
                if (_state != ActivationState.Activating)
                {
                    return;
                }

                _state = ActivationState.Valid;
                _lastActivity = _runtime.TimeProvider.GetTimestamp();
                if (_deactivationRequestedWhileActivating is { } reason)
                {
                    _deactivationRequestedWhileActivating = null;
                    BeginDeactivationLocked(reason);
                }

                AdvanceLocked();
            }

            _runtime.Log.Activated(GrainId, _grainClass.ClassType.Name);
            return;
        }

        var failure = GrainRequest.ExceptionOf(activation);
        List<IAdmissionItem> waiting;
        lock (_lock)
        {
            if (_state == ActivationState.Invalid)
            {
                return;
            }

            _state = ActivationState.Invalid;
            waiting = TakeAllWaitingLocked();
        }

        _runtime.Log.ActivationFailed(failure, GrainId);
        Retire();

        // Every call waiting for this activation gets the activation's failure; the next call starts a fresh one.
        foreach (var item in waiting)
        {
            item.Reject(failure);
        }
    }

    private async Task DeactivateCoreAsync()
    {
        DisposeTimers();
        if (_grainInstance is IGrainBase grainBase)
        {
            using var cancellation = new CancellationTokenSource(_runtime.CollectionOptions.DeactivationTimeout, _runtime.TimeProvider);
            try
            {
                await grainBase.OnDeactivateAsync(_deactivationReason, cancellation.Token).WaitAsync(cancellation.Token);
            }
            catch (Exception exception)
            {
                _runtime.Log.DeactivationCallbackFailed(exception, GrainId);
            }
        }
    }

    private void FinishDeactivation()
    {
        List<IAdmissionItem> waiting;
        lock (_lock)
        {
            if (_state != ActivationState.Deactivating)
            {
                return;
            }

            _state = ActivationState.Invalid;
            waiting = TakeAllWaitingLocked();
        }

        _runtime.Log.Deactivated(GrainId, _deactivationReason.ReasonCode);
        Retire();

        // Requests that arrived while deactivating go to the grain's next activation (created on demand).
        foreach (var item in waiting)
        {
            item.Reroute();
        }
    }

    /// <summary>Removes the activation from the catalog and releases what it holds.</summary>
    private void Retire()
    {
        if (_pool is not null)
        {
            _pool.OnWorkerRetired(this);
        }
        else
        {
            _runtime.Catalog.Remove(GrainId, this);
        }

        DisposeTimers();
        if (Volatile.Read(ref _scope) is { } scope)
        {
            _ = DisposeScopeAsync(scope);
        }

        SignalDeactivated();
    }

    private async Task DisposeScopeAsync(IServiceScope scope)
    {
        try
        {
            if (scope is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                scope.Dispose();
            }
        }
        catch (Exception exception)
        {
            _runtime.Log.ScopeDisposalFailed(exception, GrainId);
        }
    }

    private void SignalDeactivated()
    {
        TaskCompletionSource deactivated;
        lock (_lock)
        {
            deactivated = _deactivated ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        deactivated.TrySetResult();
    }

    /// <summary>An activation or deactivation step: an async method started on a turn, finished when its task completes.</summary>
    private sealed class LifecycleTurn(LifecycleStep step) : IActivationTurn
    {
        private Task? _task;

        public void ExecuteTurn(GrainActivation activation)
            => _task = step == LifecycleStep.Activate ? activation.ActivateCoreAsync() : activation.DeactivateCoreAsync();

        public void AfterTurn(GrainActivation activation)
        {
            var task = _task;
            if (task is null)
            {
                return;
            }

            if (task.IsCompleted)
            {
                Finish(activation, task);
            }
            else
            {
                task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(() => Finish(activation, task));
            }
        }

        private void Finish(GrainActivation activation, Task task)
        {
            if (step == LifecycleStep.Activate)
            {
                activation.FinishActivation(task);
            }
            else
            {
                activation.FinishDeactivation();
            }
        }
    }
}

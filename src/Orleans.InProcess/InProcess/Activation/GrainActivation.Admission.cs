using Orleans.InProcess.Invocation;
using Orleans.InProcess.Scheduling;
using Orleans.Storage;

namespace Orleans.InProcess.Activation;

// Request admission: which request may start while others are running (Orleans' MayInvokeRequest).
internal sealed partial class GrainActivation
{
    private readonly AdmissionQueue _waiting = new();
    private int _runningNormal;
    private int _runningReadOnly;
    private int _runningInterleaving;
    private int _waitingReadOnly;
    private int _waitingInterleaving;

    private int RunningCount => _runningNormal + _runningReadOnly + _runningInterleaving;

    /// <summary>Number of requests and timer ticks waiting for admission (diagnostics and tests).</summary>
    internal int WaitingCount
    {
        get
        {
            lock (_lock)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>
    /// Running plus waiting work, read without the lock (a stale value only makes a stateless-worker pool pick a
    /// slightly busier worker); <see cref="int.MaxValue"/> once the activation is going away.
    /// </summary>
    internal int ApproximateLoad => _state is ActivationState.Deactivating or ActivationState.Invalid
        ? int.MaxValue
        : _runningNormal + _runningReadOnly + _runningInterleaving + _waiting.Count;

    /// <inheritdoc />
    public DispatchOutcome Dispatch(GrainRequest request, bool allowInline)
    {
        if (((IAdmissionItem)request).IsAbandoned)
        {
            // Its caller already timed out (a rerouted request): like an expired Orleans message, it is dropped.
            return DispatchOutcome.Pending;
        }

        var admission = request.Method.Admission;
        lock (_lock)
        {
            if (_state == ActivationState.Invalid)
            {
                return DispatchOutcome.Retry;
            }

            if (_state == ActivationState.Valid && CanAdmitLocked(admission))
            {
                RecordRunningLocked(admission);
                if (!(allowInline
                    && !request.HasPromise
                    && InlineExecution.IsAllowed(_runtime.RuntimeOptions.MaxInlineCallDepth)
                    && _scheduler.TryClaimForInlineLocked()))
                {
                    PrepareForAsyncCompletion(request);
                    _scheduler.EnqueueLocked(request);
                    return DispatchOutcome.Pending;
                }
            }
            else
            {
                // Not valid yet (activating), no longer valid (deactivating: it will go to the next activation),
                // or blocked by running requests.
                PrepareForAsyncCompletion(request);
                EnqueueWaitingLocked(request);
                return DispatchOutcome.Pending;
            }
        }

        return RunInline(request);
    }

    /// <summary>Admits a timer tick like a request (never inline: it comes from a timer thread).</summary>
    /// <returns><c>false</c> when the activation is going away and the tick must be dropped.</returns>
    internal bool TryEnqueueTimerTick(IAdmissionItem tick)
    {
        lock (_lock)
        {
            switch (_state)
            {
                case ActivationState.Valid when CanAdmitLocked(tick.Admission):
                    RecordRunningLocked(tick.Admission);
                    _scheduler.EnqueueLocked(tick);
                    return true;
                case ActivationState.Creating or ActivationState.Activating or ActivationState.Valid:
                    EnqueueWaitingLocked(tick);
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>
    /// Bookkeeping when an admitted item (request or timer tick) has completed: frees its admission slot, records
    /// activity, deactivates the activation when an <see cref="InconsistentStateException"/> escaped from it, and
    /// admits what can run next. Thread-safe; runs wherever the item's task completed.
    /// </summary>
    internal void OnAdmittedItemCompleted(IAdmissionItem item, Exception? fault)
    {
        lock (_lock)
        {
            RecordFinishedLocked(item.Admission);
            if (item.KeepsActivationAlive)
            {
                _lastActivity = _runtime.TimeProvider.GetTimestamp();
            }

            if (_state == ActivationState.Invalid)
            {
                return;
            }

            if (fault is InconsistentStateException { IsSourceActivation: true } inconsistent)
            {
                // Only the activation the exception escaped from is stale; callers that let it escape too are not.
                inconsistent.IsSourceActivation = false;
                BeginDeactivationLocked(new DeactivationReason(
                    DeactivationReasonCode.ApplicationError,
                    inconsistent,
                    "An InconsistentStateException escaped a grain method: the activation's state is stale."));
            }

            AdvanceLocked();
        }
    }

    private DispatchOutcome RunInline(GrainRequest request)
    {
        _scheduler.RunInlineTurn(request);
        var grainTask = request.GrainTaskUntyped;
        if (grainTask.IsCompleted)
        {
            var fault = GrainRequest.FaultOf(grainTask);
            OnAdmittedItemCompleted(request, fault);
            if (request.Method.IsOneWay && fault is not null)
            {
                _runtime.Log.OneWayCallFailed(fault, request.Method.DisplayName, GrainId);
            }

            return DispatchOutcome.CompletedInline;
        }

        // The grain method awaits something: hand the caller a promise first, then watch the grain task.
        PrepareForAsyncCompletion(request);
        request.WhenGrainTaskCompletes();
        return DispatchOutcome.Pending;
    }

    /// <summary>Creates the caller's promise and starts its response timeout (once per request).</summary>
    private void PrepareForAsyncCompletion(GrainRequest request)
    {
        if (request.HasPromise || request.Method.IsOneWay)
        {
            return;
        }

        request.EnsurePromise();
        _runtime.Timeouts.Register(request);
    }

    private bool CanAdmitLocked(AdmissionKind admission)
    {
        if (_grainClass.IsReentrant)
        {
            return true;
        }

        return admission switch
        {
            AdmissionKind.AlwaysInterleave => true,
            AdmissionKind.ReadOnly => _runningNormal == 0,
            _ => _runningNormal == 0 && _runningReadOnly == 0,
        };
    }

    /// <summary>Whether any waiting item could possibly be admitted now (saves scanning a blocked queue).</summary>
    private bool MayAdmitSomeWaitingLocked()
    {
        if (_grainClass.IsReentrant)
        {
            return true;
        }

        if (_runningNormal > 0)
        {
            return _waitingInterleaving > 0;
        }

        return _runningReadOnly == 0 || _waitingInterleaving + _waitingReadOnly > 0;
    }

    private void RecordRunningLocked(AdmissionKind admission)
    {
        switch (admission)
        {
            case AdmissionKind.ReadOnly:
                _runningReadOnly++;
                break;
            case AdmissionKind.AlwaysInterleave:
                _runningInterleaving++;
                break;
            default:
                _runningNormal++;
                break;
        }
    }

    private void RecordFinishedLocked(AdmissionKind admission)
    {
        switch (admission)
        {
            case AdmissionKind.ReadOnly:
                _runningReadOnly--;
                break;
            case AdmissionKind.AlwaysInterleave:
                _runningInterleaving--;
                break;
            default:
                _runningNormal--;
                break;
        }
    }

    private void EnqueueWaitingLocked(IAdmissionItem item)
    {
        _waiting.Add(item);
        AdjustWaitingCountsLocked(item.Admission, +1);
    }

    private void RemoveWaitingLocked(int index)
    {
        var item = _waiting[index];
        _waiting.RemoveAt(index);
        AdjustWaitingCountsLocked(item.Admission, -1);
    }

    private void AdjustWaitingCountsLocked(AdmissionKind admission, int delta)
    {
        if (admission == AdmissionKind.ReadOnly)
        {
            _waitingReadOnly += delta;
        }
        else if (admission == AdmissionKind.AlwaysInterleave)
        {
            _waitingInterleaving += delta;
        }
    }

    private List<IAdmissionItem> TakeAllWaitingLocked()
    {
        _waitingReadOnly = 0;
        _waitingInterleaving = 0;
        return _waiting.TakeAll();
    }

    /// <summary>
    /// Moves the activation forward after a change: a valid activation starts every waiting item it may admit (in
    /// arrival order, letting admissible ones overtake blocked ones, as Orleans does); a deactivating one with
    /// nothing running queues its deactivation turn.
    /// </summary>
    private void AdvanceLocked()
    {
        if (_state == ActivationState.Valid)
        {
            var index = 0;
            while (index < _waiting.Count && MayAdmitSomeWaitingLocked())
            {
                var item = _waiting[index];
                if (item.IsAbandoned)
                {
                    RemoveWaitingLocked(index);
                    continue;
                }

                if (!CanAdmitLocked(item.Admission))
                {
                    index++;
                    continue;
                }

                RemoveWaitingLocked(index);
                RecordRunningLocked(item.Admission);
                _scheduler.EnqueueLocked(item);
            }
        }
        else if (_state == ActivationState.Deactivating && RunningCount == 0 && !_deactivationTurnQueued)
        {
            _deactivationTurnQueued = true;
            _scheduler.EnqueueLocked(new LifecycleTurn(LifecycleStep.Deactivate));
        }
    }
}

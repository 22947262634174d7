using Orleans.InProcess.Activation;
using Orleans.InProcess.Invocation;
using Orleans.Runtime;

namespace Orleans.InProcess.Timers;

/// <summary>
/// A grain timer. Each tick is admitted like a request (or like an <c>[AlwaysInterleave]</c> one when
/// <see cref="GrainTimerCreationOptions.Interleave"/>) and runs as a turn on the activation's scheduler. The next
/// tick is armed only after the callback's task completes, so ticks never overlap; a failing callback is logged and
/// the timer keeps ticking. Ticks count as activity only with <see cref="GrainTimerCreationOptions.KeepAlive"/>.
/// </summary>
internal sealed class GrainTimer : IGrainTimer, IAdmissionItem
{
    private static readonly TimerCallback s_onDue = static state => ((GrainTimer)state!).OnDue();

    private readonly GrainActivation _activation;
    private readonly Func<object?, CancellationToken, Task> _callback;
    private readonly object? _state;
    private readonly ITimer _timer;
    private readonly CancellationTokenSource _disposal = new();
    private readonly Lock _lock = new();
    private TimeSpan _period;
    private TimeSpan? _dueAfterCurrentTick;
    private bool _tickInProgress;
    private bool _disposed;
    private Task? _tickTask;

    internal GrainTimer(GrainActivation activation, Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options)
    {
        ValidatePeriod(options.DueTime, nameof(options.DueTime));
        ValidatePeriod(options.Period, nameof(options.Period));
        _activation = activation;
        _callback = callback;
        _state = state;
        Admission = options.Interleave ? AdmissionKind.AlwaysInterleave : AdmissionKind.Normal;
        KeepsActivationAlive = options.KeepAlive;
        _timer = activation.Runtime.TimeProvider.CreateTimer(s_onDue, this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public AdmissionKind Admission { get; }

    public bool KeepsActivationAlive { get; }

    public bool IsAbandoned => Volatile.Read(ref _disposed);

    /// <summary>Schedules the first tick.</summary>
    internal void Arm(TimeSpan dueTime, TimeSpan period) => Change(dueTime, period);

    /// <inheritdoc />
    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        ValidatePeriod(dueTime, nameof(dueTime));
        ValidatePeriod(period, nameof(period));
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _period = period;
            if (_tickInProgress)
            {
                // Applied when the running tick completes, so ticks still never overlap.
                _dueAfterCurrentTick = dueTime;
            }
            else
            {
                _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _timer.Dispose();
        _disposal.Cancel();
        _activation.RemoveTimer(this);
    }

    void IActivationTurn.ExecuteTurn(GrainActivation activation)
    {
        try
        {
            _tickTask = _callback(_state, _disposal.Token) ?? Task.CompletedTask;
        }
        catch (Exception exception)
        {
            _tickTask = Task.FromException(exception);
        }
    }

    void IActivationTurn.AfterTurn(GrainActivation activation)
    {
        var tick = _tickTask!;
        if (tick.IsCompleted)
        {
            OnTickCompleted(tick);
        }
        else
        {
            tick.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(() => OnTickCompleted(tick));
        }
    }

    void IAdmissionItem.Reroute() => DropTick();

    void IAdmissionItem.Reject(Exception reason) => DropTick();

    private void OnDue()
    {
        lock (_lock)
        {
            if (_disposed || _tickInProgress)
            {
                return;
            }

            _tickInProgress = true;
        }

        if (!_activation.TryEnqueueTimerTick(this))
        {
            DropTick();
        }
    }

    private void OnTickCompleted(Task tick)
    {
        if (tick.IsFaulted && !_disposal.IsCancellationRequested)
        {
            _activation.Runtime.Log.TimerCallbackFailed(GrainRequest.ExceptionOf(tick), _activation.GrainId);
        }

        // A timer callback's failure never deactivates the activation (only request failures do).
        _activation.OnAdmittedItemCompleted(this, fault: null);

        lock (_lock)
        {
            _tickInProgress = false;
            if (_disposed)
            {
                return;
            }

            var due = _dueAfterCurrentTick ?? _period;
            _dueAfterCurrentTick = null;
            if (due != Timeout.InfiniteTimeSpan)
            {
                _timer.Change(due, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private void DropTick()
    {
        lock (_lock)
        {
            _tickInProgress = false;
        }
    }

    private static void ValidatePeriod(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, "A timer due time or period must be zero or more, or Timeout.InfiniteTimeSpan.");
        }
    }
}

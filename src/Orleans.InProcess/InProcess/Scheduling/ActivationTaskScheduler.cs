using Orleans.InProcess.Activation;
using Orleans.InProcess.Invocation;
using Orleans.Runtime;

namespace Orleans.InProcess.Scheduling;

/// <summary>
/// The per-activation scheduler (Orleans' <c>ActivationTaskScheduler</c> + <c>WorkItemGroup</c>): it runs at most
/// one turn at a time, and every task grain code schedules while a turn runs — <c>await</c> continuations,
/// <c>Task.Factory.StartNew</c>, <c>Task.Yield</c> — comes back to it, so grain code never runs in parallel with
/// itself and needs no locks.
/// </summary>
/// <remarks>
/// <para>Work items are either tasks (continuations) or <see cref="IActivationTurn"/>s (request starts, timer ticks,
/// lifecycle steps). A turn item is run inside a fresh task started on this scheduler, so
/// <c>TaskScheduler.Current</c> is this scheduler while grain code runs.</para>
/// <para>At most one thread owns the scheduler at a time: either a drain queued on the thread pool, which runs
/// queued items in batches, or a caller that found the activation idle and runs one request turn inline
/// (see <see cref="InlineExecution"/>). All state is guarded by the activation's lock.</para>
/// </remarks>
internal sealed class ActivationTaskScheduler : TaskScheduler, IThreadPoolWorkItem
{
    private static readonly Action<object?> s_executeTurn = static state => ((ActivationTaskScheduler)state!).ExecuteTurnInTask();

    private readonly GrainActivation _activation;
    private readonly Lock _lock;
    private readonly int _batchSize;
    private readonly Queue<object> _queue = new();
    private bool _scheduledOnPool;
    private int _ownerThreadId;
    private bool _stopped;

    // Only touched by the owner thread while it starts a turn.
    private Task? _turnTaskBeingStarted;
    private IActivationTurn? _turnInProgress;

    internal ActivationTaskScheduler(GrainActivation activation, Lock activationLock, int batchSize)
    {
        _activation = activation;
        _lock = activationLock;
        _batchSize = batchSize;
    }

    /// <summary>One turn at a time.</summary>
    public override int MaximumConcurrencyLevel => 1;

    /// <summary>Whether the current thread owns this scheduler (is running one of its turns or draining it).</summary>
    internal bool IsOwnedByCurrentThread => Volatile.Read(ref _ownerThreadId) == Environment.CurrentManagedThreadId;

    /// <summary>Queues a turn item. Caller holds the activation lock.</summary>
    internal void EnqueueLocked(IActivationTurn turn)
    {
        if (_stopped)
        {
            return;
        }

        _queue.Enqueue(turn);
        ScheduleLocked();
    }

    /// <summary>
    /// Claims the scheduler for an inline turn on the calling thread when it is completely idle (nothing queued,
    /// nobody draining). Caller holds the activation lock.
    /// </summary>
    internal bool TryClaimForInlineLocked()
    {
        if (_stopped || _scheduledOnPool || _ownerThreadId != 0 || _queue.Count != 0)
        {
            return false;
        }

        _ownerThreadId = Environment.CurrentManagedThreadId;
        return true;
    }

    /// <summary>Runs one turn on the calling thread after <see cref="TryClaimForInlineLocked"/>, then releases the claim.</summary>
    internal void RunInlineTurn(IActivationTurn turn)
    {
        var callerContext = ExecutionContext.Capture()!;

        // Grain code must not see the caller's AsyncLocal values (it would not in Orleans either).
        ExecutionContext.Restore(InlineExecution.CleanContext);
        var previousGrainContext = RuntimeContext.Enter(_activation);
        InlineExecution.Depth++;
        try
        {
            StartTurnTask(turn);
        }
        finally
        {
            InlineExecution.Depth--;
            RuntimeContext.Exit(previousGrainContext);
            ExecutionContext.Restore(callerContext);
            lock (_lock)
            {
                ReleaseLocked();
            }
        }
    }

    /// <summary>Stops running anything (the silo was killed): queued work is dropped and new work is ignored.</summary>
    internal void StopLocked()
    {
        _stopped = true;
        _queue.Clear();
    }

    protected override void QueueTask(Task task)
    {
        if (ReferenceEquals(task, _turnTaskBeingStarted))
        {
            // The owner thread is starting a turn task: run it right here (see StartTurnTask).
            _turnTaskBeingStarted = null;
            TryExecuteTask(task);
            return;
        }

        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            _queue.Enqueue(task);
            ScheduleLocked();
        }
    }

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued)
    {
        // Like Orleans: inline only work that was never queued, and only on the thread running this activation's turn.
        return !taskWasPreviouslyQueued
            && IsOwnedByCurrentThread
            && ReferenceEquals(RuntimeContext.Current, _activation)
            && TryExecuteTask(task);
    }

    protected override IEnumerable<Task> GetScheduledTasks()
    {
        lock (_lock)
        {
            return _queue.OfType<Task>().ToArray();
        }
    }

    void IThreadPoolWorkItem.Execute()
    {
        lock (_lock)
        {
            _scheduledOnPool = false;
            if (_stopped || _ownerThreadId != 0 || _queue.Count == 0)
            {
                return;
            }

            _ownerThreadId = Environment.CurrentManagedThreadId;
        }

        var heldResponses = ResponseDelivery.BeginHolding();
        var previousGrainContext = RuntimeContext.Enter(_activation);
        try
        {
            for (var executed = 0; ; executed++)
            {
                object item;
                lock (_lock)
                {
                    // Stop after a batch (fairness) or as soon as a response is ready (publish it promptly,
                    // and only after releasing the activation, so the caller's continuation cannot block it).
                    if (_stopped || _queue.Count == 0 || executed == _batchSize || heldResponses.Count > 0)
                    {
                        ReleaseLocked();
                        break;
                    }

                    item = _queue.Dequeue();
                }

                RunItem(item);
            }
        }
        finally
        {
            RuntimeContext.Exit(previousGrainContext);
            if (IsOwnedByCurrentThread)
            {
                // Only reached if an item threw past RunItem's own handling.
                lock (_lock)
                {
                    ReleaseLocked();
                }
            }

            ResponseDelivery.EndHoldingAndPublish(heldResponses);
        }
    }

    private void RunItem(object item)
    {
        try
        {
            if (item is Task task)
            {
                TryExecuteTask(task);
            }
            else
            {
                var turn = (IActivationTurn)item;
                StartTurnTask(turn);
                turn.AfterTurn(_activation);
            }
        }
        catch (Exception exception)
        {
            _activation.Runtime.Log.TurnFailed(exception, _activation.GrainId);
        }
    }

    /// <summary>
    /// Runs <paramref name="turn"/> inside a new task started on this scheduler, synchronously on the owner thread:
    /// <see cref="Task.Start(TaskScheduler)"/> calls <see cref="QueueTask"/>, which recognises the task and executes it.
    /// Unlike <c>RunSynchronously</c> this can never fall back to queueing and blocking.
    /// </summary>
    private void StartTurnTask(IActivationTurn turn)
    {
        _turnInProgress = turn;
        var task = new Task(s_executeTurn, this);
        _turnTaskBeingStarted = task;
        task.Start(this);
        _turnTaskBeingStarted = null;
        _turnInProgress = null;
    }

    private void ExecuteTurnInTask()
    {
        var turn = _turnInProgress!;
        try
        {
            turn.ExecuteTurn(_activation);
        }
        catch (Exception exception)
        {
            _activation.Runtime.Log.TurnFailed(exception, _activation.GrainId);
        }
    }

    private void ReleaseLocked()
    {
        _ownerThreadId = 0;
        if (!_stopped && _queue.Count > 0)
        {
            ScheduleLocked();
        }
    }

    private void ScheduleLocked()
    {
        if (!_scheduledOnPool && _ownerThreadId == 0)
        {
            _scheduledOnPool = true;
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
        }
    }
}

using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Orleans.InProcess.Activation;
using Orleans.Runtime;
using Orleans.Storage;

namespace Orleans.InProcess.Invocation;

/// <summary>
/// One call to a grain method: the arguments (fields of the generated subclass), the method to invoke, and the
/// state of its response. Infrastructure for generated proxies; derive from the typed subclasses
/// (<see cref="TaskRequest"/>, <see cref="TaskRequest{TResult}"/>, <see cref="ValueTaskRequest"/>,
/// <see cref="ValueTaskRequest{TResult}"/>), never from this class.
/// </summary>
/// <remarks>
/// A request completes in one of two ways. On the fast path the grain method ran inline on the caller's thread and
/// finished synchronously, so the caller gets the grain's own task and no response object exists. Otherwise the
/// caller gets a promise created before the request could complete; it is settled exactly once, by the outcome of
/// the grain method, a response timeout, or a rejection, whichever comes first.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GrainRequest : IAdmissionItem, IThreadPoolWorkItem
{
    private const int ResponsePending = 0;
    private const int ResponseSettled = 1;

    private int _responseState;
    private volatile bool _abandoned;
    private Action? _onGrainTaskCompleted;
    private GrainActivation? _activation;

    private protected GrainRequest()
    {
    }

    /// <summary>The reference the call was made on (target identity and runtime).</summary>
    internal GrainReference Reference { get; private set; } = null!;

    /// <summary>The method called.</summary>
    internal GrainMethodDescriptor Method { get; private set; } = null!;

    /// <summary>Whether the caller was handed a promise (the call did not complete inline).</summary>
    internal bool HasPromise { get; private set; }

    /// <summary>Previous request in the response-timeout list of <see cref="TimeoutStripe"/>.</summary>
    internal GrainRequest? TimeoutPrevious { get; set; }

    /// <summary>Next request in the response-timeout list of <see cref="TimeoutStripe"/>.</summary>
    internal GrainRequest? TimeoutNext { get; set; }

    /// <summary>Timestamp (of the runtime's time provider) after which the caller gets a <see cref="TimeoutException"/>.</summary>
    internal long TimeoutDeadline { get; set; }

    /// <summary>Index of the timeout list holding this request; -1 when it is in none.</summary>
    internal int TimeoutStripe { get; set; } = -1;

    AdmissionKind IAdmissionItem.Admission => Method.Admission;

    bool IAdmissionItem.KeepsActivationAlive => true;

    bool IAdmissionItem.IsAbandoned => _abandoned;

    /// <summary>The grain method's task as a non-generic task (a completed task when a value task finished synchronously).</summary>
    internal abstract Task GrainTaskUntyped { get; }

    /// <summary>Binds the request to its call site before dispatch.</summary>
    internal void Prepare(GrainReference reference, GrainMethodDescriptor method)
    {
        Reference = reference;
        Method = method;
    }

    /// <summary>Invokes the grain method; a synchronous throw becomes a faulted grain task, as in Orleans.</summary>
    private protected abstract void StartInvocation(object grain);

    /// <summary>Creates the caller-facing promise. Called before the request can complete on another thread.</summary>
    private protected abstract void CreatePromiseCore();

    /// <summary>Settles the promise with the grain task's outcome, unchanged (same exception instance and type).</summary>
    private protected abstract void TransferOutcomeToPromise();

    /// <summary>Settles the promise with <paramref name="exception"/>.</summary>
    private protected abstract void FailPromise(Exception exception);

    /// <summary>Hands the caller a promise (no-op for one-way calls, whose callers never wait).</summary>
    internal void EnsurePromise()
    {
        if (HasPromise || Method.IsOneWay)
        {
            return;
        }

        CreatePromiseCore();
        HasPromise = true;
    }

    void IActivationTurn.ExecuteTurn(GrainActivation activation) => StartTurn(activation);

    /// <summary>Runs the synchronous part of the grain method on <paramref name="activation"/>'s scheduler.</summary>
    internal void StartTurn(GrainActivation activation)
    {
        _activation = activation;

        // Requests are admitted only by valid activations, which always have their instance (were it missing, the
        // generated Invoke would fail and the caller would get that failure, never a hang).
        Debug.Assert(activation.GrainInstance is not null, "admitted on an activation without a grain instance");
        StartInvocation(activation.GrainInstance!);
    }

    void IActivationTurn.AfterTurn(GrainActivation activation) => WhenGrainTaskCompletes();

    /// <summary>Arranges for completion handling once the grain task completes (immediately when it already has).</summary>
    internal void WhenGrainTaskCompletes()
    {
        var task = GrainTaskUntyped;
        if (task.IsCompleted)
        {
            OnGrainTaskCompleted();
            return;
        }

        // Run the bookkeeping wherever the grain task completes (it is thread-safe); the response itself is
        // published outside any activation turn by ResponseDelivery.
        task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_onGrainTaskCompleted ??= OnGrainTaskCompleted);
    }

    private void OnGrainTaskCompleted()
    {
        var fault = FaultOf(GrainTaskUntyped);
        _activation!.OnAdmittedItemCompleted(this, fault);
        if (HasPromise)
        {
            ResponseDelivery.Deliver(this);
        }
        else if (Method.IsOneWay && fault is not null)
        {
            Reference.Runtime.Log.OneWayCallFailed(fault, Method.DisplayName, Reference.GrainId);
        }
    }

    /// <summary>
    /// The exception a faulted grain task carries (what decides whether an <see cref="InconsistentStateException"/>
    /// escaped the activation); <c>null</c> for success and cancellation.
    /// </summary>
    internal static Exception? FaultOf(Task task)
    {
        if (!task.IsFaulted)
        {
            return null;
        }

        return task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException : task.Exception;
    }

    /// <summary>Settles the promise with the grain's outcome unless a timeout or rejection settled it first.</summary>
    internal void PublishResponse()
    {
        if (Interlocked.Exchange(ref _responseState, ResponseSettled) != ResponsePending)
        {
            return;
        }

        Reference.Runtime.Timeouts.Unregister(this);
        TransferOutcomeToPromise();
    }

    void IThreadPoolWorkItem.Execute() => PublishResponse();

    /// <summary>The caller waited longer than the response timeout: fail its promise; the grain keeps running.</summary>
    internal void TimeOut(TimeSpan timeout)
    {
        _abandoned = true;
        if (Interlocked.Exchange(ref _responseState, ResponseSettled) != ResponsePending)
        {
            return;
        }

        FailPromise(new TimeoutException(
            $"Response did not arrive on time in {timeout} for call {Method.DisplayName} to grain {Reference.GrainId}."));
    }

    void IAdmissionItem.Reject(Exception reason) => Reject(reason);

    /// <summary>The request can never run: fail its promise with <paramref name="reason"/> unless already settled.</summary>
    internal void Reject(Exception reason)
    {
        _abandoned = true;
        if (Method.IsOneWay)
        {
            Reference.Runtime.Log.OneWayCallFailed(reason, Method.DisplayName, Reference.GrainId);
            return;
        }

        EnsurePromise();
        if (Interlocked.Exchange(ref _responseState, ResponseSettled) != ResponsePending)
        {
            return;
        }

        Reference.Runtime.Timeouts.Unregister(this);
        FailPromise(reason);
    }

    void IAdmissionItem.Reroute() => Reference.Runtime.Redispatch(this);

    /// <summary>Settles <paramref name="builder"/> the way an async method would have: same result or same exception.</summary>
    private protected static void Transfer<TResult>(Task<TResult> grainTask, ref AsyncTaskMethodBuilder<TResult> builder)
    {
        if (grainTask.IsCompletedSuccessfully)
        {
            builder.SetResult(grainTask.Result);
        }
        else
        {
            builder.SetException(ExceptionOf(grainTask));
        }
    }

    /// <summary>Settles <paramref name="builder"/> the way an async method would have: completed or same exception.</summary>
    private protected static void Transfer(Task grainTask, ref AsyncTaskMethodBuilder builder)
    {
        if (grainTask.IsCompletedSuccessfully)
        {
            builder.SetResult();
        }
        else
        {
            builder.SetException(ExceptionOf(grainTask));
        }
    }

    /// <summary>
    /// The exception a completed, unsuccessful task carries. For a cancelled task this is the original
    /// <see cref="OperationCanceledException"/>, which the async builder keeps so the caller's await rethrows it.
    /// </summary>
    internal static Exception ExceptionOf(Task task)
    {
        if (!task.IsCompleted)
        {
            // Never block: callers only pass completed tasks, and a bug here must not hang a thread.
            return new InvalidOperationException("The task has not completed.");
        }

        if (task.IsFaulted)
        {
            return task.Exception!.InnerException!;
        }

        try
        {
            task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException cancelled)
        {
            return cancelled;
        }

        return new TaskCanceledException(task);
    }

    public override string ToString() => $"{Method?.DisplayName} on {Reference?.GrainId}";
}

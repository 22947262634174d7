using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Orleans.InProcess.Invocation;

/// <summary>A call to a grain method returning <see cref="Task"/>. Infrastructure for generated proxies.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class TaskRequest : GrainRequest
{
    private Task? _grainTask;
    private AsyncTaskMethodBuilder _promise;

    /// <summary>Creates the request (generated subclasses hold the arguments as fields).</summary>
    protected TaskRequest()
    {
    }

    /// <summary>Calls the grain method on <paramref name="grain"/> with the stored arguments.</summary>
    public abstract Task Invoke(object grain);

    internal override Task GrainTaskUntyped => _grainTask!;

    /// <summary>The grain method's own task (what a call that completed inline returns).</summary>
    internal Task GrainTask => _grainTask!;

    /// <summary>The caller-facing promise.</summary>
    internal Task Promise => _promise.Task;

    private protected override void StartInvocation(object grain)
    {
        try
        {
            _grainTask = Invoke(grain) ?? Task.FromException(ThrowHelper.NullTaskReturned(this));
        }
        catch (Exception exception)
        {
            _grainTask = Task.FromException(exception);
        }
    }

    private protected override void CreatePromiseCore() => _ = _promise.Task;

    private protected override void TransferOutcomeToPromise() => Transfer(_grainTask!, ref _promise);

    private protected override void FailPromise(Exception exception) => _promise.SetException(exception);
}

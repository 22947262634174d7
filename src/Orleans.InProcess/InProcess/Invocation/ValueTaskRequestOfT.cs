using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Orleans.InProcess.Invocation;

/// <summary>A call to a grain method returning <see cref="ValueTask{TResult}"/>. Infrastructure for generated proxies.</summary>
/// <typeparam name="TResult">The method's result type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class ValueTaskRequest<TResult> : GrainRequest
{
    // Null while the grain's value task completed synchronously and successfully; the value is in _result.
    private Task<TResult>? _grainTask;
    private TResult _result = default!;
    private AsyncTaskMethodBuilder<TResult> _promise;

    /// <summary>Creates the request (generated subclasses hold the arguments as fields).</summary>
    protected ValueTaskRequest()
    {
    }

    /// <summary>Calls the grain method on <paramref name="grain"/> with the stored arguments.</summary>
    public abstract ValueTask<TResult> Invoke(object grain);

    internal override Task GrainTaskUntyped => _grainTask ?? Task.CompletedTask;

    /// <summary>What a call that completed inline returns.</summary>
    internal ValueTask<TResult> InlineResult => _grainTask is null ? new ValueTask<TResult>(_result) : new ValueTask<TResult>(_grainTask);

    /// <summary>The caller-facing promise.</summary>
    internal ValueTask<TResult> Promise => new(_promise.Task);

    private protected override void StartInvocation(object grain)
    {
        try
        {
            var result = Invoke(grain);
            if (result.IsCompletedSuccessfully)
            {
                // Observe the value task exactly once (it may be backed by a pooled source).
                _result = result.Result;
                _grainTask = null;
            }
            else
            {
                _grainTask = result.AsTask();
            }
        }
        catch (Exception exception)
        {
            _grainTask = Task.FromException<TResult>(exception);
        }
    }

    private protected override void CreatePromiseCore() => _ = _promise.Task;

    private protected override void TransferOutcomeToPromise()
    {
        if (_grainTask is null)
        {
            _promise.SetResult(_result);
        }
        else
        {
            Transfer(_grainTask, ref _promise);
        }
    }

    private protected override void FailPromise(Exception exception) => _promise.SetException(exception);
}

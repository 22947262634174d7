using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Orleans.InProcess.Invocation;

/// <summary>A call to a grain method returning <see cref="ValueTask"/>. Infrastructure for generated proxies.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class ValueTaskRequest : GrainRequest
{
    // Null while the grain's value task completed synchronously and successfully (no task was ever needed).
    private Task? _grainTask;
    private AsyncTaskMethodBuilder _promise;

    /// <summary>Creates the request (generated subclasses hold the arguments as fields).</summary>
    protected ValueTaskRequest()
    {
    }

    /// <summary>Calls the grain method on <paramref name="grain"/> with the stored arguments.</summary>
    public abstract ValueTask Invoke(object grain);

    internal override Task GrainTaskUntyped => _grainTask ?? Task.CompletedTask;

    /// <summary>What a call that completed inline returns.</summary>
    internal ValueTask InlineResult => _grainTask is null ? default : new ValueTask(_grainTask);

    /// <summary>The caller-facing promise.</summary>
    internal ValueTask Promise => new(_promise.Task);

    private protected override void StartInvocation(object grain)
    {
        try
        {
            var result = Invoke(grain);
            if (result.IsCompletedSuccessfully)
            {
                // Observe the value task exactly once (it may be backed by a pooled source).
                result.GetAwaiter().GetResult();
                _grainTask = null;
            }
            else
            {
                _grainTask = result.AsTask();
            }
        }
        catch (Exception exception)
        {
            _grainTask = Task.FromException(exception);
        }
    }

    private protected override void CreatePromiseCore() => _ = _promise.Task;

    private protected override void TransferOutcomeToPromise() => Transfer(GrainTaskUntyped, ref _promise);

    private protected override void FailPromise(Exception exception) => _promise.SetException(exception);
}

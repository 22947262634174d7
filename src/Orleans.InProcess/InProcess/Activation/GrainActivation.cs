using Microsoft.Extensions.DependencyInjection;
using Orleans.InProcess.Discovery;
using Orleans.InProcess.Persistence;
using Orleans.InProcess.Scheduling;
using Orleans.InProcess.StatelessWorkers;
using Orleans.InProcess.Timers;
using Orleans.Runtime;

namespace Orleans.InProcess.Activation;

/// <summary>
/// One activation of a grain (Orleans' <c>ActivationData</c>): the grain instance, its scheduler, request admission
/// and lifecycle. Split by concern: <c>.Admission.cs</c> (which request runs when), <c>.Lifecycle.cs</c>
/// (activate, deactivate, collect, kill), <c>.Timers.cs</c>.
/// </summary>
/// <remarks>
/// Everything mutable is guarded by <see cref="_lock"/>, which is held only for bookkeeping, never while grain code
/// runs. The scheduler shares the lock.
/// </remarks>
internal sealed partial class GrainActivation : IGrainContext, IActivationTarget
{
    private static long s_nextSequence;

    private readonly Lock _lock = new();
    private readonly InProcessRuntime _runtime;
    private readonly GrainClassInfo _grainClass;
    private readonly ActivationTaskScheduler _scheduler;
    private readonly StatelessWorkerPool? _pool;
    private readonly long _sequence;
    private ActivationState _state = ActivationState.Creating;
    private object? _grainInstance;
    private IServiceScope? _scope;
    private List<IActivationStateReader>? _statesToRead;
    private List<GrainTimer>? _timers;
    private GrainReference? _selfReference;
    private TaskCompletionSource? _deactivated;

    internal GrainActivation(InProcessRuntime runtime, GrainClassInfo grainClass, GrainId grainId, StatelessWorkerPool? pool = null)
    {
        _runtime = runtime;
        _grainClass = grainClass;
        _pool = pool;
        GrainId = grainId;
        _sequence = Interlocked.Increment(ref s_nextSequence);
        _scheduler = new ActivationTaskScheduler(this, _lock, runtime.RuntimeOptions.TurnBatchSize);
    }

    /// <inheritdoc />
    public GrainId GrainId { get; }

    /// <inheritdoc />
    public object? GrainInstance => Volatile.Read(ref _grainInstance);

    /// <inheritdoc />
    public IServiceProvider ActivationServices => Volatile.Read(ref _scope)?.ServiceProvider ?? _runtime.Services;

    /// <inheritdoc />
    public GrainReference GrainReference => _selfReference ??= _runtime.CreateUntypedReference(GrainId, _grainClass);

    /// <inheritdoc />
    public Task Deactivated
    {
        get
        {
            lock (_lock)
            {
                return (_deactivated ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }
        }
    }

    /// <summary>The runtime hosting this activation.</summary>
    internal InProcessRuntime Runtime => _runtime;

    /// <summary>The grain class.</summary>
    internal GrainClassInfo GrainClass => _grainClass;

    /// <summary>Whether the activation is still being created (persistent states created now are read before activation).</summary>
    internal bool IsCreating
    {
        get
        {
            lock (_lock)
            {
                return _state is ActivationState.Creating or ActivationState.Activating;
            }
        }
    }

    /// <inheritdoc />
    public bool IsDefunct
    {
        get
        {
            lock (_lock)
            {
                return _state == ActivationState.Invalid;
            }
        }
    }

    /// <inheritdoc />
    public void CollectContexts(List<IGrainContext> into) => into.Add(this);

    /// <summary>Registers a persistent state created during construction, to be read before <c>OnActivateAsync</c>.</summary>
    internal void RegisterStateToRead(IActivationStateReader state)
    {
        lock (_lock)
        {
            (_statesToRead ??= []).Add(state);
        }
    }

    public override string ToString() => $"[Activation {GrainId} #{_sequence} {_grainClass.ClassType.Name}]";
}

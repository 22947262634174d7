using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.InProcess.Catalog;
using Orleans.InProcess.Discovery;
using Orleans.InProcess.Invocation;
using Orleans.InProcess.Proxies;
using Orleans.Runtime;

namespace Orleans.InProcess;

/// <summary>
/// The in-process silo: catalog of activations, grain class registry, response timeouts, idle collection, and the
/// dispatch path every call takes. One per host (registered by <c>UseOrleans</c>); started and stopped by
/// the silo host service registered by <c>UseOrleans</c>.
/// </summary>
internal sealed class InProcessRuntime : IDisposable
{
    private static readonly TimerCallback s_collect = static state => ((InProcessRuntime)state!).CollectIdleActivations();
    private static int s_siloCounter;

    private readonly ConcurrentDictionary<(Type Interface, string? Prefix), GrainBinding> _bindingsByInterface = new();
    private readonly ConcurrentDictionary<(Type Interface, GrainType GrainType), GrainBinding> _bindingsByGrainType = new();
    private ITimer? _collectionTimer;
    private int _state;

    public InProcessRuntime(
        IServiceProvider services,
        IOptions<GrainCollectionOptions> collectionOptions,
        IOptions<SiloMessagingOptions> messagingOptions,
        IOptions<InProcessRuntimeOptions> runtimeOptions,
        TimeProvider timeProvider,
        ILogger<InProcessRuntime> logger)
    {
        Services = services;
        CollectionOptions = collectionOptions.Value;
        RuntimeOptions = runtimeOptions.Value;
        TimeProvider = timeProvider;
        ResponseTimeout = messagingOptions.Value.ResponseTimeout;
        Log = new RuntimeLog(logger);
        Timeouts = new ResponseTimeoutTracker(timeProvider, ResponseTimeout);
        Catalog = new GrainCatalog(this);
        Registry = new GrainClassRegistry(CollectionOptions, RuntimeOptions);
        SiloIdentity = $"in-process-silo-{Environment.ProcessId}-{Interlocked.Increment(ref s_siloCounter)}";
    }

    /// <summary>Lifecycle of the silo.</summary>
    internal enum SiloState
    {
        /// <summary>Built, not started: calls fail.</summary>
        Created,

        /// <summary>Serving calls.</summary>
        Running,

        /// <summary>Deactivating everything; no new activations.</summary>
        Stopping,

        /// <summary>Stopped gracefully.</summary>
        Stopped,

        /// <summary>Killed (crash simulation).</summary>
        Killed,
    }

    internal IServiceProvider Services { get; }

    internal GrainCollectionOptions CollectionOptions { get; }

    internal InProcessRuntimeOptions RuntimeOptions { get; }

    internal TimeProvider TimeProvider { get; }

    internal TimeSpan ResponseTimeout { get; }

    internal RuntimeLog Log { get; }

    internal ResponseTimeoutTracker Timeouts { get; }

    internal GrainCatalog Catalog { get; }

    internal GrainClassRegistry Registry { get; }

    /// <summary>A name for this silo, unique in the process.</summary>
    internal string SiloIdentity { get; }

    internal SiloState State => (SiloState)Volatile.Read(ref _state);

    /// <summary>Discovers grain classes and starts the timeout sweep and idle collection.</summary>
    internal void Start()
    {
        if (Interlocked.CompareExchange(ref _state, (int)SiloState.Running, (int)SiloState.Created) != (int)SiloState.Created)
        {
            throw new InvalidOperationException($"Silo {SiloIdentity} was already started ({State}).");
        }

        Registry.Initialize();
        Timeouts.Start();
        var quantum = CollectionOptions.CollectionQuantum;
        _collectionTimer = TimeProvider.CreateTimer(s_collect, this, quantum, quantum);
        Log.SiloStarted(SiloIdentity, Registry.GrainClasses.Count);
    }

    /// <summary>
    /// Graceful shutdown: stops creating activations, deactivates every activation (running <c>OnDeactivateAsync</c>),
    /// then fails calls still waiting with <see cref="SiloUnavailableException"/>.
    /// </summary>
    internal async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, (int)SiloState.Stopping, (int)SiloState.Running) != (int)SiloState.Running)
        {
            return;
        }

        _collectionTimer?.Dispose();
        var targets = Catalog.Snapshot();
        Log.SiloStopping(SiloIdentity, targets.Length);
        var deactivations = new Task[targets.Length];
        var reason = new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The silo is shutting down.");
        for (var i = 0; i < targets.Length; i++)
        {
            deactivations[i] = targets[i].DeactivateAllAsync(reason);
        }

        try
        {
            var limit = CollectionOptions.DeactivationTimeout == Timeout.InfiniteTimeSpan
                ? Timeout.InfiniteTimeSpan
                : CollectionOptions.DeactivationTimeout + CollectionOptions.DeactivationTimeout;
            await Task.WhenAll(deactivations).WaitAsync(limit, TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            Log.ShutdownIncomplete(exception, SiloIdentity);
        }

        Volatile.Write(ref _state, (int)SiloState.Stopped);
        Timeouts.RejectAll(request => new SiloUnavailableException($"Silo {SiloIdentity} stopped before call {request} completed."));
        Timeouts.Dispose();
        Registry.Dispose();
    }

    /// <summary>
    /// Crash simulation: no activation runs another turn or its <c>OnDeactivateAsync</c>; every call in flight or
    /// queued fails with <see cref="SiloUnavailableException"/>; nothing is disposed gracefully.
    /// </summary>
    internal void Kill()
    {
        var previous = (SiloState)Interlocked.Exchange(ref _state, (int)SiloState.Killed);
        if (previous == SiloState.Killed)
        {
            return;
        }

        _collectionTimer?.Dispose();
        var targets = Catalog.Snapshot();
        Catalog.Clear();
        foreach (var target in targets)
        {
            target.Kill(new SiloUnavailableException($"Silo {SiloIdentity} was killed."));
        }

        Timeouts.RejectAll(request => new SiloUnavailableException($"Silo {SiloIdentity} was killed before call {request} completed."));
        Timeouts.Dispose();
        Registry.Dispose();
        Log.SiloKilled(SiloIdentity, targets.Length);
    }

    /// <summary>Throws unless the silo may create activations now.</summary>
    internal void ThrowIfNotAcceptingActivations(GrainId grainId)
    {
        var state = State;
        if (state != SiloState.Running)
        {
            throw new SiloUnavailableException(state == SiloState.Created
                ? $"Silo {SiloIdentity} has not been started (start the host) so grain {grainId} cannot be activated."
                : $"Silo {SiloIdentity} is {state.ToString().ToLowerInvariant()}, so grain {grainId} cannot be activated.");
        }
    }

    /// <summary>The dispatch path of every call: resolve the target (cached on the reference), hand over the request.</summary>
    internal DispatchOutcome Dispatch(GrainRequest request) => DispatchCore(request, allowInline: true);

    /// <summary>Sends a request that was queued on an activation that went away to the grain's next activation.</summary>
    internal void Redispatch(GrainRequest request) => DispatchCore(request, allowInline: false);

    private DispatchOutcome DispatchCore(GrainRequest request, bool allowInline)
    {
        var reference = request.Reference;
        while (true)
        {
            var target = reference.CachedTarget;
            if (target is null || target.IsDefunct)
            {
                try
                {
                    target = Catalog.GetOrCreate(reference.GrainId, reference.Binding.GrainClass);
                }
                catch (Exception exception)
                {
                    request.Reject(exception);
                    return DispatchOutcome.Pending;
                }

                reference.CachedTarget = target;
            }

            var outcome = target.Dispatch(request, allowInline);
            if (outcome != DispatchOutcome.Retry)
            {
                return outcome;
            }

            reference.CachedTarget = null;
        }
    }

    /// <summary>The binding of <paramref name="interfaceType"/> to its implementing class (cached).</summary>
    internal GrainBinding GetBinding(Type interfaceType, string? grainClassNamePrefix)
    {
        if (_bindingsByInterface.TryGetValue((interfaceType, grainClassNamePrefix), out var binding))
        {
            return binding;
        }

        var grainClass = Registry.ResolveByInterface(interfaceType, grainClassNamePrefix);
        return _bindingsByInterface.GetOrAdd((interfaceType, grainClassNamePrefix), CreateBinding(interfaceType, grainClass));
    }

    /// <summary>The binding of <paramref name="interfaceType"/> to the class of grain type <paramref name="grainType"/> (cached).</summary>
    /// <exception cref="ArgumentException">That class does not implement the interface.</exception>
    internal GrainBinding GetBinding(Type interfaceType, GrainType grainType)
    {
        if (_bindingsByGrainType.TryGetValue((interfaceType, grainType), out var binding))
        {
            return binding;
        }

        var grainClass = Registry.ResolveByGrainType(grainType);
        if (!interfaceType.IsAssignableFrom(grainClass.ClassType))
        {
            throw new ArgumentException($"Grain class {grainClass.ClassType.FullName} (grain type '{grainType}') does not implement {interfaceType.FullName}.", nameof(interfaceType));
        }

        return _bindingsByGrainType.GetOrAdd((interfaceType, grainType), CreateBinding(interfaceType, grainClass));
    }

    /// <summary>A reference to <paramref name="grainId"/> through no particular interface.</summary>
    internal GrainReference CreateUntypedReference(GrainId grainId, GrainClassInfo grainClass)
        => new GrainBinding(this, typeof(IAddressable), grainClass, static (binding, id) => new UntypedGrainReference(binding, id)).CreateReference(grainId);

    /// <summary>The activations of <paramref name="grainId"/> (several for a stateless worker), in creation order.</summary>
    internal IReadOnlyList<IGrainContext> GetActivations(GrainId grainId)
    {
        var contexts = new List<IGrainContext>();
        if (Catalog.TryGet(grainId, out var target))
        {
            target!.CollectContexts(contexts);
        }

        return contexts;
    }

    public void Dispose()
    {
        _collectionTimer?.Dispose();
        Timeouts.Dispose();
        Registry.Dispose();
    }

    private GrainBinding CreateBinding(Type interfaceType, GrainClassInfo grainClass)
        => new(this, interfaceType, grainClass, GrainProxyGenerator.Get(interfaceType).Factory);

    private void CollectIdleActivations()
    {
        if (State == SiloState.Running)
        {
            Catalog.CollectIdle(TimeProvider.GetTimestamp());
        }
    }
}

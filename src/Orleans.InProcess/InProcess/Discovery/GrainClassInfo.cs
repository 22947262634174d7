using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using Orleans.InProcess.Activation;
using Orleans.Runtime;

namespace Orleans.InProcess.Discovery;

/// <summary>
/// What the runtime knows about one grain class: its grain type, its concurrency and collection
/// settings, and how to construct it (dependency injection through <see cref="ActivatorUtilities"/>, with
/// <see cref="PersistentStateAttribute"/> parameters and an <see cref="IGrainContext"/> parameter supplied by the runtime).
/// </summary>
internal sealed class GrainClassInfo
{
    private readonly Lazy<GrainConstructor> _constructor;

    internal GrainClassInfo(Type classType, GrainType grainType, TimeSpan collectionAge)
    {
        ClassType = classType;
        GrainType = grainType;
        IsReentrant = classType.GetCustomAttribute<ReentrantAttribute>(inherit: true) is not null;
        var statelessWorker = classType.GetCustomAttribute<StatelessWorkerAttribute>(inherit: false);
        IsStatelessWorker = statelessWorker is not null;
        MaxLocalWorkers = statelessWorker?.MaxLocalWorkers ?? 1;
        CollectionAge = statelessWorker is { RemoveIdleWorkers: false } ? Timeout.InfiniteTimeSpan : collectionAge;
        _constructor = new Lazy<GrainConstructor>(() => GrainConstructor.For(classType), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The grain class.</summary>
    internal Type ClassType { get; }

    /// <summary>Its grain type (first half of its grain ids).</summary>
    internal GrainType GrainType { get; }

    /// <summary>Whether requests may interleave at await points (<c>[Reentrant]</c>).</summary>
    internal bool IsReentrant { get; }

    /// <summary>Whether it is a <c>[StatelessWorker]</c>.</summary>
    internal bool IsStatelessWorker { get; }

    /// <summary>Largest worker pool per key (1 for ordinary grains).</summary>
    internal int MaxLocalWorkers { get; }

    /// <summary>Idle time after which an activation is collected; infinite for <c>[KeepAlive]</c>.</summary>
    internal TimeSpan CollectionAge { get; }

    /// <summary>Constructs the grain for <paramref name="activation"/> from <paramref name="services"/> (the activation's scope).</summary>
    internal object CreateInstance(GrainActivation activation, IServiceProvider services) => _constructor.Value.Create(activation, services);

    public override string ToString() => $"{ClassType.FullName} ({GrainType})";
}

namespace Orleans.Concurrency;

/// <summary>
/// On a grain class: the grain keeps no per-key state, so the runtime keeps a local pool of up to
/// <see cref="MaxLocalWorkers"/> activations per key and sends each call to an idle one (creating one while
/// under the limit, otherwise queueing on the least loaded). Each worker is still single-threaded.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StatelessWorkerAttribute : Attribute
{
    /// <summary>A pool of up to <see cref="Environment.ProcessorCount"/> workers per key.</summary>
    public StatelessWorkerAttribute()
        : this(-1)
    {
    }

    /// <summary>A pool of up to <paramref name="maxLocalWorkers"/> workers per key (a value of zero or less means <see cref="Environment.ProcessorCount"/>).</summary>
    public StatelessWorkerAttribute(int maxLocalWorkers)
        : this(maxLocalWorkers, removeIdleWorkers: true)
    {
    }

    /// <summary>A pool of up to <paramref name="maxLocalWorkers"/> workers per key.</summary>
    public StatelessWorkerAttribute(int maxLocalWorkers, bool removeIdleWorkers)
    {
        MaxLocalWorkers = maxLocalWorkers > 0 ? maxLocalWorkers : Environment.ProcessorCount;
        RemoveIdleWorkers = removeIdleWorkers;
    }

    /// <summary>Largest number of worker activations per key.</summary>
    public int MaxLocalWorkers { get; }

    /// <summary>Whether idle workers are collected like other idle activations.</summary>
    public bool RemoveIdleWorkers { get; }
}

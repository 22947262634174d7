using System.Collections.Concurrent;
using Orleans.InProcess.Activation;
using Orleans.InProcess.Discovery;
using Orleans.InProcess.StatelessWorkers;
using Orleans.Runtime;

namespace Orleans.InProcess.Catalog;

/// <summary>
/// The silo's activations by grain id. In one process the single-activation guarantee needs no directory: the
/// dictionary admits exactly one target per id, and a deactivating activation stays registered (holding requests)
/// until it has finished, so a grain never has two live activations.
/// </summary>
internal sealed class GrainCatalog
{
    private readonly ConcurrentDictionary<GrainId, IActivationTarget> _targets = new();
    private readonly InProcessRuntime _runtime;

    internal GrainCatalog(InProcessRuntime runtime)
    {
        _runtime = runtime;
    }

    /// <summary>The target for <paramref name="grainId"/>, creating (and starting) it on first use.</summary>
    /// <exception cref="SiloUnavailableException">The silo is not running, so it creates no activations.</exception>
    internal IActivationTarget GetOrCreate(GrainId grainId, GrainClassInfo grainClass)
    {
        if (_targets.TryGetValue(grainId, out var existing))
        {
            return existing;
        }

        _runtime.ThrowIfNotAcceptingActivations(grainId);
        IActivationTarget created = grainClass.IsStatelessWorker
            ? new StatelessWorkerPool(_runtime, grainClass, grainId)
            : new GrainActivation(_runtime, grainClass, grainId);
        var winner = _targets.GetOrAdd(grainId, created);
        if (ReferenceEquals(winner, created) && created is GrainActivation activation)
        {
            activation.Start();
        }

        return winner;
    }

    /// <summary>The target for <paramref name="grainId"/>, if there is one.</summary>
    internal bool TryGet(GrainId grainId, out IActivationTarget? target) => _targets.TryGetValue(grainId, out target);

    /// <summary>Removes <paramref name="target"/> if it is still the one registered for <paramref name="grainId"/>.</summary>
    internal void Remove(GrainId grainId, IActivationTarget target) => _targets.TryRemove(KeyValuePair.Create(grainId, target));

    /// <summary>Every target, in grain-id order (a snapshot).</summary>
    internal IActivationTarget[] Snapshot()
    {
        var pairs = _targets.ToArray();
        Array.Sort(pairs, static (left, right) => left.Key.CompareTo(right.Key));
        var targets = new IActivationTarget[pairs.Length];
        for (var i = 0; i < pairs.Length; i++)
        {
            targets[i] = pairs[i].Value;
        }

        return targets;
    }

    /// <summary>Asks every target to collect what has been idle too long (enumerates without a snapshot).</summary>
    internal void CollectIdle(long nowTimestamp)
    {
        foreach (var pair in _targets)
        {
            pair.Value.CollectIfIdle(nowTimestamp);
        }
    }

    /// <summary>Forgets every target (after a kill).</summary>
    internal void Clear() => _targets.Clear();
}

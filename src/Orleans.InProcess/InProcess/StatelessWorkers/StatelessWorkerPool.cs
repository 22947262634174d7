using Orleans.InProcess.Activation;
using Orleans.InProcess.Discovery;
using Orleans.InProcess.Invocation;
using Orleans.Runtime;

namespace Orleans.InProcess.StatelessWorkers;

/// <summary>
/// The activations of one <c>[StatelessWorker]</c> grain id: up to <see cref="GrainClassInfo.MaxLocalWorkers"/>
/// independent, single-threaded activations. A call goes to an idle worker, else to a new one while under the
/// limit, else it queues on the least loaded worker. Idle workers are collected like other activations; the pool
/// leaves the catalog with its last worker.
/// </summary>
internal sealed class StatelessWorkerPool : IActivationTarget
{
    private readonly Lock _lock = new();
    private readonly List<GrainActivation> _workers = [];
    private readonly InProcessRuntime _runtime;
    private readonly GrainClassInfo _grainClass;
    private readonly GrainId _grainId;
    private bool _retired;

    internal StatelessWorkerPool(InProcessRuntime runtime, GrainClassInfo grainClass, GrainId grainId)
    {
        _runtime = runtime;
        _grainClass = grainClass;
        _grainId = grainId;
    }

    /// <inheritdoc />
    public bool IsDefunct
    {
        get
        {
            lock (_lock)
            {
                return _retired;
            }
        }
    }

    /// <inheritdoc />
    public DispatchOutcome Dispatch(GrainRequest request, bool allowInline)
    {
        while (true)
        {
            GrainActivation worker;
            var isNew = false;
            lock (_lock)
            {
                if (_retired)
                {
                    return DispatchOutcome.Retry;
                }

                worker = PickWorkerLocked(ref isNew);
            }

            if (isNew)
            {
                worker.Start();
            }

            var outcome = worker.Dispatch(request, allowInline);
            if (outcome != DispatchOutcome.Retry)
            {
                return outcome;
            }

            // That worker finished deactivating in between and has left the pool; pick again.
        }
    }

    /// <summary>Called by a worker once it is gone.</summary>
    internal void OnWorkerRetired(GrainActivation worker)
    {
        lock (_lock)
        {
            _workers.Remove(worker);
            if (_workers.Count > 0 || _retired)
            {
                return;
            }

            _retired = true;
        }

        _runtime.Catalog.Remove(_grainId, this);
    }

    /// <inheritdoc />
    public void CollectIfIdle(long nowTimestamp)
    {
        foreach (var worker in SnapshotWorkers())
        {
            worker.CollectIfIdle(nowTimestamp);
        }
    }

    /// <inheritdoc />
    public Task DeactivateAllAsync(DeactivationReason reason)
    {
        var workers = SnapshotWorkers();
        var deactivations = new Task[workers.Length];
        for (var i = 0; i < workers.Length; i++)
        {
            deactivations[i] = workers[i].DeactivateAllAsync(reason);
        }

        return Task.WhenAll(deactivations);
    }

    /// <inheritdoc />
    public void Kill(Exception reason)
    {
        GrainActivation[] workers;
        lock (_lock)
        {
            _retired = true;
            workers = [.. _workers];
            _workers.Clear();
        }

        foreach (var worker in workers)
        {
            worker.Kill(reason);
        }
    }

    /// <inheritdoc />
    public void CollectContexts(List<IGrainContext> into)
    {
        foreach (var worker in SnapshotWorkers())
        {
            into.Add(worker);
        }
    }

    private GrainActivation PickWorkerLocked(ref bool isNew)
    {
        GrainActivation? leastLoaded = null;
        var leastLoad = int.MaxValue;
        foreach (var worker in _workers)
        {
            var load = worker.ApproximateLoad;
            if (load == 0)
            {
                return worker;
            }

            if (load < leastLoad)
            {
                leastLoad = load;
                leastLoaded = worker;
            }
        }

        if (_workers.Count < _grainClass.MaxLocalWorkers || leastLoaded is null)
        {
            var worker = new GrainActivation(_runtime, _grainClass, _grainId, this);
            _workers.Add(worker);
            isNew = true;
            return worker;
        }

        return leastLoaded;
    }

    private GrainActivation[] SnapshotWorkers()
    {
        lock (_lock)
        {
            return [.. _workers];
        }
    }
}

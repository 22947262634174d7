using Orleans.InProcess.Invocation;
using Orleans.Runtime;

namespace Orleans.InProcess.Activation;

/// <summary>What the catalog holds per grain id: one activation, or a pool of stateless workers.</summary>
internal interface IActivationTarget
{
    /// <summary>Whether the target is gone and the grain must be resolved again.</summary>
    bool IsDefunct { get; }

    /// <summary>Hands a request to the target; may run it inline when <paramref name="allowInline"/>.</summary>
    DispatchOutcome Dispatch(GrainRequest request, bool allowInline);

    /// <summary>Starts deactivating whatever has been idle for longer than its collection age.</summary>
    void CollectIfIdle(long nowTimestamp);

    /// <summary>Starts deactivating everything (graceful shutdown); completes when done.</summary>
    Task DeactivateAllAsync(DeactivationReason reason);

    /// <summary>Drops everything without running deactivation code (crash simulation).</summary>
    void Kill(Exception reason);

    /// <summary>The activations currently in the target.</summary>
    void CollectContexts(List<IGrainContext> into);
}

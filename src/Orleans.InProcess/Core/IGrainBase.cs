using Orleans.Runtime;

namespace Orleans;

/// <summary>
/// The contract between a grain instance and the runtime. <see cref="Grain"/> implements it; a plain class
/// may implement it directly ("POCO grain"), taking its <see cref="IGrainContext"/> as a constructor parameter.
/// </summary>
public interface IGrainBase
{
    /// <summary>The activation this grain instance belongs to.</summary>
    IGrainContext GrainContext { get; }

    /// <summary>
    /// Runs once per activation, on the activation's scheduler, after every <see cref="IPersistentState{TState}"/>
    /// has been read and before the first request is admitted. A failure fails the activation and the call that caused it.
    /// </summary>
    Task OnActivateAsync(CancellationToken token) => Task.CompletedTask;

    /// <summary>
    /// Runs once when a successfully activated grain is deactivated gracefully (idle collection, explicit request,
    /// shutdown, an escaping <see cref="Storage.InconsistentStateException"/>). Best effort: never runs on a crash.
    /// </summary>
    Task OnDeactivateAsync(DeactivationReason reason, CancellationToken token) => Task.CompletedTask;
}

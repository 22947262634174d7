namespace Orleans.Runtime;

/// <summary>
/// One activation of a grain as the runtime sees it. The in-process runtime implements the subset of the
/// Orleans contract that grain code and tests use.
/// </summary>
public interface IGrainContext
{
    /// <summary>A reference to this grain (untyped; use <see cref="GrainExtensions.AsReference{TGrainInterface}"/> to call it).</summary>
    GrainReference GrainReference { get; }

    /// <summary>The grain's identity.</summary>
    GrainId GrainId { get; }

    /// <summary>The grain instance, once constructed.</summary>
    object? GrainInstance { get; }

    /// <summary>The activation's service scope (scoped services live as long as the activation).</summary>
    IServiceProvider ActivationServices { get; }

    /// <summary>Completes when this activation has finished deactivating.</summary>
    Task Deactivated { get; }

    /// <summary>
    /// Starts deactivating this activation once its running requests have finished; queued requests go to a
    /// fresh activation afterwards.
    /// </summary>
    void Deactivate(DeactivationReason deactivationReason, CancellationToken cancellationToken = default);
}

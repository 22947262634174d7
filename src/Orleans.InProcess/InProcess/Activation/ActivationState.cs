namespace Orleans.InProcess.Activation;

/// <summary>Lifecycle of one activation.</summary>
internal enum ActivationState
{
    /// <summary>Created in the catalog; the activation turn has not run yet.</summary>
    Creating,

    /// <summary>Constructing the grain, reading its state, running <c>OnActivateAsync</c>. Requests wait.</summary>
    Activating,

    /// <summary>Admitting requests.</summary>
    Valid,

    /// <summary>No longer admitting; waiting for running requests, then running <c>OnDeactivateAsync</c>. Requests wait and go to the next activation.</summary>
    Deactivating,

    /// <summary>Gone (deactivated, failed to activate, or killed). Requests are routed elsewhere.</summary>
    Invalid,
}

namespace Orleans;

/// <summary>Why an activation is being deactivated.</summary>
public enum DeactivationReasonCode : byte
{
    /// <summary>No reason given.</summary>
    None,

    /// <summary>The silo is shutting down.</summary>
    ShuttingDown,

    /// <summary>Activation failed (construction, state read or <c>OnActivateAsync</c>).</summary>
    ActivationFailed,

    /// <summary>The grain directory failed (never raised by the in-process runtime, which has no directory).</summary>
    DirectoryFailure,

    /// <summary>The activation was idle for longer than its collection age.</summary>
    ActivationIdle,

    /// <summary>The activation stopped responding.</summary>
    ActivationUnresponsive,

    /// <summary>Another activation of the same grain won registration (never raised in process).</summary>
    DuplicateActivation,

    /// <summary>A request was incompatible with this activation.</summary>
    IncompatibleRequest,

    /// <summary>Application code failed in a way that requires a fresh activation (an escaping <see cref="Storage.InconsistentStateException"/>).</summary>
    ApplicationError,

    /// <summary>The application asked for it (<c>DeactivateOnIdle</c>, <see cref="Runtime.IGrainContext.Deactivate"/>).</summary>
    ApplicationRequested,

    /// <summary>The grain is migrating to another silo (never raised in process).</summary>
    Migrating,

    /// <summary>The runtime asked for it.</summary>
    RuntimeRequested,

    /// <summary>The silo is under memory pressure.</summary>
    HighMemoryPressure,
}

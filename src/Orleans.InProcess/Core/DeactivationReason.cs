namespace Orleans;

/// <summary>The reason an activation is deactivated, passed to <see cref="IGrainBase.OnDeactivateAsync"/>.</summary>
public readonly struct DeactivationReason
{
    /// <summary>Creates a reason with a code and a description.</summary>
    public DeactivationReason(DeactivationReasonCode code, string text)
    {
        ReasonCode = code;
        Description = text;
        Exception = null;
    }

    /// <summary>Creates a reason with a code, the exception that caused it and a description.</summary>
    public DeactivationReason(DeactivationReasonCode code, Exception? exception, string text)
    {
        ReasonCode = code;
        Description = text;
        Exception = exception;
    }

    /// <summary>Human-readable description.</summary>
    public string Description { get; }

    /// <summary>The reason code.</summary>
    public DeactivationReasonCode ReasonCode { get; }

    /// <summary>The exception that caused the deactivation, if any.</summary>
    public Exception? Exception { get; }

    public override string ToString() => Exception is null
        ? $"{ReasonCode}: {Description}"
        : $"{ReasonCode}: {Description}. Exception: {Exception}";
}

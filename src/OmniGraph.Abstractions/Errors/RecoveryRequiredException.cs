namespace OmniGraph.Engine;

/// <summary>
/// Recovery has to decide: either an unresolved recovery sidecar blocks writes (it cannot be read, has an unknown
/// format, or its heal failed), or a write failed after taking effects and its outcome is now recovery's (the next heal
/// rolls it forward when every effect is in place, back otherwise). Do not resubmit blindly.
/// Code <c>recovery_required</c> (HTTP 503).
/// </summary>
public sealed class RecoveryRequiredException : OmniGraphException
{
    public RecoveryRequiredException(string operationId, string sidecarKey, string reason, Exception? innerException = null)
        : base(EngineErrorCodes.RecoveryRequired, $"recovery required for operation {operationId} (sidecar '{sidecarKey}'): {reason}", innerException)
    {
        OperationId = operationId;
        SidecarKey = sidecarKey;
        Reason = reason;
    }

    /// <summary>The write transaction (the sidecar's name), or the file name when it could not be read.</summary>
    public string OperationId { get; }

    /// <summary>The sidecar's object key.</summary>
    public string SidecarKey { get; }

    /// <summary>Why recovery is needed.</summary>
    public string Reason { get; }
}

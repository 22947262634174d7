namespace OmniGraph.Abstractions;

/// <summary>
/// Recovery has to decide: either an unresolved recovery sidecar blocks writes (it cannot be read, has an unknown
/// format, or its heal failed), or a write failed after taking effects and its outcome is now recovery's (the next heal
/// rolls it forward when every effect is in place, back otherwise). Do not resubmit blindly. Code
/// <c>recovery_required</c>; details <see cref="ErrorDetail.OperationId"/>, <see cref="ErrorDetail.SidecarKey"/> and
/// <see cref="ErrorDetail.Reason"/>. A subclass because heal and examination catch it to report a refused sidecar.
/// </summary>
public sealed class RecoveryRequiredException : OmniGraphException
{
    /// <summary>Creates the error.</summary>
    public RecoveryRequiredException(string operationId, string sidecarKey, string reason, Exception? innerException = null)
        : this(
            ErrorCodes.RecoveryRequired,
            $"recovery required for operation {operationId} (sidecar '{sidecarKey}'): {reason}",
            ErrorDetails.Of(ErrorDetail.OperationId.With(operationId), ErrorDetail.SidecarKey.With(sidecarKey), ErrorDetail.Reason.With(reason)),
            innerException)
    {
    }

    /// <summary>Rebuilds the error from its parts (see <see cref="OmniGraphException.Rebuild"/>).</summary>
    public RecoveryRequiredException(string code, string message, ErrorDetails details, Exception? innerException)
        : base(code, message, details, innerException)
    {
    }

    /// <summary>The write transaction (the sidecar's name), or the file name when it could not be read.</summary>
    public string OperationId => Get(ErrorDetail.OperationId) ?? string.Empty;

    /// <summary>The sidecar's object key.</summary>
    public string SidecarKey => Get(ErrorDetail.SidecarKey) ?? string.Empty;

    /// <summary>Why recovery is needed.</summary>
    public string Reason => Get(ErrorDetail.Reason) ?? string.Empty;
}

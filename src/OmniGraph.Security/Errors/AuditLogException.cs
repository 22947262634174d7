namespace OmniGraph.Security;

/// <summary>
/// The audit log cannot be read or appended to: an entry is unreadable or does not match its key, has an unknown format,
/// an append lost its compare-and-swap beyond its budget, or the record to append is invalid. Nothing was written.
/// <see cref="OmniGraphException.Code"/> is one of the <c>audit_*</c> codes; detail <see cref="ErrorDetail.Key"/> (the
/// object concerned, when one is). A subclass because the verifier catches it by type.
/// </summary>
public sealed class AuditLogException : OmniGraphException
{
    /// <summary>Creates the error.</summary>
    public AuditLogException(string code, string message, string? key = null, Exception? innerException = null)
        : this(code, key is null ? message : $"audit object '{key}': {message}", ErrorDetails.Of(ErrorDetail.Key.With(key)), innerException)
    {
    }

    /// <summary>Rebuilds the error from its parts (see <see cref="OmniGraphException.Rebuild"/>).</summary>
    public AuditLogException(string code, string message, ErrorDetails details, Exception? innerException)
        : base(code, message, details, innerException)
    {
    }

    /// <summary>The object key concerned, when one is.</summary>
    public string? Key => Get(ErrorDetail.Key);
}

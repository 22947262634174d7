namespace OmniGraph.Security;

/// <summary>
/// The audit log cannot be read or appended to: an entry is unreadable or does not match its key, has an unknown format,
/// an append lost its compare-and-swap beyond its budget, or the record to append is invalid. Nothing was written.
/// <see cref="OmniGraphException.Code"/> is one of the <c>audit_*</c> codes of <see cref="SecurityErrorCodes"/>.
/// </summary>
public sealed class AuditLogException : OmniGraphException
{
    public AuditLogException(string code, string message, string? key = null, Exception? innerException = null)
        : base(code, key is null ? message : $"audit object '{key}': {message}", innerException)
    {
        Key = key;
    }

    /// <summary>The object key concerned, when one is.</summary>
    public string? Key { get; }
}

namespace OmniGraph.Ingest;

/// <summary>
/// A Blob value is a string that is not <c>base64:…</c>, which the format reads as an external reference (a URI).
/// External blob references are not allowed by policy: blob bytes must be supplied inline. Code <c>policy_denied</c>.
/// </summary>
public sealed class ExternalBlobDeniedException : IngestException
{
    internal ExternalBlobDeniedException(long line, string reason, string field, string tableName)
        : base(IngestErrorCodes.PolicyDenied, AtLine(line, reason), reason, line, field, tableName, null)
    {
    }
}

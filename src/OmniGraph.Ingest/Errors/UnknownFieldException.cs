namespace OmniGraph.Ingest;

/// <summary>
/// A record carries a member that has no meaning: a top-level member other than the envelope's
/// (<c>unknown top-level graph batch field 'x'</c>) or a <c>data</c> member that is not a declared property
/// (<c>unknown input field 'x' for 'node:Person'</c>). Code <c>unknown_field</c>.
/// </summary>
public sealed class UnknownFieldException : IngestException
{
    internal UnknownFieldException(long line, string reason, string field, string? tableName)
        : base(IngestErrorCodes.UnknownField, AtLine(line, reason), reason, line, field, tableName, null)
    {
    }
}

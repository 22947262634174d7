namespace OmniGraph.Ingest;

/// <summary>
/// A line cannot be read as a record: invalid JSON or a duplicate JSON member (message
/// <c>invalid strict JSON at line N: …</c>), a malformed envelope, a value of the wrong JSON type, out of range or
/// not finite, a bad vector, list or literal, a missing or mismatching key. Code <c>invalid_data</c>.
/// </summary>
public sealed class InvalidRecordException : IngestException
{
    internal InvalidRecordException(string message, string reason, long line, string? field, string? tableName, Exception? innerException = null)
        : base(IngestErrorCodes.InvalidData, message, reason, line, field, tableName, innerException)
    {
    }

    internal static InvalidRecordException At(long line, string reason, string? field, string? tableName) =>
        new(AtLine(line, reason), reason, line, field, tableName);

    internal static InvalidRecordException InvalidJson(long line, string reason, Exception? innerException = null) =>
        new($"invalid strict JSON at line {line}: {reason}", reason, line, null, null, innerException);
}

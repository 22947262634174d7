namespace OmniGraph.Ingest;

/// <summary>
/// Base of every error the JSONL intake reports. The message names the line (<c>line 7: …</c>, or
/// <c>invalid strict JSON at line 7: …</c>) and the rule text; <see cref="Line"/>, <see cref="Field"/> and
/// <see cref="TableName"/> carry the same facts for programs. The first error stops the intake.
/// </summary>
public abstract class IngestException : OmniGraphException
{
    private protected IngestException(string code, string message, string reason, long line, string? field, string? tableName, Exception? innerException)
        : base(code, message, innerException)
    {
        Reason = reason;
        Line = line;
        Field = field;
        TableName = tableName;
    }

    /// <summary>The rule text without the line prefix, for example <c>unknown node type 'Persn'</c>.</summary>
    public string Reason { get; }

    /// <summary>The 1-based physical line of the input (LF-separated, blank lines counted) the error is about.</summary>
    public long Line { get; }

    /// <summary>
    /// The offending field: a property name, <c>id</c>, a top-level member (<c>type</c>, <c>edge</c>, <c>from</c>,
    /// <c>to</c>, <c>data</c>), or <c>null</c> when the whole line is at fault (invalid JSON, an over-long line).
    /// </summary>
    public string? Field { get; }

    /// <summary>The table the record belongs to (<c>node:Person</c>), when it is known.</summary>
    public string? TableName { get; }

    /// <summary>The conventional message shape: <c>line N: reason</c>.</summary>
    private protected static string AtLine(long line, string reason) => $"line {line}: {reason}";
}

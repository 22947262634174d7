namespace OmniGraph.Ingest;

/// <summary>
/// Two rows of the file hold the same <c>@key</c> value or <c>@unique</c> tuple:
/// <c>@unique violation on User.email: value 'x' held by 'Alice' (line 1) and 'Bob' (line 2)</c>. Raised in every
/// load mode (rows with a null member of the tuple are exempt). Code <c>unique_violation</c>.
/// </summary>
public sealed class UniqueViolationException : IngestException
{
    internal UniqueViolationException(long line, string reason, string field, string tableName, string value, string firstHolderId, long firstLine, string secondHolderId)
        : base(IngestErrorCodes.UniqueViolation, AtLine(line, reason), reason, line, field, tableName, null)
    {
        Value = value;
        FirstHolderId = firstHolderId;
        FirstLine = firstLine;
        SecondHolderId = secondHolderId;
    }

    /// <summary>The duplicated value in its canonical rendering (a composite tuple as a JSON array).</summary>
    public string Value { get; }

    /// <summary>The id of the earlier row holding the value.</summary>
    public string FirstHolderId { get; }

    /// <summary>The line of the earlier row.</summary>
    public long FirstLine { get; }

    /// <summary>The id of the row that repeats the value (on <see cref="IngestException.Line"/>).</summary>
    public string SecondHolderId { get; }
}

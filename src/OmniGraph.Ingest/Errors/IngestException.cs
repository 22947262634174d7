namespace OmniGraph.Ingest;

/// <summary>
/// Every error the JSONL intake reports. The message names the line (<c>line 7: …</c>, or
/// <c>invalid strict JSON at line 7: …</c>) and the rule text; the details carry the same facts for programs:
/// <see cref="ErrorDetail.Reason"/>, <see cref="ErrorDetail.Line"/>, <see cref="ErrorDetail.Field"/> and
/// <see cref="ErrorDetail.TypeName"/> always (the last two when known), plus what the code adds (a duplicated key's
/// <see cref="ErrorDetail.EntityId"/> and <see cref="ErrorDetail.FirstLine"/>, a limit's <see cref="ErrorDetail.Resource"/>,
/// <see cref="ErrorDetail.Limit"/> and <see cref="ErrorDetail.Count"/>, ...). The first error stops the intake. A
/// subclass because the intake catches it to tell a rejected line from a failing reader.
/// </summary>
public sealed class IngestException : OmniGraphException
{
    /// <summary>Rebuilds the error from its parts (see <see cref="OmniGraphException.Rebuild"/>).</summary>
    public IngestException(string code, string message, ErrorDetails details, Exception? innerException)
        : base(code, message, details, innerException)
    {
    }

    /// <summary>The rule text without the line prefix, for example <c>unknown node type 'Persn'</c>.</summary>
    public string Reason => Get(ErrorDetail.Reason) ?? string.Empty;

    /// <summary>The 1-based physical line of the input (LF-separated, blank lines counted) the error is about.</summary>
    public long Line => Get(ErrorDetail.Line);

    /// <summary>
    /// The offending field: a property name, <c>id</c>, a top-level member (<c>type</c>, <c>edge</c>, <c>from</c>,
    /// <c>to</c>, <c>data</c>), or <c>null</c> when the whole line is at fault (invalid JSON, an over-long line).
    /// </summary>
    public string? Field => Get(ErrorDetail.Field);

    /// <summary>The node or edge type of the record, when the line got that far.</summary>
    public string? TableName => Get(ErrorDetail.TypeName);

    /// <summary><c>invalid_data</c> on a line: a value of the wrong JSON type or out of range, a malformed envelope.</summary>
    internal static IngestException At(long line, string reason, string? field, string? tableName) =>
        Create(ErrorCodes.InvalidData, AtLine(line, reason), reason, line, field, tableName);

    /// <summary><c>invalid_data</c>: the line is no strict JSON.</summary>
    internal static IngestException InvalidJson(long line, string reason, Exception? innerException = null) =>
        Create(ErrorCodes.InvalidData, $"invalid strict JSON at line {line}: {reason}", reason, line, null, null, innerException);

    /// <summary><c>unknown_field</c>.</summary>
    internal static IngestException UnknownField(long line, string reason, string field, string? tableName) =>
        Create(ErrorCodes.UnknownField, AtLine(line, reason), reason, line, field, tableName);

    /// <summary><c>unknown_type</c>: the record names no type of the schema.</summary>
    internal static IngestException UnknownType(long line, bool isEdge, string typeName)
    {
        var reason = $"unknown {(isEdge ? "edge" : "node")} type '{typeName}'";
        return Create(ErrorCodes.UnknownType, AtLine(line, reason), reason, line, isEdge ? "edge" : "type", typeName, null, ErrorDetail.IsEdge.With(isEdge));
    }

    /// <summary><c>constraint_violation</c>: required, <c>enum</c>, <c>@range</c> or <c>@check</c>.</summary>
    internal static IngestException ConstraintViolation(long line, string reason, string field, string tableName) =>
        Create(ErrorCodes.ConstraintViolation, AtLine(line, reason), reason, line, field, tableName);

    /// <summary>
    /// <c>constraint_violation</c>: a record leaves out a required <c>@embed</c> vector and its source is null too, so
    /// there is nothing to compute the vector from.
    /// </summary>
    public static IngestException EmbedSourceMissing(long line, string property, string source, string tableName)
    {
        var reason = $"non-nullable property '{property}' is left out and its @embed source '{source}' is null: there is nothing to compute it from";
        return ConstraintViolation(line, reason, property, tableName);
    }

    /// <summary><c>policy_denied</c>: an external blob reference.</summary>
    internal static IngestException ExternalBlobDenied(long line, string reason, string field, string tableName) =>
        Create(ErrorCodes.PolicyDenied, AtLine(line, reason), reason, line, field, tableName);

    /// <summary><c>resource_limit</c>: a line or a table larger than allowed.</summary>
    internal static IngestException Limit(long line, string resource, long limit, long actual)
    {
        var reason = $"{resource} limit exceeded: at least {actual} > {limit}";
        return Create(ErrorCodes.ResourceLimit, AtLine(line, reason), reason, line, null, null, null,
            ErrorDetail.Resource.With(resource), ErrorDetail.Limit.With(limit), ErrorDetail.Count.With(actual));
    }

    /// <summary><c>key_conflict</c>: an explicit id repeated where the load inserts strictly.</summary>
    internal static IngestException KeyConflict(long line, string tableName, string entityId, long firstLine)
    {
        var reason = $"{tableName} id '{entityId}' appears twice in this load (first on line {firstLine})";
        return Create(ErrorCodes.KeyConflict, AtLine(line, reason), reason, line, "id", tableName, null,
            ErrorDetail.EntityId.With(entityId), ErrorDetail.FirstLine.With(firstLine));
    }

    /// <summary><c>unique_violation</c>: two rows of the file hold the same <c>@key</c> or <c>@unique</c> tuple.</summary>
    internal static IngestException UniqueViolation(long line, string reason, string field, string tableName, string value, string firstHolderId, long firstLine, string secondHolderId) =>
        Create(ErrorCodes.UniqueViolation, AtLine(line, reason), reason, line, field, tableName, null,
            ErrorDetail.Value.With(value), ErrorDetail.FirstHolder.With(firstHolderId), ErrorDetail.FirstLine.With(firstLine), ErrorDetail.SecondHolder.With(secondHolderId));

    private static IngestException Create(string code, string message, string reason, long line, string? field, string? tableName, Exception? innerException = null, params IEnumerable<KeyValuePair<string, object?>> more) =>
        new(code, message, ErrorDetails.Of([ErrorDetail.Reason.With(reason), ErrorDetail.Line.With(line), ErrorDetail.Field.With(field), ErrorDetail.TypeName.With(tableName), .. more]), innerException);

    private static string AtLine(long line, string reason) => $"line {line}: {reason}";
}

namespace OmniGraph.Ingest;

/// <summary>
/// The stable error codes an <see cref="IngestException"/> carries. They are part of the public contract (the CLI
/// prints them, the HTTP front-end maps them to a status), so a code is never renamed once shipped.
/// </summary>
public static class IngestErrorCodes
{
    /// <summary>
    /// The line is not usable as a record: invalid JSON, a duplicate JSON member, a malformed envelope, a value of
    /// the wrong JSON type or out of range, a bad vector, a missing or mismatching key. HTTP 400.
    /// </summary>
    public const string InvalidData = "invalid_data";

    /// <summary>The record names a node or edge type the schema does not declare. HTTP 400.</summary>
    public const string UnknownType = "unknown_type";

    /// <summary>The record carries a top-level member or a <c>data</c> member the format or the type does not define. HTTP 400.</summary>
    public const string UnknownField = "unknown_field";

    /// <summary>A value breaks a schema constraint: required (non-nullable), <c>enum</c>, <c>@range</c> or <c>@check</c>. HTTP 400.</summary>
    public const string ConstraintViolation = "constraint_violation";

    /// <summary>Two rows of the file hold the same <c>@key</c> or <c>@unique</c> tuple. HTTP 400.</summary>
    public const string UniqueViolation = "unique_violation";

    /// <summary>Two rows of the file carry the same explicit id where the load mode inserts strictly (append, overwrite). HTTP 409.</summary>
    public const string KeyConflict = "key_conflict";

    /// <summary>A size limit was exceeded, for example a line longer than the per-line limit. HTTP 413.</summary>
    public const string ResourceLimit = "resource_limit";

    /// <summary>A value is well formed but not allowed by policy: an external blob reference. HTTP 400.</summary>
    public const string PolicyDenied = "policy_denied";
}

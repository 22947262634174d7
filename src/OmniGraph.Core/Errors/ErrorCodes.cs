namespace OmniGraph;

/// <summary>
/// Every error code OmniGraph reports, in one catalogue: each constant is the code (snake_case), its name is the code in
/// PascalCase, and its <see cref="ErrorCodeAttribute"/> gives the kind (exit code, HTTP status; see
/// <see cref="ErrorKinds"/>). Codes are part of the public contract (the CLI prints them, the HTTP front-end maps them):
/// never rename one. docs/errors.md documents each; a test keeps the two in step. The partial files group the codes by
/// the part of the product that raises them; a code two parts raise (<c>key_conflict</c>) is defined once.
/// </summary>
public static partial class ErrorCodes
{
    /// <summary>A size limit was exceeded before any effect (a line longer than the per-line limit, a write over <c>MaxRowsPerTableWrite</c>).</summary>
    [ErrorCode(ErrorKind.TooLarge)]
    public const string ResourceLimit = "resource_limit";

    /// <summary>A stored object is malformed or missing although a published object refers to it (also: a file that fails its checksum).</summary>
    [ErrorCode(ErrorKind.Integrity)]
    public const string CorruptObject = "corrupt_object";

    /// <summary>A value is not well formed for its property or column (invalid JSON, a wrong JSON type, an out-of-range number, bad base64).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string InvalidData = "invalid_data";

    /// <summary>A value breaks a schema rule when it is written: required, <c>enum</c>, <c>@range</c>, <c>@check</c>, vector dimensions.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string ConstraintViolation = "constraint_violation";

    /// <summary>A well-formed value the policy does not allow: an external Blob reference.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string PolicyDenied = "policy_denied";

    /// <summary>A record or an export names a node or edge type the schema does not declare.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string UnknownType = "unknown_type";

    /// <summary>A record carries a top-level member or a <c>data</c> member the format or the type does not define.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string UnknownField = "unknown_field";

    /// <summary>Two rows would hold the same <c>@key</c> or <c>@unique</c> value (within one file, or in the written graph).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string UniqueViolation = "unique_violation";

    /// <summary>A strict insert of an id that exists, or that repeats within the write or the file.</summary>
    [ErrorCode(ErrorKind.Conflict)]
    public const string KeyConflict = "key_conflict";

    /// <summary>A failure that is no deliberate error: a bug. The message names the .NET exception.</summary>
    [ErrorCode(ErrorKind.Internal)]
    public const string Internal = "internal";

    /// <summary>An operation did not finish within its time (a grain call past its response timeout).</summary>
    [ErrorCode(ErrorKind.Timeout)]
    public const string Timeout = "timeout";

    /// <summary>The caller stopped the operation (Ctrl-C, SIGTERM, a cancelled token) before it finished.</summary>
    [ErrorCode(ErrorKind.Cancelled)]
    public const string Cancelled = "cancelled";
}

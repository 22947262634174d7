namespace OmniGraph;

/// <summary>The object store's and the Arrow layer's codes.</summary>
public static partial class ErrorCodes
{
    /// <summary>The object does not exist.</summary>
    [ErrorCode(ErrorKind.NotFound)]
    public const string ObjectNotFound = "object_not_found";

    /// <summary>A conditional write or delete of an object lost: it exists (create-if-absent) or its entity tag changed.</summary>
    [ErrorCode(ErrorKind.Conflict)]
    public const string PreconditionFailed = "precondition_failed";

    /// <summary>The store could not do the request (an I/O error, a full disk, a lost connection); the object is unchanged.</summary>
    [ErrorCode(ErrorKind.Unavailable)]
    public const string StoreUnavailable = "store_unavailable";

    /// <summary>An object key breaks the key rules (empty segment, reserved prefix, too long, invalid UTF-16).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string InvalidObjectKey = "invalid_object_key";

    /// <summary>A listing continuation token that this store did not hand out for that prefix.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string InvalidContinuationToken = "invalid_continuation_token";

    /// <summary>An object store location (path, <c>file://</c> or <c>memory://</c> URI) that cannot be parsed.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string InvalidStoreUri = "invalid_store_uri";

    /// <summary>The bytes are not a well-formed Arrow IPC file or stream (bad magic, truncation, out-of-range offsets).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string ArrowInvalidFile = "arrow_invalid_file";

    /// <summary>The file carries an OmniGraph integrity checksum and the bytes do not match it.</summary>
    [ErrorCode(ErrorKind.Integrity)]
    public const string ArrowChecksumMismatch = "arrow_checksum_mismatch";

    /// <summary>The input is well-formed Arrow but uses a feature this implementation does not read (dictionaries, compression, other types).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string ArrowUnsupported = "arrow_unsupported";

    /// <summary>Columns handed to a record batch do not agree with its schema (count, type, length or nullability).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string ArrowSchemaMismatch = "arrow_schema_mismatch";
}

namespace OmniGraph.Arrow;

/// <summary>
/// Stable error codes of the Arrow layer. They are part of the public contract (the CLI prints them and
/// the HTTP front-end maps them), so they are never renamed once shipped.
/// </summary>
public static class ArrowErrorCodes
{
    /// <summary>The bytes are not a well-formed Arrow IPC file or stream (bad magic, truncation, out-of-range offsets, ...).</summary>
    public const string InvalidFile = "arrow_invalid_file";

    /// <summary>The file carries an OmniGraph integrity checksum and the bytes do not match it.</summary>
    public const string ChecksumMismatch = "arrow_checksum_mismatch";

    /// <summary>The input is well-formed Arrow but uses a feature this implementation does not read (dictionaries, compression, other types).</summary>
    public const string Unsupported = "arrow_unsupported";

    /// <summary>Columns handed to a record batch do not agree with its schema (count, type, length or nullability).</summary>
    public const string SchemaMismatch = "arrow_schema_mismatch";
}

namespace OmniGraph.Engine;

/// <summary>
/// The stable error codes of the storage engine. They are part of the public contract (the CLI prints them, the HTTP
/// front-end maps them to a status), so a code is never renamed once shipped.
/// </summary>
public static class EngineErrorCodes
{
    /// <summary>The branch head moved between preparation and commit (before any effect). HTTP 409.</summary>
    public const string ReadSetConflict = "read_set_conflict";

    /// <summary>The caller's expected head commit (user compare-and-swap) is not the head. HTTP 412.</summary>
    public const string PreconditionFailure = "precondition_failure";

    /// <summary>An unresolved recovery sidecar blocks writes, or a write's outcome is left to recovery. HTTP 503.</summary>
    public const string RecoveryRequired = "recovery_required";

    /// <summary>A strict insert of an id that exists (or repeats within the write). HTTP 409.</summary>
    public const string KeyConflict = "key_conflict";

    /// <summary>Two rows would hold the same <c>@key</c> or <c>@unique</c> value. HTTP 400.</summary>
    public const string UniqueViolation = "unique_violation";

    /// <summary>An edge endpoint does not exist in the written graph image. HTTP 400.</summary>
    public const string OrphanEdge = "orphan_edge";

    /// <summary>A source node would have more or fewer outgoing edges of a type than its <c>@card</c> allows. HTTP 400.</summary>
    public const string CardinalityViolation = "cardinality_violation";

    /// <summary>A write request that does not fit the schema or the API (wrong columns, unknown mode combination). HTTP 400.</summary>
    public const string InvalidWrite = "invalid_write";

    /// <summary>A table read the table cannot answer (an unknown column, an edge operation on a node table). HTTP 400.</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary>A table key the graph's schema does not declare. HTTP 400.</summary>
    public const string UnknownTable = "unknown_table";

    /// <summary>A size limit was exceeded before any effect. HTTP 413.</summary>
    public const string ResourceLimit = "resource_limit";

    /// <summary>The graph root holds no graph. HTTP 404.</summary>
    public const string GraphNotInitialized = "graph_not_initialized";

    /// <summary>The graph root already holds a graph. HTTP 409.</summary>
    public const string AlreadyInitialized = "already_initialized";

    /// <summary>The graph was written by an unknown or newer storage format. HTTP 500.</summary>
    public const string UnsupportedStorageFormat = "unsupported_storage_format";

    /// <summary>A stored object is malformed or missing although a published object refers to it. HTTP 500.</summary>
    public const string CorruptObject = "corrupt_object";

    /// <summary>The branch does not exist. HTTP 404.</summary>
    public const string BranchNotFound = "branch_not_found";

    /// <summary>The commit does not exist on any branch. HTTP 404.</summary>
    public const string CommitNotFound = "commit_not_found";

    /// <summary>The branch has no such manifest version. HTTP 404.</summary>
    public const string SnapshotNotFound = "snapshot_not_found";

    /// <summary>The graph id is not registered with the silo. HTTP 404.</summary>
    public const string GraphNotFound = "graph_not_found";

    /// <summary>A table's physical head is not the version a commit expected (internal to the commit protocol).</summary>
    public const string TableHeadConflict = "table_head_conflict";
}

namespace OmniGraph;

/// <summary>The storage engine's codes: graphs, branches, commits, the write path and recovery.</summary>
public static partial class ErrorCodes
{
    /// <summary>The branch head moved between preparation and commit (before any effect).</summary>
    [ErrorCode(ErrorKind.Conflict)]
    public const string ReadSetConflict = "read_set_conflict";

    /// <summary>The caller's expected head commit (user compare-and-swap, <c>mutate --if-commit</c>) is not the head.</summary>
    [ErrorCode(ErrorKind.PreconditionFailed)]
    public const string PreconditionFailure = "precondition_failure";

    /// <summary>An unresolved recovery sidecar blocks writes, or a write's outcome is left to recovery.</summary>
    [ErrorCode(ErrorKind.Unavailable)]
    public const string RecoveryRequired = "recovery_required";

    /// <summary>An edge endpoint does not exist in the written graph image.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string OrphanEdge = "orphan_edge";

    /// <summary>A source node would have more or fewer outgoing edges of a type than its <c>@card</c> allows.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string CardinalityViolation = "cardinality_violation";

    /// <summary>A write request that does not fit the schema or the API (wrong columns, an unknown mode combination).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string InvalidWrite = "invalid_write";

    /// <summary>A table read the table cannot answer (an unknown column, an edge operation on a node table), or a load session used out of order.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string InvalidRequest = "invalid_request";

    /// <summary>A table key the graph's schema does not declare.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string UnknownTable = "unknown_table";

    /// <summary>The graph root holds no graph.</summary>
    [ErrorCode(ErrorKind.NotFound)]
    public const string GraphNotInitialized = "graph_not_initialized";

    /// <summary>The graph root already holds a graph.</summary>
    [ErrorCode(ErrorKind.Conflict)]
    public const string AlreadyInitialized = "already_initialized";

    /// <summary>The graph was written by an unknown or newer storage format.</summary>
    [ErrorCode(ErrorKind.Integrity)]
    public const string UnsupportedStorageFormat = "unsupported_storage_format";

    /// <summary>The branch does not exist.</summary>
    [ErrorCode(ErrorKind.NotFound)]
    public const string BranchNotFound = "branch_not_found";

    /// <summary>The commit does not exist on any branch.</summary>
    [ErrorCode(ErrorKind.NotFound)]
    public const string CommitNotFound = "commit_not_found";

    /// <summary>The branch has no such manifest version.</summary>
    [ErrorCode(ErrorKind.NotFound)]
    public const string SnapshotNotFound = "snapshot_not_found";

    /// <summary>The graph id is not known to the cluster (neither configured nor registered).</summary>
    [ErrorCode(ErrorKind.NotFound)]
    public const string GraphNotFound = "graph_not_found";

    /// <summary>A graph id registered at run time is already registered at another location (a graph never moves).</summary>
    [ErrorCode(ErrorKind.Conflict)]
    public const string GraphAlreadyRegistered = "graph_already_registered";

    /// <summary>A table's physical head is not the version a commit expected (internal to the commit protocol).</summary>
    [ErrorCode(ErrorKind.Conflict)]
    public const string TableHeadConflict = "table_head_conflict";

    /// <summary>A property holds a value the load format cannot represent (an export stops rather than write it).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string UnexportableValue = "unexportable_value";

    /// <summary>A grain state object cannot be read as the grain's state.</summary>
    [ErrorCode(ErrorKind.Integrity)]
    public const string GrainStateCorrupt = "grain_state_corrupt";

    /// <summary>A grain's state would need an object key longer than the store allows.</summary>
    [ErrorCode(ErrorKind.TooLarge)]
    public const string GrainStateKeyTooLong = "grain_state_key_too_long";

    /// <summary>A grain's state key needs escaping that Orleans' Azure Blob grain storage cannot write (its blob names are raw).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string GrainStateKeyUnsupported = "grain_state_key_unsupported";

    /// <summary>A test failpoint failed the step it guards (an I/O-like failure; tests only).</summary>
    [ErrorCode(ErrorKind.Unavailable)]
    public const string FailpointInjected = "failpoint_injected";

    /// <summary>A test failpoint stopped the operation dead after its step, as a crash would (tests only).</summary>
    [ErrorCode(ErrorKind.Internal)]
    public const string SimulatedCrash = "simulated_crash";
}

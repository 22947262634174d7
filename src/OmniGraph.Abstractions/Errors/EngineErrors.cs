namespace OmniGraph.Abstractions;

/// <summary>
/// Throw helpers for the engine's errors (<c>throw EngineErrors.OrphanEdge(…)</c>): each renders the documented message
/// and the details of its code. The errors a caller catches by type have their own classes
/// (<see cref="ReadSetChangedException"/>, <see cref="TableHeadConflictException"/>, <see cref="RecoveryRequiredException"/>,
/// <see cref="GraphPreconditionFailedException"/>, <see cref="CorruptObjectException"/>).
/// </summary>
public static partial class EngineErrors
{
    /// <summary><c>graph_not_found</c>: the graph id is not known to the cluster.</summary>
    public static OmniGraphException GraphNotFound(string graphId) =>
        new(ErrorCodes.GraphNotFound, $"graph '{graphId}' is not registered", ErrorDetails.Of(ErrorDetail.GraphId.With(graphId)));

    /// <summary><c>graph_not_initialized</c>: the location holds no graph.</summary>
    public static OmniGraphException GraphNotInitialized(string location) =>
        new(ErrorCodes.GraphNotInitialized, $"no graph at {location}: it has not been initialised (run init first)", ErrorDetails.Of(ErrorDetail.Location.With(location)));

    /// <summary><c>already_initialized</c>: the location already holds a graph.</summary>
    public static OmniGraphException AlreadyInitialized(string location) =>
        new(ErrorCodes.AlreadyInitialized, $"a graph already exists at {location}", ErrorDetails.Of(ErrorDetail.Location.With(location)));

    /// <summary><c>unsupported_storage_format</c>: an object of an unknown or newer format.</summary>
    public static OmniGraphException UnsupportedStorageFormat(string key, string reason) =>
        new(ErrorCodes.UnsupportedStorageFormat, $"unsupported storage format in '{key}': {reason}", ErrorDetails.Of(ErrorDetail.Key.With(key), ErrorDetail.Reason.With(reason)));

    /// <summary><c>branch_not_found</c>.</summary>
    public static OmniGraphException BranchNotFound(string branch) =>
        new(ErrorCodes.BranchNotFound, $"branch '{branch}' not found", ErrorDetails.Of(ErrorDetail.Branch.With(branch)));

    /// <summary><c>commit_not_found</c>.</summary>
    public static OmniGraphException CommitNotFound(string commitId) =>
        new(ErrorCodes.CommitNotFound, $"commit '{commitId}' not found", ErrorDetails.Of(ErrorDetail.CommitId.With(commitId)));

    /// <summary><c>snapshot_not_found</c>: the branch has no manifest version <paramref name="version"/>.</summary>
    public static OmniGraphException SnapshotNotFound(string branch, long version) =>
        new(ErrorCodes.SnapshotNotFound, $"branch '{branch}' has no manifest version {version}", ErrorDetails.Of(ErrorDetail.Branch.With(branch), ErrorDetail.Version.With(version)));

    /// <summary><c>snapshot_not_found</c>: manifest version <paramref name="version"/> cannot be served.</summary>
    public static OmniGraphException SnapshotNotFound(string branch, long version, string reason) =>
        new(ErrorCodes.SnapshotNotFound, $"manifest version {version} of branch '{branch}' cannot be read: {reason}", ErrorDetails.Of(ErrorDetail.Branch.With(branch), ErrorDetail.Version.With(version), ErrorDetail.Reason.With(reason)));

    /// <summary><c>unknown_table</c>: a table key the schema does not declare.</summary>
    public static OmniGraphException UnknownTable(string table) =>
        new(ErrorCodes.UnknownTable, $"unknown table '{table}'", ErrorDetails.Of(ErrorDetail.Table.With(table)));

    /// <summary><c>unknown_type</c>: an export of a type the schema does not declare.</summary>
    public static OmniGraphException UnknownExportType(string typeName) =>
        new(ErrorCodes.UnknownType, $"unknown export type '{typeName}'", ErrorDetails.Of(ErrorDetail.TypeName.With(typeName)));

    /// <summary><c>invalid_write</c>: a write request that does not fit the schema or the API (<paramref name="table"/> is <c>graph</c> for the request as a whole).</summary>
    public static OmniGraphException InvalidWrite(string table, string reason) =>
        new(ErrorCodes.InvalidWrite, $"invalid write to {table}: {reason}", ErrorDetails.Of(ErrorDetail.Table.With(table), ErrorDetail.Reason.With(reason)));

    /// <summary><c>invalid_request</c>: a table read the table cannot answer.</summary>
    public static OmniGraphException InvalidTableRequest(string table, string reason) =>
        new(ErrorCodes.InvalidRequest, $"invalid request to {table}: {reason}", ErrorDetails.Of(ErrorDetail.Table.With(table), ErrorDetail.Reason.With(reason)));

    /// <summary><c>invalid_request</c>: a load session used out of order (staged after it ended, committed twice).</summary>
    public static OmniGraphException LoadSessionState(string session, string reason, Exception? innerException = null) =>
        new(ErrorCodes.InvalidRequest, $"load session {session}: {reason}", ErrorDetails.Of(ErrorDetail.Session.With(session), ErrorDetail.Reason.With(reason)), innerException);

    /// <summary><c>resource_limit</c>: <paramref name="actual"/> of <paramref name="resource"/> is over <paramref name="limit"/>; nothing was done.</summary>
    public static OmniGraphException ResourceLimitExceeded(string resource, long limit, long actual) =>
        new(ErrorCodes.ResourceLimit, $"resource limit exceeded for {resource}: actual {actual}, limit {limit}", ErrorDetails.Of(ErrorDetail.Resource.With(resource), ErrorDetail.Limit.With(limit), ErrorDetail.Count.With(actual)));

    /// <summary><c>key_conflict</c>: a strict insert of an id that the table (or the same write) already holds.</summary>
    public static OmniGraphException WriteKeyConflict(string table, string entityId)
    {
        var kind = table.StartsWith("edge:", StringComparison.Ordinal) ? "edge" : "node";
        var typeName = table[(table.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return new(ErrorCodes.KeyConflict, $"{kind} type '{typeName}' already has id '{entityId}'", ErrorDetails.Of(ErrorDetail.Table.With(table), ErrorDetail.TypeName.With(typeName), ErrorDetail.EntityId.With(entityId)));
    }

    /// <summary><c>unique_violation</c>: two rows of the written graph would hold the same <c>@key</c> or <c>@unique</c> value.</summary>
    public static OmniGraphException WriteUniqueViolation(string typeName, string columns, string value, string firstHolder, string secondHolder) =>
        new(
            ErrorCodes.UniqueViolation,
            $"@unique violation on {typeName}.{columns}: value '{value}' held by '{firstHolder}' and '{secondHolder}'",
            ErrorDetails.Of(ErrorDetail.TypeName.With(typeName), ErrorDetail.Columns.With(columns), ErrorDetail.Value.With(value), ErrorDetail.FirstHolder.With(firstHolder), ErrorDetail.SecondHolder.With(secondHolder)));

    /// <summary><c>orphan_edge</c>: an edge endpoint (<c>src</c>/<c>dst</c>) that does not exist in the written graph.</summary>
    public static OmniGraphException OrphanEdge(string edgeType, string endpoint, string nodeId, string nodeType, string? edgeId) =>
        new(
            ErrorCodes.OrphanEdge,
            $"{endpoint} '{nodeId}' not found in {nodeType}",
            ErrorDetails.Of(ErrorDetail.EdgeType.With(edgeType), ErrorDetail.Endpoint.With(endpoint), ErrorDetail.NodeId.With(nodeId), ErrorDetail.NodeType.With(nodeType), ErrorDetail.EdgeId.With(edgeId)));

    /// <summary><c>cardinality_violation</c>: a source with <paramref name="count"/> edges outside its <c>@card</c> bounds.</summary>
    public static OmniGraphException CardinalityViolation(string edgeType, string sourceId, long count, uint min, uint? max) =>
        new(
            ErrorCodes.CardinalityViolation,
            $"@card violation on edge {edgeType}: source '{sourceId}' has {count} edges ({(count < min ? $"min {min}" : $"max {max}")})",
            ErrorDetails.Of(ErrorDetail.EdgeType.With(edgeType), ErrorDetail.SourceId.With(sourceId), ErrorDetail.Count.With(count), ErrorDetail.Min.With(min), ErrorDetail.Max.With(max)));

    /// <summary><c>invalid_mutation_request</c>: a mutation request that cannot run at all.</summary>
    public static OmniGraphException InvalidMutationRequest(string reason) =>
        new(ErrorCodes.InvalidMutationRequest, $"invalid mutation request: {reason}", ErrorDetails.Of(ErrorDetail.Reason.With(reason)));

    /// <summary>
    /// A value a mutation writes is refused by the schema (<paramref name="code"/> is <c>constraint_violation</c>,
    /// <c>invalid_data</c> or <c>policy_denied</c>), for example <c>@range violation on Person.age: value 300 &gt; max 200</c>.
    /// </summary>
    public static OmniGraphException MutationValue(string code, string typeName, string propertyName, string message) =>
        new(code, message, ErrorDetails.Of(ErrorDetail.TypeName.With(typeName), ErrorDetail.Property.With(propertyName)));

    /// <summary><c>key_update_rejected</c>: an update assigns a member of the type's <c>@key</c> (keys are immutable).</summary>
    public static OmniGraphException KeyPropertyUpdate(string typeName, string propertyName) =>
        new(ErrorCodes.KeyUpdateRejected, $"cannot update @key property '{propertyName}' — delete and re-insert instead", ErrorDetails.Of(ErrorDetail.TypeName.With(typeName), ErrorDetail.Property.With(propertyName)));

    /// <summary>
    /// <c>embedding_unavailable</c>: an insert or a load leaves out an <c>@embed</c> vector (or <c>omnigraph embed</c>
    /// fills one) and no embedding provider is configured.
    /// </summary>
    /// <param name="typeName">The node type.</param>
    /// <param name="propertyName">The vector property.</param>
    /// <param name="sourceProperty">Its <c>@embed</c> source.</param>
    /// <param name="reason">The provider's own message (which variables to set).</param>
    /// <param name="operation">What needs the vectors: <c>insert</c>, <c>load</c> or <c>embed</c>.</param>
    public static OmniGraphException EmbeddingUnavailable(string typeName, string propertyName, string sourceProperty, string reason, string operation = "insert") =>
        new(
            ErrorCodes.EmbeddingUnavailable,
            operation == "embed"
                ? $"embed for `{typeName}` computes `{propertyName}` from `{sourceProperty}`, but no embedding provider is available ({reason}); configure one"
                : $"{operation} for `{typeName}` leaves out `{propertyName}`, which @embed computes from `{sourceProperty}`, but no embedding provider is available ({reason}); configure one or {(operation == "insert" ? "assign" : "give")} `{propertyName}` explicitly",
            ErrorDetails.Of(ErrorDetail.TypeName.With(typeName), ErrorDetail.Property.With(propertyName), ErrorDetail.SourceProperty.With(sourceProperty)));
}

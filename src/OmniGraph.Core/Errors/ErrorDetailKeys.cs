namespace OmniGraph;

/// <summary>
/// The keys of every error detail, declared once (docs/errors.md lists which code carries which). A key means the same
/// thing on every error that carries it: <see cref="Table"/> is always a table key (<c>node:Person</c>),
/// <see cref="Line"/> always a 1-based line of the input.
/// </summary>
public static class ErrorDetail
{
    /// <summary>Why, in a few words (the sentence the message is built around).</summary>
    public static readonly ErrorDetail<string> Reason = new("reason");

    /// <summary>An object-store key.</summary>
    public static readonly ErrorDetail<string> Key = new("key");

    /// <summary>A table key (<c>node:Person</c>, <c>edge:Knows</c>).</summary>
    public static readonly ErrorDetail<string> Table = new("table");

    /// <summary>A branch name.</summary>
    public static readonly ErrorDetail<string> Branch = new("branch");

    /// <summary>A graph id.</summary>
    public static readonly ErrorDetail<string> GraphId = new("graph_id");

    /// <summary>Where a graph or store lives (a path or URI).</summary>
    public static readonly ErrorDetail<string> Location = new("location");

    /// <summary>A commit id.</summary>
    public static readonly ErrorDetail<string> CommitId = new("commit_id");

    /// <summary>A manifest version number.</summary>
    public static readonly ErrorDetail<long> Version = new("version");

    /// <summary>What changed under a write (<c>graph_head:main</c>, <c>table:node:Person</c>).</summary>
    public static readonly ErrorDetail<string> Member = new("member");

    /// <summary>What a compare-and-swap expected.</summary>
    public static readonly ErrorDetail<string> Expected = new("expected");

    /// <summary>What a compare-and-swap found instead (null: nothing).</summary>
    public static readonly ErrorDetail<string> Actual = new("actual");

    /// <summary>A node or edge type name.</summary>
    public static readonly ErrorDetail<string> TypeName = new("type_name");

    /// <summary>A property name.</summary>
    public static readonly ErrorDetail<string> Property = new("property");

    /// <summary>The property an <c>@embed</c> vector is computed from.</summary>
    public static readonly ErrorDetail<string> SourceProperty = new("source_property");

    /// <summary>An edge type name.</summary>
    public static readonly ErrorDetail<string> EdgeType = new("edge_type");

    /// <summary>A source node id of an edge.</summary>
    public static readonly ErrorDetail<string> SourceId = new("source_id");

    /// <summary>An edge endpoint: <c>src</c> or <c>dst</c>.</summary>
    public static readonly ErrorDetail<string> Endpoint = new("endpoint");

    /// <summary>A node id.</summary>
    public static readonly ErrorDetail<string> NodeId = new("node_id");

    /// <summary>A node type name (the endpoint type of an edge).</summary>
    public static readonly ErrorDetail<string> NodeType = new("node_type");

    /// <summary>An edge id.</summary>
    public static readonly ErrorDetail<string> EdgeId = new("edge_id");

    /// <summary>An entity (node or edge) id.</summary>
    public static readonly ErrorDetail<string> EntityId = new("entity_id");

    /// <summary>A count observed (edges of a source, rows of a write, bytes of a line).</summary>
    public static readonly ErrorDetail<long> Count = new("count");

    /// <summary>A declared minimum.</summary>
    public static readonly ErrorDetail<long> Min = new("min");

    /// <summary>A declared maximum (null: unbounded).</summary>
    public static readonly ErrorDetail<long?> Max = new("max");

    /// <summary>What a limit is about (<c>rows per table write</c>, <c>line length</c>).</summary>
    public static readonly ErrorDetail<string> Resource = new("resource");

    /// <summary>A limit.</summary>
    public static readonly ErrorDetail<long> Limit = new("limit");

    /// <summary>The columns of a <c>@unique</c> constraint, comma separated.</summary>
    public static readonly ErrorDetail<string> Columns = new("columns");

    /// <summary>A value as text.</summary>
    public static readonly ErrorDetail<string> Value = new("value");

    /// <summary>The first holder of a duplicated value.</summary>
    public static readonly ErrorDetail<string> FirstHolder = new("first_holder");

    /// <summary>The second holder of a duplicated value.</summary>
    public static readonly ErrorDetail<string> SecondHolder = new("second_holder");

    /// <summary>A write's transaction (operation) id.</summary>
    public static readonly ErrorDetail<string> OperationId = new("operation_id");

    /// <summary>The key of a recovery sidecar.</summary>
    public static readonly ErrorDetail<string> SidecarKey = new("sidecar_key");

    /// <summary>A load session id.</summary>
    public static readonly ErrorDetail<string> Session = new("session");

    /// <summary>The source branch of a merge (the target is <see cref="Branch"/>).</summary>
    public static readonly ErrorDetail<string> SourceBranch = new("source_branch");

    /// <summary>A branch that depends on the one named by <see cref="Branch"/> (forked from it).</summary>
    public static readonly ErrorDetail<string> DependentBranch = new("dependent_branch");

    /// <summary>A live branch whose name a new branch name collides with (a path ancestor or descendant of it).</summary>
    public static readonly ErrorDetail<string> ExistingBranch = new("existing_branch");

    /// <summary>A branch incarnation (the ULID minted when a branch is created).</summary>
    public static readonly ErrorDetail<string> Incarnation = new("incarnation");

    /// <summary>A promotion id (the ULID minted when a promotion is confirmed).</summary>
    public static readonly ErrorDetail<string> PromotionId = new("promotion_id");

    /// <summary>A promotion's diff digest (64 lowercase hex digits).</summary>
    public static readonly ErrorDetail<string> Digest = new("digest");

    /// <summary>A 1-based line of the input.</summary>
    public static readonly ErrorDetail<long> Line = new("line");

    /// <summary>A 1-based column of the input.</summary>
    public static readonly ErrorDetail<long> Column = new("column");

    /// <summary>The line on which a duplicated value first appeared.</summary>
    public static readonly ErrorDetail<long> FirstLine = new("first_line");

    /// <summary>A member of an input record (<c>type</c>, <c>data.age</c>).</summary>
    public static readonly ErrorDetail<string> Field = new("field");

    /// <summary>Whether an input record is an edge.</summary>
    public static readonly ErrorDetail<bool> IsEdge = new("is_edge");

    /// <summary>A type rule of the query language (<c>T7</c>).</summary>
    public static readonly ErrorDetail<string> Rule = new("rule");

    /// <summary>A query parameter name.</summary>
    public static readonly ErrorDetail<string> Parameter = new("parameter");

    /// <summary>An object's entity tag found by a failed conditional request (null: no object).</summary>
    public static readonly ErrorDetail<string> CurrentETag = new("current_etag");

    /// <summary>The condition of a failed conditional request.</summary>
    public static readonly ErrorDetail<string> Condition = new("condition");

    /// <summary>A listing continuation token.</summary>
    public static readonly ErrorDetail<string> Token = new("token");

    /// <summary>A grain state name.</summary>
    public static readonly ErrorDetail<string> StateName = new("state_name");

    /// <summary>A grain id.</summary>
    public static readonly ErrorDetail<string> GrainId = new("grain_id");

    /// <summary>A failpoint name (tests).</summary>
    public static readonly ErrorDetail<string> Failpoint = new("failpoint");

    /// <summary>The first commit of a change feed's history that can no longer be read (<c>history_reclaimed</c>).</summary>
    public static readonly ErrorDetail<string> FirstUnreadableCommitId = new("first_unreadable_commit_id");
}

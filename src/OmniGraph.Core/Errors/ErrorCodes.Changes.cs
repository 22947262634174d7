namespace OmniGraph;

/// <summary>The codes of diffs, per-commit changes and the change feed (docs/branches.md, "Diffs and changes").</summary>
public static partial class ErrorCodes
{
    /// <summary>A change cursor or page token that is malformed, altered, or issued for another graph, branch incarnation, filter or commit.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string ChangeCursorRejected = "change_cursor_rejected";

    /// <summary>A change request whose parameters do not fit together (a zero limit, an unknown kind or operation, two starting points).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string InvalidChangeRequest = "invalid_change_request";

    /// <summary>The history a read names (a snapshot, a commit, a diff side, a change cursor or page token) was reclaimed by cleanup or can no longer be read; read a retained commit, or take a new baseline.</summary>
    [ErrorCode(ErrorKind.Gone)]
    public const string HistoryReclaimed = "history_reclaimed";

    /// <summary>A commit without a parent (the genesis commit) has no per-commit changes.</summary>
    [ErrorCode(ErrorKind.Conflict)]
    public const string ParentlessCommit = "parentless_commit";

    /// <summary>A diff across a change of a type's stored layout (a schema change between the two sides).</summary>
    [ErrorCode(ErrorKind.Conflict)]
    public const string SchemaBoundary = "schema_boundary";
}

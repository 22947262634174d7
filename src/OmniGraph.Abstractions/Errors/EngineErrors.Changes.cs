namespace OmniGraph.Abstractions;

public static partial class EngineErrors
{
    /// <summary><c>change_cursor_rejected</c>: a cursor or page token that cannot continue this request.</summary>
    public static OmniGraphException ChangeCursorRejected(string reason) =>
        new(ErrorCodes.ChangeCursorRejected, $"change cursor rejected: {reason}", ErrorDetails.Of(ErrorDetail.Reason.With(reason)));

    /// <summary><c>invalid_change_request</c>: parameters of a diff, change page or feed poll that do not fit.</summary>
    public static OmniGraphException InvalidChangeRequest(string parameter, string reason) =>
        new(ErrorCodes.InvalidChangeRequest, $"invalid change request: {parameter}: {reason}", ErrorDetails.Of(ErrorDetail.Parameter.With(parameter), ErrorDetail.Reason.With(reason)));

    /// <summary><c>history_reclaimed</c>: the feed of <paramref name="branch"/> cannot be read past <paramref name="firstUnreadable"/>.</summary>
    public static OmniGraphException HistoryReclaimed(string branch, string? firstUnreadable, string reason) =>
        new(
            ErrorCodes.HistoryReclaimed,
            $"the history of branch '{branch}' this cursor continues from can no longer be read ({reason}); take a new baseline (changes baseline) and continue from its cursor",
            ErrorDetails.Of(ErrorDetail.Branch.With(branch), ErrorDetail.FirstUnreadableCommitId.With(firstUnreadable), ErrorDetail.Reason.With(reason)));

    /// <summary><c>parentless_commit</c>: the genesis commit has no changes.</summary>
    public static OmniGraphException ParentlessCommit(string commitId) =>
        new(ErrorCodes.ParentlessCommit, $"commit '{commitId}' has no parent (it created the graph): it has no changes to list", ErrorDetails.Of(ErrorDetail.CommitId.With(commitId)));

    /// <summary><c>schema_boundary</c>: a type laid out differently on the two sides of a diff.</summary>
    public static OmniGraphException SchemaBoundary(string typeName, string difference) =>
        new(
            ErrorCodes.SchemaBoundary,
            $"type '{typeName}' is stored differently on the two sides of the diff ({difference}): changes are not listed across a schema change",
            ErrorDetails.Of(ErrorDetail.TypeName.With(typeName), ErrorDetail.Reason.With(difference)));
}

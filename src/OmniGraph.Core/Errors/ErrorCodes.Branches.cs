namespace OmniGraph;

/// <summary>The codes of branch control and merge: names, existence, dependencies, merge conflicts and reused names.</summary>
public static partial class ErrorCodes
{
    /// <summary>A branch name breaks the naming rules (characters, length, a reserved name such as <c>main</c>).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string InvalidBranchName = "invalid_branch_name";

    /// <summary>A branch of that name already exists.</summary>
    [ErrorCode(ErrorKind.Conflict)]
    public const string BranchExists = "branch_exists";

    /// <summary>A live branch name is a <c>/</c>-path ancestor or descendant of the new name (<c>review</c> and <c>review/x</c>).</summary>
    [ErrorCode(ErrorKind.Conflict)]
    public const string BranchNameCollision = "branch_name_collision";

    /// <summary>The branch cannot be deleted: another branch still depends on it (it was forked from it).</summary>
    [ErrorCode(ErrorKind.Conflict)]
    public const string BranchInUse = "branch_in_use";

    /// <summary>A branch operation that cannot apply whatever is stored (delete <c>main</c>, merge a branch into itself).</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string InvalidBranchOperation = "invalid_branch_operation";

    /// <summary>A merge found conflicting changes or a merged result that breaks a constraint; nothing was written.</summary>
    [ErrorCode(ErrorKind.Conflict)]
    public const string MergeConflicts = "merge_conflicts";

    /// <summary>A commit or snapshot of a branch that was deleted (and perhaps created again under its name) is no longer served.</summary>
    [ErrorCode(ErrorKind.NotFound)]
    public const string StaleBranchIncarnation = "stale_branch_incarnation";
}

using System.Text;

namespace OmniGraph.Abstractions;

public static partial class EngineErrors
{
    /// <summary><c>invalid_branch_name</c>: <paramref name="name"/> cannot name a branch.</summary>
    public static OmniGraphException InvalidBranchName(string name, string reason) =>
        new(ErrorCodes.InvalidBranchName, $"invalid branch name '{name}': {reason}", ErrorDetails.Of(ErrorDetail.Branch.With(name), ErrorDetail.Reason.With(reason)));

    /// <summary><c>branch_exists</c>.</summary>
    public static OmniGraphException BranchExists(string name) =>
        new(ErrorCodes.BranchExists, $"branch '{name}' already exists", ErrorDetails.Of(ErrorDetail.Branch.With(name)));

    /// <summary><c>branch_name_collision</c>: <paramref name="live"/> is a path ancestor or descendant of <paramref name="name"/>.</summary>
    public static OmniGraphException BranchNameCollision(string name, string live) =>
        new(
            ErrorCodes.BranchNameCollision,
            $"branch '{name}' collides with live branch '{live}': live branch names may not be path ancestors or descendants of each other",
            ErrorDetails.Of(ErrorDetail.Branch.With(name), ErrorDetail.ExistingBranch.With(live)));

    /// <summary><c>branch_in_use</c>: <paramref name="dependent"/> was forked from <paramref name="name"/>.</summary>
    public static OmniGraphException BranchInUse(string name, string dependent) =>
        new(
            ErrorCodes.BranchInUse,
            $"cannot delete branch '{name}': branch '{dependent}' still depends on it (it was forked from it); delete or merge '{dependent}' first",
            ErrorDetails.Of(ErrorDetail.Branch.With(name), ErrorDetail.DependentBranch.With(dependent)));

    /// <summary><c>invalid_branch_operation</c>: an operation that cannot apply whatever is stored.</summary>
    public static OmniGraphException InvalidBranchOperation(string branch, string reason) =>
        new(ErrorCodes.InvalidBranchOperation, reason, ErrorDetails.Of(ErrorDetail.Branch.With(branch), ErrorDetail.Reason.With(reason)));

    /// <summary>
    /// <c>merge_conflicts</c>: merging <paramref name="source"/> into <paramref name="target"/> found
    /// <paramref name="conflicts"/> (the message names the first three; the merge result carries them all).
    /// </summary>
    public static OmniGraphException MergeConflicts(string source, string target, IReadOnlyList<MergeConflict> conflicts)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        var message = new StringBuilder($"merging '{source}' into '{target}' found {conflicts.Count} conflict{(conflicts.Count == 1 ? string.Empty : "s")}; nothing was written: ");
        return new(
            ErrorCodes.MergeConflicts,
            AppendFirstConflicts(message, conflicts),
            ErrorDetails.Of(ErrorDetail.SourceBranch.With(source), ErrorDetail.Branch.With(target), ErrorDetail.Count.With(conflicts.Count)));
    }

    /// <summary>
    /// <c>stale_branch_incarnation</c>: <paramref name="commitId"/> belongs to an incarnation of <paramref name="branch"/>
    /// that was deleted (<paramref name="recreated"/>: a branch of that name exists again, a different one).
    /// </summary>
    public static OmniGraphException StaleBranchIncarnation(string commitId, string branch, string incarnation, bool recreated) =>
        new(
            ErrorCodes.StaleBranchIncarnation,
            recreated
                ? $"commit '{commitId}' belongs to branch '{branch}' as it was before it was deleted and created again; the new '{branch}' is another branch, and the old one's commits and snapshots are not served"
                : $"commit '{commitId}' belongs to branch '{branch}', which was deleted; its commits and snapshots are not served",
            ErrorDetails.Of(ErrorDetail.CommitId.With(commitId), ErrorDetail.Branch.With(branch), ErrorDetail.Incarnation.With(incarnation)));

    /// <summary>The first three of <paramref name="conflicts"/> after <paramref name="message"/>, and how many more there are.</summary>
    private static string AppendFirstConflicts(StringBuilder message, IReadOnlyList<MergeConflict> conflicts)
    {
        for (var i = 0; i < Math.Min(3, conflicts.Count); i++)
        {
            message.Append(i == 0 ? string.Empty : "; ").Append(conflicts[i]);
        }

        if (conflicts.Count > 3)
        {
            message.Append("; +").Append(conflicts.Count - 3).Append(" more");
        }

        return message.ToString();
    }
}

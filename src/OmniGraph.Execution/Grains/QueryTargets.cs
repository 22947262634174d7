using OmniGraph.Abstractions;

namespace OmniGraph.Execution.Grains;

/// <summary>How a <see cref="QueryTarget"/> names a snapshot for the manifest grain.</summary>
internal static class QueryTargets
{
    /// <summary>
    /// The snapshot target: a branch head, or a snapshot id as <see cref="SnapshotIds"/> reads it (a commit id; <c>N</c>
    /// or <c>vN</c> for manifest version N of main; <c>manifest:{branch}:v{N}</c>).
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>query_invalid_target</c>: Both or neither of branch and snapshot, or an unreadable snapshot.</exception>
    public static SnapshotTarget Resolve(QueryTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Snapshot is null)
        {
            return SnapshotTarget.Head(string.IsNullOrEmpty(target.Branch) ? BranchNames.Main : target.Branch);
        }

        if (target.Branch is not null)
        {
            throw new OmniGraphException(ErrorCodes.QueryInvalidTarget, "a read targets a branch or a snapshot, not both");
        }

        return SnapshotIds.TryParse(target.Snapshot, out var snapshot, out var error)
            ? snapshot
            : throw new OmniGraphException(ErrorCodes.QueryInvalidTarget, error);
    }
}

namespace OmniGraph.Abstractions;

/// <summary>How a merge ended.</summary>
public enum BranchMergeOutcome
{
    /// <summary>The target already holds everything the source has (no commit).</summary>
    AlreadyUpToDate,

    /// <summary>The target had not moved since the merge base: it took the source's changes (a new two-parent commit, not a pointer move).</summary>
    FastForward,

    /// <summary>Both sides had moved; their changes combined without conflict (a new two-parent commit).</summary>
    Merged,

    /// <summary>The sides conflict, or the merged graph would break a constraint: nothing was written (see <see cref="BranchMergeResult.Conflicts"/>).</summary>
    Conflicted,
}

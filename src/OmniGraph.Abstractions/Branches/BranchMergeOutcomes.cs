namespace OmniGraph.Engine;

/// <summary>The wire names of <see cref="BranchMergeOutcome"/> (snake_case, stable).</summary>
public static class BranchMergeOutcomes
{
    /// <summary><c>already_up_to_date</c>, <c>fast_forward</c>, <c>merged</c> or <c>conflicted</c>.</summary>
    public static string ToWireName(this BranchMergeOutcome outcome) => outcome switch
    {
        BranchMergeOutcome.AlreadyUpToDate => "already_up_to_date",
        BranchMergeOutcome.FastForward => "fast_forward",
        BranchMergeOutcome.Merged => "merged",
        BranchMergeOutcome.Conflicted => "conflicted",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "unknown merge outcome"),
    };
}

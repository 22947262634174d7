namespace OmniGraph.Abstractions;

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

    /// <summary>The outcome a wire name names (the inverse of <see cref="ToWireName"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not an outcome.</exception>
    public static BranchMergeOutcome Parse(string name) =>
        Enum.GetValues<BranchMergeOutcome>().FirstOrDefault(o => string.Equals(o.ToWireName(), name, StringComparison.Ordinal), (BranchMergeOutcome)(-1)) is var outcome && (int)outcome >= 0
            ? outcome
            : throw new ArgumentOutOfRangeException(nameof(name), name, "unknown merge outcome");
}

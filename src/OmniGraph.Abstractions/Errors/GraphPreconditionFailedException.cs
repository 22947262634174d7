namespace OmniGraph.Engine;

/// <summary>
/// The caller's expected head commit (user compare-and-swap) is not the branch head. Never retried; nothing was
/// written. Code <c>precondition_failure</c> (HTTP 412).
/// </summary>
public sealed class GraphPreconditionFailedException : OmniGraphException
{
    public GraphPreconditionFailedException(string branch, string expected, string? actual)
        : base(EngineErrorCodes.PreconditionFailure, $"precondition failed on branch '{branch}': expected head commit {expected}, the head is {actual ?? "none"}")
    {
        Branch = branch;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The branch.</summary>
    public string Branch { get; }

    /// <summary>The head the caller expected.</summary>
    public string Expected { get; }

    /// <summary>The actual head.</summary>
    public string? Actual { get; }
}

namespace OmniGraph.Abstractions;

/// <summary>
/// The caller's expected head commit (user compare-and-swap) is not the branch head. Never retried; nothing was
/// written. Code <c>precondition_failure</c>; details <see cref="ErrorDetail.Branch"/>, <see cref="ErrorDetail.Expected"/>
/// and <see cref="ErrorDetail.Actual"/>. A subclass because <c>mutate --json</c> catches it to print both commits.
/// </summary>
public sealed class GraphPreconditionFailedException : OmniGraphException
{
    /// <summary>Creates the error.</summary>
    public GraphPreconditionFailedException(string branch, string expected, string? actual)
        : this(
            ErrorCodes.PreconditionFailure,
            $"precondition failed on branch '{branch}': expected head commit {expected}, the head is {actual ?? "none"}",
            ErrorDetails.Of(ErrorDetail.Branch.With(branch), ErrorDetail.Expected.With(expected), ErrorDetail.Actual.With(actual)),
            null)
    {
    }

    /// <summary>Rebuilds the error from its parts (see <see cref="OmniGraphException.Rebuild"/>).</summary>
    public GraphPreconditionFailedException(string code, string message, ErrorDetails details, Exception? innerException)
        : base(code, message, details, innerException)
    {
    }

    /// <summary>The branch.</summary>
    public string Branch => Get(ErrorDetail.Branch) ?? string.Empty;

    /// <summary>The head the caller expected.</summary>
    public string Expected => Get(ErrorDetail.Expected) ?? string.Empty;

    /// <summary>The actual head.</summary>
    public string? Actual => Get(ErrorDetail.Actual);
}

namespace OmniGraph.Cli.Infrastructure;

/// <summary>
/// The command line cannot be used as given (no graph named, a graph named twice, a flag the command does not take).
/// Nothing was read or written. Code <c>usage</c>, exit code 2.
/// </summary>
public sealed class CliUsageException : OmniGraphException
{
    /// <summary>The code.</summary>
    public const string ErrorCode = "usage";

    public CliUsageException(string message)
        : base(ErrorCode, message)
    {
    }
}

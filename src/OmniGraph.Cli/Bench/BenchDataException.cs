namespace OmniGraph.Cli.Bench;

/// <summary>The benchmark's data directory is incomplete or malformed, or a step's answer is wrong. Code <c>bench_data</c>.</summary>
public sealed class BenchDataException : OmniGraphException
{
    /// <summary>The code.</summary>
    public const string ErrorCode = "bench_data";

    public BenchDataException(string message, Exception? innerException = null)
        : base(ErrorCode, message, innerException)
    {
    }
}

namespace OmniGraph;

/// <summary>The command line's codes.</summary>
public static partial class ErrorCodes
{
    /// <summary>The command line is not usable: an unknown command or flag, a missing or invalid flag value, no graph or the graph given twice.</summary>
    [ErrorCode(ErrorKind.Usage)]
    public const string Usage = "usage";

    /// <summary>A file named by a flag does not exist (or is a directory).</summary>
    [ErrorCode(ErrorKind.NotFound)]
    public const string FileNotFound = "file_not_found";

    /// <summary>Reading or writing a file named by a flag failed (permission denied, no space left).</summary>
    [ErrorCode(ErrorKind.Unavailable)]
    public const string IoError = "io_error";

    /// <summary>A text file named by a flag is not valid UTF-8.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string InvalidUtf8 = "invalid_utf8";

    /// <summary>The benchmark's data directory does not hold the shared workload's files.</summary>
    [ErrorCode(ErrorKind.Invalid)]
    public const string BenchData = "bench_data";
}

namespace OmniGraph.Cli.Infrastructure;

/// <summary>Throw helpers for the command line's own errors (codes in <see cref="ErrorCodes"/>, exit codes by kind).</summary>
public static class CliErrors
{
    /// <summary>
    /// <c>usage</c> (exit code 2): the command line cannot be used as given (no graph named, a graph named twice, a flag
    /// the command does not take). Nothing was read or written.
    /// </summary>
    public static OmniGraphException Usage(string message) => new(ErrorCodes.Usage, message);

    /// <summary><c>bench_data</c>: the benchmark's data directory does not hold what the workload needs, or a step's result is wrong.</summary>
    public static OmniGraphException BenchData(string message, Exception? innerException = null) =>
        new(ErrorCodes.BenchData, message, innerException);

    /// <summary><c>io_error</c>: reading or writing the file <paramref name="path"/> named by a flag failed.</summary>
    public static OmniGraphException Io(string message, string path, Exception? innerException = null) =>
        new(ErrorCodes.IoError, message, ErrorDetails.Of(ErrorDetail.Location.With(path)), innerException);

    /// <summary><c>invalid_utf8</c>: the text file <paramref name="path"/> named by a flag is not valid UTF-8.</summary>
    public static OmniGraphException InvalidUtf8(string message, string path, Exception? innerException = null) =>
        new(ErrorCodes.InvalidUtf8, message, ErrorDetails.Of(ErrorDetail.Location.With(path)), innerException);

    /// <summary>Fails with <c>file_not_found</c> unless <paramref name="path"/> is an existing file (a directory is refused too).</summary>
    public static void RequireFile(string path, string what)
    {
        if (!File.Exists(path))
        {
            var quoted = ErrorText.Quote(path);
            throw new OmniGraphException(
                ErrorCodes.FileNotFound,
                Directory.Exists(path) ? $"{what} '{quoted}' is a directory, not a file" : $"{what} '{quoted}' not found",
                ErrorDetails.Of(ErrorDetail.Location.With(path)));
        }
    }
}

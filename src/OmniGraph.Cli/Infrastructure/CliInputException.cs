namespace OmniGraph.Cli.Infrastructure;

/// <summary>
/// A file the command line names cannot be read: <c>file_not_found</c> when it does not exist, <c>io_error</c> when
/// reading it fails. Nothing was written.
/// </summary>
public sealed class CliInputException : OmniGraphException
{
    /// <summary>The file does not exist.</summary>
    public const string FileNotFound = "file_not_found";

    /// <summary>The file could not be read.</summary>
    public const string IoError = "io_error";

    public CliInputException(string code, string message, Exception? innerException = null)
        : base(code, message, innerException)
    {
    }

    /// <summary>Reads a whole text file named by a flag, with a typed error when it cannot be read.</summary>
    public static async Task<string> ReadTextAsync(string path, string what, CancellationToken cancellationToken)
    {
        RequireFile(path, what);
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException(IoError, $"cannot read {what} '{path}': {exception.Message}", exception);
        }
    }

    /// <summary>Throws <c>file_not_found</c> unless <paramref name="path"/> is an existing file.</summary>
    public static void RequireFile(string path, string what)
    {
        if (!File.Exists(path))
        {
            throw new CliInputException(FileNotFound, Directory.Exists(path) ? $"{what} '{path}' is a directory, not a file" : $"{what} '{path}' not found");
        }
    }
}

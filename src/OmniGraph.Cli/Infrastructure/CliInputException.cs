namespace OmniGraph.Cli.Infrastructure;

/// <summary>
/// A file the command line names cannot be read: <c>file_not_found</c> when it does not exist, <c>io_error</c> when
/// reading it fails, <c>invalid_utf8</c> when a text file is not UTF-8. Nothing was written.
/// </summary>
public sealed class CliInputException : OmniGraphException
{
    /// <summary>The file does not exist.</summary>
    public const string FileNotFound = "file_not_found";

    /// <summary>The file could not be read.</summary>
    public const string IoError = "io_error";

    /// <summary>A text file (schema, query, parameters) holds bytes that are not UTF-8.</summary>
    public const string InvalidUtf8 = "invalid_utf8";

    public CliInputException(string code, string message, Exception? innerException = null)
        : base(code, message, innerException)
    {
    }

    /// <summary>Throws <c>file_not_found</c> unless <paramref name="path"/> is an existing file.</summary>
    public static void RequireFile(string path, string what)
    {
        if (!File.Exists(path))
        {
            var quoted = ErrorText.Quote(path);
            throw new CliInputException(FileNotFound, Directory.Exists(path) ? $"{what} '{quoted}' is a directory, not a file" : $"{what} '{quoted}' not found");
        }
    }
}

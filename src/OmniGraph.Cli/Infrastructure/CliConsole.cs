using System.Text;

namespace OmniGraph.Cli.Infrastructure;

/// <summary>
/// Where a command writes: standard output (text, or raw bytes for exports), standard error, and whether standard error
/// is an interactive terminal (progress bars). The process console by default; tests pass buffers.
/// </summary>
public sealed class CliConsole
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>A console over the given streams.</summary>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="isErrorInteractive">Whether standard error is a terminal a person watches.</param>
    public CliConsole(Stream output, TextWriter error, bool isErrorInteractive)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        OutputStream = output;
        Out = new StreamWriter(output, s_utf8, bufferSize: 16 * 1024, leaveOpen: true) { AutoFlush = false, NewLine = "\n" };
        Error = error;
        IsErrorInteractive = isErrorInteractive;
    }

    /// <summary>The process console (standard output as a raw stream, so exports need no re-encoding).</summary>
    public static CliConsole FromProcess() =>
        new(Console.OpenStandardOutput(), new StreamWriter(Console.OpenStandardError(), s_utf8) { AutoFlush = true, NewLine = "\n" }, !Console.IsErrorRedirected);

    /// <summary>Text written to standard output (flushed when the command ends, and before raw writes).</summary>
    public TextWriter Out { get; }

    /// <summary>Standard output as bytes. Flush <see cref="Out"/> first when mixing both.</summary>
    public Stream OutputStream { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>Whether standard error is an interactive terminal.</summary>
    public bool IsErrorInteractive { get; }

    /// <summary>Flushes everything written so far.</summary>
    public async Task FlushAsync()
    {
        await Out.FlushAsync().ConfigureAwait(false);
        await OutputStream.FlushAsync().ConfigureAwait(false);
        await Error.FlushAsync().ConfigureAwait(false);
    }
}

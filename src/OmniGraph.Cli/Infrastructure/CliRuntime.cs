using System.CommandLine;
using OmniGraph.Cli.Output;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Infrastructure;

/// <summary>
/// What every command runs with: the console, how it is told to stop, and the one place that turns a command's outcome
/// into an exit code and, on failure, into <c>error[code]: message</c> on standard error (plus the JSON envelope on
/// standard output with <c>--json</c>).
/// </summary>
internal sealed class CliRuntime(CliConsole console, CliTermination termination)
{
    /// <summary>The console.</summary>
    public CliConsole Console { get; } = console;

    /// <summary>How the running command is told to stop (SIGINT, SIGTERM or the caller's token).</summary>
    public CliTermination Termination { get; } = termination;

    /// <summary>
    /// Sets <paramref name="command"/>'s action to <paramref name="run"/>, wrapped so that every failure is reported the
    /// same way. <paramref name="json"/> is the command's <c>--json</c> option, when it has one.
    /// </summary>
    public void SetAction(Command command, Option<bool>? json, Func<ParseResult, CancellationToken, Task<int>> run)
    {
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var asJson = json is not null && parseResult.GetValue(json);
            try
            {
                var exitCode = await run(parseResult, cancellationToken).ConfigureAwait(false);
                await Console.FlushAsync().ConfigureAwait(false);
                return exitCode;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                return await ReportAsync(exception, asJson).ConfigureAwait(false);
            }
        });
    }

    /// <summary>
    /// Prints an error and returns its exit code. A command that fails after it was asked to stop reports that it was
    /// stopped (<c>cancelled</c>, exit code 130 or 143), whatever the stop made the command's last step throw.
    /// </summary>
    public async Task<int> ReportAsync(Exception exception, bool asJson)
    {
        var (code, message, exitCode) = Termination.IsRequested
            ? (CancelledCode, Termination.Message, Termination.ExitCode)
            : Describe(exception);
        message = ErrorText.Bound(message);
        if (asJson)
        {
            await CliJson.WriteAsync(Console.Out, new ErrorOutput(new ErrorBody(code, message))).ConfigureAwait(false);
        }

        await Console.Out.FlushAsync().ConfigureAwait(false);
        await Console.Error.WriteLineAsync($"error[{code}]: {OneLine(message)}").ConfigureAwait(false);
        if (Environment.GetEnvironmentVariable("OMNIGRAPH_DEBUG") == "1")
        {
            await Console.Error.WriteLineAsync(exception.ToString()).ConfigureAwait(false);
        }

        await Console.FlushAsync().ConfigureAwait(false);
        return exitCode;
    }

    /// <summary>The code of a command stopped by SIGINT, SIGTERM or its caller's token.</summary>
    public const string CancelledCode = ErrorCodes.Cancelled;

    /// <summary>The code, message and exit code of a failure (of a command that was not asked to stop).</summary>
    public static (string Code, string Message, int ExitCode) Describe(Exception exception)
    {
        var error = OmniGraphErrors.Classify(exception);
        return (error.Code, error.Message, error.Kind.ExitCode());
    }

    /// <summary>Messages go on one line (a multi-line message would break line-oriented consumers of stderr).</summary>
    private static string OneLine(string message) =>
        message.Contains('\n', StringComparison.Ordinal) ? message.ReplaceLineEndings(" ") : message;
}

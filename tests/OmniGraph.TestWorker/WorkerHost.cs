using OmniGraph.TestWorker.Verbs;

namespace OmniGraph.TestWorker;

/// <summary>Dispatches a command line to its verb. Add a verb by implementing <see cref="IWorkerVerb"/> and listing it here.</summary>
public static class WorkerHost
{
    /// <summary>Exit code for a command line the worker does not understand.</summary>
    public const int UsageExitCode = 2;

    /// <summary>Exit code for a verb that failed with an exception.</summary>
    public const int FailureExitCode = 1;

    private static readonly IWorkerVerb[] s_verbs =
    [
        new StoreRaceVerb(),
        new GraphWriteVerb(),
        new AuditAppendVerb(),
    ];

    /// <summary>Runs the verb named by the first argument.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0)
        {
            await WriteUsageAsync(error).ConfigureAwait(false);
            return UsageExitCode;
        }

        var verb = Array.Find(s_verbs, v => string.Equals(v.Name, args[0], StringComparison.Ordinal));
        if (verb is null)
        {
            await error.WriteLineAsync($"unknown verb '{args[0]}'").ConfigureAwait(false);
            await WriteUsageAsync(error).ConfigureAwait(false);
            return UsageExitCode;
        }

        WorkerArguments arguments;
        try
        {
            arguments = WorkerArguments.Parse(args.AsSpan(1));
        }
        catch (WorkerUsageException exception)
        {
            await error.WriteLineAsync(exception.Message).ConfigureAwait(false);
            return UsageExitCode;
        }

        try
        {
            return await verb.RunAsync(arguments, output, CancellationToken.None).ConfigureAwait(false);
        }
        catch (WorkerUsageException exception)
        {
            await error.WriteLineAsync(exception.Message).ConfigureAwait(false);
            return UsageExitCode;
        }
        catch (Exception exception)
        {
            await error.WriteLineAsync(exception.ToString()).ConfigureAwait(false);
            return FailureExitCode;
        }
    }

    private static async Task WriteUsageAsync(TextWriter error)
    {
        await error.WriteLineAsync("usage: OmniGraph.TestWorker <verb> [--option value ...]").ConfigureAwait(false);
        foreach (var verb in s_verbs)
        {
            await error.WriteLineAsync($"  {verb.Name,-14} {verb.Description}").ConfigureAwait(false);
        }
    }
}

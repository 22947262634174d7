using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using OmniGraph.Cli.Infrastructure;

namespace OmniGraph.Cli;

/// <summary>
/// The <c>omnigraph</c> command line: builds the command tree from <see cref="CliCommandCatalog"/>, parses, runs, and maps
/// every outcome to an exit code (docs/cli.md). <see cref="RunAsync(string[], CancellationToken)"/> is the process entry
/// point (it turns SIGINT and SIGTERM into cancellation); <see cref="RunAsync(string[], CliConsole, CancellationToken)"/>
/// is the in-process one (tests call it with buffers).
/// </summary>
public static class OmniGraphCli
{
    /// <summary>The product version (<c>omnigraph version</c>).</summary>
    public static string Version { get; } = typeof(OmniGraphCli).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), inherit: false)
        .OfType<System.Reflection.AssemblyInformationalVersionAttribute>()
        .Select(static a => a.InformationalVersion.Split('+')[0])
        .FirstOrDefault() ?? "0.0.0";

    /// <summary>
    /// Runs the command line on the process console: the process entry point. SIGINT and SIGTERM stop the running command
    /// (exit codes 130 and 143, see <see cref="CliTermination"/>).
    /// </summary>
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var console = CliConsole.FromProcess();
        using var termination = CliTermination.ListenForSignals(console.Error, cancellationToken);
        return await RunAsync(args, console, termination).ConfigureAwait(false);
    }

    /// <summary>Runs the command line on <paramref name="console"/>; returns the exit code. Cancelling the token stops the command (exit code 130).</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        using var termination = CliTermination.FromToken(cancellationToken);
        return await RunAsync(args, console, termination).ConfigureAwait(false);
    }

    private static async Task<int> RunAsync(string[] args, CliConsole console, CliTermination termination)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);

        // Every command takes az://CONTAINER/PREFIX wherever it takes a graph or store location (the account from
        // AZURE_STORAGE_CONNECTION_STRING, read on first use) unless the host registered an az:// provider of its own.
        if (Storage.ObjectStoreProviderRegistry.Default.Find(Storage.Azure.AzureBlobLocation.Scheme) is null)
        {
            Storage.Azure.AzureBlobObjectStoreProvider.Register();
        }

        var runtime = new CliRuntime(console, termination);
        args = await RewriteLegacyVerbsAsync(args, console).ConfigureAwait(false);
        var root = BuildRoot(runtime);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0 && parseResult.Action is not HelpAction)
        {
            var message = string.Join("; ", parseResult.Errors.Select(static e => CollapseWhitespace(e.Message)));
            return await runtime.ReportAsync(CliErrors.Usage(message), WantsJson(parseResult, args)).ConfigureAwait(false);
        }

        try
        {
            termination.GracePeriod = CliTermination.GracePeriodFromEnvironment() ?? termination.GracePeriod;
        }
        catch (OmniGraphException usage)
        {
            return await runtime.ReportAsync(usage, WantsJson(parseResult, args)).ConfigureAwait(false);
        }

        var invocation = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,

            // Signals are CliTermination's: System.CommandLine must not install handlers of its own.
            ProcessTerminationTimeout = null,
        };
        try
        {
            var exitCode = await parseResult.InvokeAsync(invocation, termination.Token).ConfigureAwait(false);
            await console.FlushAsync().ConfigureAwait(false);
            return exitCode;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return await runtime.ReportAsync(exception, WantsJson(parseResult, args)).ConfigureAwait(false);
        }
    }

    private static RootCommand BuildRoot(CliRuntime runtime)
    {
        var root = new RootCommand("omnigraph: a typed property-graph database with git-style branches (embedded engine on a local directory)");
        foreach (var option in root.Options.OfType<VersionOption>().ToArray())
        {
            root.Options.Remove(option);
        }

        var version = new VersionOption("--version", "-v") { Action = new PrintVersionAction(runtime.Console) };
        root.Options.Add(version);
        root.SetAction((Func<ParseResult, int>)(_ => throw CliErrors.Usage("no command given (try omnigraph --help)")));

        var groups = new Dictionary<string, Command>(StringComparer.Ordinal);
        foreach (var entry in CliCommandCatalog.All)
        {
            var parent = (Command)root;
            for (var i = 0; i < entry.Path.Count - 1; i++)
            {
                var word = entry.Path[i];
                if (!groups.TryGetValue(word, out var group))
                {
                    group = new Command(word, CliCommandCatalog.GroupDescriptions.GetValueOrDefault(word, string.Empty));
                    group.SetAction((Func<ParseResult, int>)(_ => throw CliErrors.Usage($"'{word}' needs a subcommand (try omnigraph {word} --help)")));
                    groups.Add(word, group);
                    parent.Subcommands.Add(group);
                }

                parent = group;
            }

            parent.Subcommands.Add(entry.Build(runtime));
        }

        return root;
    }

    /// <summary>
    /// <c>query lint</c> and <c>query check</c> are the old spellings of <c>lint</c> (upstream kept them as argv shims): they
    /// are rewritten to <c>lint</c> with a warning on standard error, so old scripts keep working and learn the new name.
    /// </summary>
    private static async Task<string[]> RewriteLegacyVerbsAsync(string[] args, CliConsole console)
    {
        if (args.Length >= 2 && args[0] is "query" or "read" && args[1] is "lint" or "check")
        {
            await console.Error.WriteLineAsync($"warning: `omnigraph {args[0]} {args[1]}` is deprecated; use `omnigraph lint`").ConfigureAwait(false);
            return ["lint", .. args.AsSpan(2)];
        }

        return args;
    }

    /// <summary>
    /// Whether a failure also goes to standard output as the JSON error envelope: only for a command that takes
    /// <c>--json</c> and was given it. <c>export --json</c> is a usage error like any unknown flag (exit code 2, one line on
    /// standard error) and writes nothing on standard output, which is where an export's JSONL goes.
    /// </summary>
    private static bool WantsJson(ParseResult parseResult, string[] args) =>
        args.Contains("--json") && parseResult.CommandResult.Command.Options.Any(static o => o.Name == "--json");

    /// <summary>Parser messages list choices with tabs; one space reads better on one line.</summary>
    private static string CollapseWhitespace(string message) =>
        string.Join(' ', message.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary><c>--version</c> / <c>-v</c>: <c>omnigraph &lt;version&gt;</c>.</summary>
    private sealed class PrintVersionAction(CliConsole console) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            console.Out.WriteLine($"omnigraph {Version}");
            console.Out.Flush();
            return CliExitCodes.Success;
        }
    }
}

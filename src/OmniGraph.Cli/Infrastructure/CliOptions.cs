using System.CommandLine;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Infrastructure;

/// <summary>The flags several commands share, built fresh per command (a System.CommandLine symbol has one parent).</summary>
internal static class CliOptions
{
    /// <summary><c>--json</c>: pretty-printed JSON on standard output (and the JSON error envelope on failure).</summary>
    public static Option<bool> Json() => new("--json") { Description = "Print pretty JSON on standard output" };

    /// <summary><c>--branch B</c> (default <c>main</c>).</summary>
    public static Option<string> Branch() => new("--branch")
    {
        Description = "The branch (default main)",
        DefaultValueFactory = static _ => BranchNames.Main,
        HelpName = "B",
    };

    /// <summary><c>--store URI</c>: the graph's storage, instead of the positional URI.</summary>
    public static Option<string?> Store() => new("--store") { Description = "The graph's storage: a local path or file:///path (instead of URI)", HelpName = "URI" };

    /// <summary>The optional positional <c>URI</c>.</summary>
    public static Argument<string?> OptionalUri() => new("URI")
    {
        Description = "The graph: a local directory path or file:///path",
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <summary>The required positional <c>URI</c>.</summary>
    public static Argument<string> RequiredUri() => new("URI") { Description = "The graph: a local directory path or file:///path" };

    /// <summary><c>--as ACTOR</c>: who a write is made by; <paramref name="description"/> says what the command records or checks.</summary>
    public static Option<string?> Actor(string description = "The actor recorded on the commit") => new("--as") { Description = description, HelpName = "ACTOR" };

    /// <summary><c>--quiet</c>: a write does not say what it is about to do on standard error.</summary>
    public static Option<bool> Quiet() => new("--quiet") { Description = "Do not echo the resolved target on standard error" };

    /// <summary>A write's echo of what it is about to do, on standard error, unless <c>--quiet</c>.</summary>
    public static async Task EchoAsync(CliRuntime runtime, ParseResult parseResult, Option<bool> quiet, string message)
    {
        if (!parseResult.GetValue(quiet))
        {
            await runtime.Console.Error.WriteLineAsync(message);
        }
    }

    /// <summary>Resolves the graph from the positional URI or <c>--store</c>.</summary>
    public static GraphTarget Target(ParseResult parseResult, Argument<string?> uri, Option<string?> store) =>
        GraphTarget.Resolve(("URI", parseResult.GetValue(uri)), ("--store", parseResult.GetValue(store)));

    /// <summary>
    /// <c>--server URL</c> on a storage-native command (schema apply, optimize, cleanup): accepted by the parser only to
    /// be refused with <c>maintenance_storage_native</c> and its reason, rather than as an unknown flag.
    /// </summary>
    public static Option<string?> RefusedServer() => new("--server")
    {
        Description = "Not supported: maintenance is storage-native (docs/maintenance.md); run it on the graph's storage",
        HelpName = "URL",
    };

    /// <summary>Refuses <c>--server</c> on storage-native command <paramref name="command"/>.</summary>
    /// <exception cref="OmniGraphException">Code <c>maintenance_storage_native</c> when <c>--server</c> was given.</exception>
    public static void RefuseServer(ParseResult parseResult, Option<string?> server, string command)
    {
        if (parseResult.GetResult(server) is not null)
        {
            throw EngineErrors.MaintenanceStorageNative(command);
        }
    }
}

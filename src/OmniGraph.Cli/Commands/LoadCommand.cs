using System.CommandLine;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Cli.Output;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph load [URI] --data F --mode overwrite|append|merge [--branch B] [--from BASE] [--as ACTOR] [--json]
/// [--quiet]</c>: loads a JSONL file as one commit. The branch must exist, or <c>--from</c> creates it first. The load says what it is about to do on standard error
/// (<c>loading F into URI (branch B, mode M)</c>; <c>--quiet</c> drops it); an interactive terminal gets a progress bar on
/// standard error.
/// </summary>
internal sealed class LoadCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["load"];

    public Command Build(CliRuntime runtime)
    {
        var uri = CliOptions.OptionalUri();
        var scope = new GraphScopeOptions(bindsPolicy: true);
        var data = new Option<string>("--data") { Description = "The JSONL file to load", Required = true, HelpName = "F" };
        var mode = new Option<string>("--mode") { Description = "overwrite | append | merge", Required = true, HelpName = "M" };
        mode.AcceptOnlyFromAmong([.. GraphLoadModes.Names]);
        var branch = CliOptions.Branch();
        var actor = CliOptions.Actor();
        var from = new Option<string?>("--from") { Description = "Create a missing --branch first, at the head of this branch (or at this commit)", HelpName = "BASE" };
        var quiet = CliOptions.Quiet();
        var json = CliOptions.Json();
        var command = new Command("load", "Load a JSONL file into a branch as one commit") { uri, data, mode, branch, from, actor, quiet, json };
        scope.AddTo(command);
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            scope.RefuseActorWhenServed(parseResult, parseResult.GetValue(actor));
            var file = parseResult.GetValue(data)!;
            CliErrors.RequireFile(file, "data file");
            GraphLoadModes.TryParse(parseResult.GetValue(mode), out var loadMode);
            var console = runtime.Console;
            var branchName = parseResult.GetValue(branch)!;
            var baseBranch = parseResult.GetValue(from);
            await using var graph = await scope.OpenAsync(parseResult, cancellationToken, ("URI", parseResult.GetValue(uri)));
            await CliOptions.EchoAsync(runtime, parseResult, quiet, $"loading {file} into {graph.Uri} (branch {branchName}{(baseBranch is null ? string.Empty : $", created from {baseBranch} if missing")}, mode {loadMode.ToWireName()})");
            var options = new GraphLoadOptions { Actor = parseResult.GetValue(actor), BaseBranch = baseBranch };
            LoadOutput output;
            try
            {
                // The progress bar follows the engine's parsing: a load sent to a server has no such reports.
                output = console.IsErrorInteractive && !parseResult.GetValue(quiet) && !graph.IsServed
                    ? await LoadProgressBar.RunAsync(console, new FileInfo(file).Length, options, () => LoadFileAsync(graph, file, loadMode, branchName, options, cancellationToken))
                    : await LoadFileAsync(graph, file, loadMode, branchName, options, cancellationToken);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The engine's own failures are typed; a bare I/O failure here is the data file's.
                throw CliErrors.Io(IoErrorText.Describe("read", "data file", file, exception), file, exception);
            }

            if (parseResult.GetValue(json))
            {
                await CliJson.WriteAsync(console.Out, LoadCommandOutput.From(graph.Uri, output));
            }
            else
            {
                await console.Out.WriteLineAsync(
                    $"loaded {graph.Uri} on branch {output.Branch} with {output.Mode}: {output.TotalEntities} entities across {output.Nodes.Length} node types and {output.Edges.Length} edge types");
            }

            return CliExitCodes.Success;
        });
        return command;
    }

    private static async Task<LoadOutput> LoadFileAsync(CliGraph graph, string file, GraphLoadMode mode, string branch, GraphLoadOptions options, CancellationToken cancellationToken)
    {
        var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            return await graph.Service.LoadAsync(stream, mode, branch, options, cancellationToken).ConfigureAwait(false);
        }
    }
}

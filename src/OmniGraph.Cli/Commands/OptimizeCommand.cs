using System.CommandLine;
using System.Globalization;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph optimize [URI] [--branch B] [--json] [--quiet]</c>: compacts the branch's tables (docs/maintenance.md) in
/// at most one commit. Storage-native: a local graph only, never through a server.
/// </summary>
internal sealed class OptimizeCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["optimize"];

    public Command Build(CliRuntime runtime)
    {
        var uri = CliOptions.OptionalUri();
        var store = CliOptions.Store();
        var branch = CliOptions.Branch();
        var quiet = CliOptions.Quiet();
        var json = CliOptions.Json();
        var server = CliOptions.RefusedServer();
        var command = new Command("optimize", "Compact a branch's tables: the same rows in fewer fragments, in at most one commit") { uri, store, branch, quiet, json, server };
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            CliOptions.RefuseServer(parseResult, server, "optimize");
            var target = CliOptions.Target(parseResult, uri, store);
            var name = parseResult.GetValue(branch)!;
            await CliOptions.EchoAsync(runtime, parseResult, quiet, $"optimizing branch {name} of {target.Uri}");
            await using var graph = await EmbeddedGraph.OpenAsync(target, cancellationToken);
            var output = await graph.Client.OptimizeAsync(name, cancellationToken);
            if (parseResult.GetValue(json))
            {
                await CliJson.WriteAsync(runtime.Console.Out, output);
                return CliExitCodes.Success;
            }

            var console = runtime.Console.Out;
            foreach (var table in output.Tables)
            {
                await console.WriteLineAsync(table.Compacted
                    ? string.Create(CultureInfo.InvariantCulture, $"{table.TypeKey}: {table.FragmentsRemoved} fragments -> {table.FragmentsAdded} ({table.Rows} rows)")
                    : $"{table.TypeKey}: skipped ({table.Skipped})");
            }

            await console.WriteLineAsync(output.Committed
                ? string.Create(CultureInfo.InvariantCulture, $"optimized {output.Branch}: commit {output.CommitId} at manifest version {output.GraphManifestVersion}")
                : $"nothing to optimize on {output.Branch}: no commit");
            return CliExitCodes.Success;
        });
        return command;
    }
}

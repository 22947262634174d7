using System.CommandLine;
using System.Globalization;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Cli.Output;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Commands;

/// <summary><c>omnigraph snapshot [URI] [--branch B] [--json]</c>: each table's published version and entity count.</summary>
internal sealed class SnapshotCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["snapshot"];

    public Command Build(CliRuntime runtime)
    {
        var uri = CliOptions.OptionalUri();
        var scope = new GraphScopeOptions();
        var branch = CliOptions.Branch();
        var json = CliOptions.Json();
        var command = new Command("snapshot", "Show each table's version and entity count at a branch head") { uri, branch, json };
        scope.AddTo(command);
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            await using var graph = await scope.OpenAsync(parseResult, cancellationToken, ("URI", parseResult.GetValue(uri)));
            var snapshot = await graph.Service.GetSnapshotAsync(parseResult.GetValue(branch)!, cancellationToken);
            if (parseResult.GetValue(json))
            {
                await CliJson.WriteAsync(runtime.Console.Out, snapshot);
            }
            else
            {
                await WriteTableAsync(runtime.Console.Out, snapshot);
            }

            return CliExitCodes.Success;
        });
        return command;
    }

    /// <summary>The human form: a heading line, then one aligned row per table.</summary>
    private static async Task WriteTableAsync(TextWriter output, SnapshotOutput snapshot)
    {
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"branch {snapshot.GraphBranch} at manifest version {snapshot.GraphManifestVersion}"));
        string[] header = ["KIND", "TYPE", "VERSION", "ENTITIES", "PATH", "BRANCH"];
        var rows = snapshot.Datasets.Select(static d => new[]
        {
            d.EntityKind,
            d.TypeName,
            d.PublishedDatasetVersion.ToString(CultureInfo.InvariantCulture),
            d.EntityCount.ToString(CultureInfo.InvariantCulture),
            d.DatasetPath,
            d.NativeDatasetBranch ?? "main",
        }).ToList();
        await TextTable.WriteAsync(output, header, rows);
    }
}

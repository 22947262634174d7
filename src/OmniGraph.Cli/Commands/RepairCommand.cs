using System.CommandLine;
using OmniGraph.Abstractions;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Cli.Output;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph repair [URI] [--confirm] [--grace D] [--json] [--quiet]</c>: classifies the drift between the table
/// objects the retained history names and those the store holds (missing, orphaned, corrupt) and, with <c>--confirm</c>,
/// deletes the verified orphans and rebuilds derived files (docs/maintenance.md). Exit 0 unless table data is lost
/// (<c>repair_data_lost</c>, exit 1, after the report). Storage-native: never through a server.
/// </summary>
internal sealed class RepairCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["repair"];

    public Command Build(CliRuntime runtime)
    {
        var uri = CliOptions.OptionalUri();
        var store = CliOptions.Store();
        var confirm = new Option<bool>("--confirm") { Description = "Delete the verified orphans and rebuild derived files (without it: classify only)" };
        var grace = new Option<string>("--grace")
        {
            Description = "Keep orphans younger than D: a write in progress may have staged them (0s, 30m, 12h, 7d; default 1d)",
            HelpName = "D",
        };
        var quiet = CliOptions.Quiet();
        var json = CliOptions.Json();
        var server = CliOptions.RefusedServer();
        var command = new Command("repair", "Classify missing, orphaned and corrupt table objects; with --confirm delete verified orphans and rebuild derived files")
        {
            uri, store, confirm, grace, quiet, json, server,
        };
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            CliOptions.RefuseServer(parseResult, server, "repair");
            var target = CliOptions.Target(parseResult, uri, store);
            var age = parseResult.GetValue(grace) is { } text ? CliDuration.Parse(text, "--grace") : ObjectRepairRequest.DefaultGrace;
            var request = new ObjectRepairRequest(parseResult.GetValue(confirm), (long)age.TotalMicroseconds);
            await CliOptions.EchoAsync(runtime, parseResult, quiet, $"{(request.Confirm ? "repairing" : "examining the objects of")} {target.Uri}");
            await using var graph = await EmbeddedGraph.OpenAsync(target, cancellationToken);
            var report = await graph.Client.RepairObjectsAsync(request, cancellationToken);
            var asJson = parseResult.GetValue(json);
            if (asJson)
            {
                await CliJson.WriteAsync(runtime.Console.Out, report);
            }
            else
            {
                await RepairText.WriteAsync(runtime.Console.Out, report);
            }

            if (!report.DataLost)
            {
                return CliExitCodes.Success;
            }

            // The report is the answer; the typed error says on standard error why the exit code is not 0.
            var first = report.Tables.SelectMany(static t => t.Objects).First(static o => o.Kind != ObjectDriftKind.Orphaned);
            return await runtime.ReportAsync(EngineErrors.RepairDataLost(report.Missing, report.Corrupt, first.Key), asJson: false);
        });
        return command;
    }
}

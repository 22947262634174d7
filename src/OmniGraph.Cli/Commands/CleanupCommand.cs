using System.CommandLine;
using System.Globalization;
using OmniGraph.Abstractions;
using OmniGraph.Cli.Infrastructure;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph cleanup [URI] --keep N --older-than D [--confirm] [--json] [--quiet]</c>: reclaims the history the
/// retention does not keep (docs/maintenance.md). Without <c>--confirm</c> a dry run that prints what would go.
/// Storage-native: a local graph only, never through a server.
/// </summary>
internal sealed class CleanupCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["cleanup"];

    public Command Build(CliRuntime runtime)
    {
        var uri = CliOptions.OptionalUri();
        var store = CliOptions.Store();
        var keep = new Option<int>("--keep") { Description = "Keep each branch's newest N commits (0: its head only)", Required = true, HelpName = "N" };
        var olderThan = new Option<string>("--older-than") { Description = "Keep every commit younger than D (0s, 30m, 12h, 7d)", Required = true, HelpName = "D" };
        var confirm = new Option<bool>("--confirm") { Description = "Delete (without it: a dry run that changes nothing)" };
        var quiet = CliOptions.Quiet();
        var json = CliOptions.Json();
        var server = CliOptions.RefusedServer();
        var command = new Command("cleanup", "Reclaim history no branch, retained commit or pending write needs (a dry run unless --confirm)")
        {
            uri, store, keep, olderThan, confirm, quiet, json, server,
        };
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            CliOptions.RefuseServer(parseResult, server, "cleanup");
            var target = CliOptions.Target(parseResult, uri, store);
            var count = parseResult.GetValue(keep);
            if (count < 0)
            {
                throw CliErrors.Usage(string.Create(CultureInfo.InvariantCulture, $"--keep {count} is negative: give how many of each branch's newest commits to keep (0 or more)"));
            }

            var age = CliDuration.Parse(parseResult.GetValue(olderThan)!, "--older-than");
            var request = new CleanupRequest(count, (long)age.TotalMicroseconds, parseResult.GetValue(confirm));
            await CliOptions.EchoAsync(runtime, parseResult, quiet, $"{(request.Confirm ? "cleaning up" : "planning cleanup of")} {target.Uri}");
            await using var graph = await EmbeddedGraph.OpenAsync(target, cancellationToken);
            var output = await graph.Client.CleanupAsync(request, cancellationToken);
            if (parseResult.GetValue(json))
            {
                await CliJson.WriteAsync(runtime.Console.Out, output);
                return CliExitCodes.Success;
            }

            var console = runtime.Console.Out;
            foreach (var branch in output.Branches)
            {
                await console.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{branch.Branch}: head {branch.HeadVersion}, keeps versions from {branch.KeepFrom}, {branch.Reclaimed} reclaimed"));
            }

            var verb = output.Confirmed ? "reclaimed" : "would reclaim";
            await console.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{verb} {output.Objects} objects ({output.Bytes} bytes): {output.CommitPointers} commit pointers, {output.Manifests} manifest versions, {output.TableVersions} table versions, {output.DataObjects} fragments and deletion files"));
            if (!output.Confirmed && output.Objects > 0)
            {
                await console.WriteLineAsync("dry run: nothing was deleted; run again with --confirm");
            }

            return CliExitCodes.Success;
        });
        return command;
    }
}

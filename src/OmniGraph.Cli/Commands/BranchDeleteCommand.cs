using System.CommandLine;
using System.Globalization;
using OmniGraph.Cli.Infrastructure;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph branch delete [URI] NAME [--json] [--quiet]</c> (or <c>--server URL --graph ID --yes</c>): deletes a branch (not main, not one another branch was
/// forked from) and reclaims what only it referenced. Irreversible: its commits are no longer served.
/// </summary>
internal sealed class BranchDeleteCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["branch", "delete"];

    public Command Build(CliRuntime runtime)
    {
        var arguments = new GraphAndNameArguments("NAME");
        var quiet = CliOptions.Quiet();
        var yes = new Option<bool>("--yes") { Description = "Confirm the deletion on a server (--server)" };
        var json = CliOptions.Json();
        var command = new Command("delete", "Delete a branch and reclaim what only it referenced");
        arguments.AddTo(command);
        command.Options.Add(quiet);
        command.Options.Add(yes);
        command.Options.Add(json);
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            var (graph, name) = await arguments.OpenAsync(parseResult, cancellationToken);
            await using var _ = graph;
            if (graph.IsServed && !parseResult.GetValue(yes))
            {
                throw CliErrors.Usage($"deleting branch {name} on a server is irreversible: confirm with --yes");
            }

            await CliOptions.EchoAsync(runtime, parseResult, quiet, $"deleting branch {name} in {graph.Uri}");
            var deleted = await graph.Service.DeleteBranchAsync(name, cancellationToken);
            if (parseResult.GetValue(json))
            {
                await CliJson.WriteAsync(runtime.Console.Out, deleted);
            }
            else
            {
                await runtime.Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"deleted branch {deleted.Name}: {deleted.ReclaimedObjects} objects reclaimed{(deleted.Reclaimed ? string.Empty : " (the rest is reclaimed by the next branch command)")}"));
            }

            return CliExitCodes.Success;
        });
        return command;
    }
}

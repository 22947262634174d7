using System.CommandLine;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Cli.Output;
using OmniGraph.Engine;

namespace OmniGraph.Cli.Commands;

/// <summary><c>omnigraph branch list [URI] [--json]</c>: the branches, main first, then by name.</summary>
internal sealed class BranchListCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["branch", "list"];

    public Command Build(CliRuntime runtime)
    {
        var uri = CliOptions.OptionalUri();
        var store = CliOptions.Store();
        var json = CliOptions.Json();
        var command = new Command("list", "List the branches, main first") { uri, store, json };
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            var target = CliOptions.Target(parseResult, uri, store);
            await using var graph = await EmbeddedGraph.OpenAsync(target, cancellationToken);
            var branches = new BranchListOutput([.. (await graph.Client.ListBranchesAsync(cancellationToken)).Select(BranchOutput.From)]);
            if (parseResult.GetValue(json))
            {
                await CliJson.WriteAsync(runtime.Console.Out, branches);
            }
            else
            {
                await TextTable.WriteAsync(
                    runtime.Console.Out,
                    ["BRANCH", "FORKED FROM", "CREATED"],
                    [.. branches.Branches.Select(static b => new[] { b.Name, b.ForkedFrom is null ? "-" : BranchText.ForkPoint(b), CommitText.Time(b.CreatedAt) })]);
            }

            return CliExitCodes.Success;
        });
        return command;
    }
}

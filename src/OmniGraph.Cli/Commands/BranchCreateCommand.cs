using System.CommandLine;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Cli.Output;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph branch create [URI] NAME [--from BRANCH|COMMIT] [--json] [--quiet]</c> (the graph may also come from
/// <c>--uri</c> or <c>--store</c>): a new branch at the head of <c>--from</c> (default main) or at a commit. No data is
/// copied; tables fork on the branch's first write to each.
/// </summary>
internal sealed class BranchCreateCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["branch", "create"];

    public Command Build(CliRuntime runtime)
    {
        var arguments = new GraphAndNameArguments("NAME");
        var from = new Option<string?>("--from") { Description = "Start at the head of this branch, or at this commit (default main)", HelpName = "BRANCH|COMMIT" };
        var quiet = CliOptions.Quiet();
        var json = CliOptions.Json();
        var command = new Command("create", "Create a branch (no data is copied)");
        arguments.AddTo(command);
        command.Options.Add(from);
        command.Options.Add(quiet);
        command.Options.Add(json);
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            var (graph, name) = await arguments.OpenAsync(parseResult, cancellationToken);
            await using var _ = graph;
            var source = parseResult.GetValue(from);
            await CliOptions.EchoAsync(runtime, parseResult, quiet, $"creating branch {name} from {source ?? BranchNames.Main} in {graph.Uri}");
            var branch = await graph.Service.CreateBranchAsync(name, source, cancellationToken);
            if (parseResult.GetValue(json))
            {
                await CliJson.WriteAsync(runtime.Console.Out, branch);
            }
            else
            {
                await runtime.Console.Out.WriteLineAsync($"created branch {branch.Name} from {BranchText.ForkPoint(branch.ForkedFrom)}");
            }

            return CliExitCodes.Success;
        });
        return command;
    }
}

using System.CommandLine;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Client.Wire;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph branch list [URI] [--json]</c> (or <c>--store</c>, or <c>--server URL --graph ID</c>): the branch names,
/// sorted, one per line; <c>--json</c> prints <c>{"branches":[…]}</c>, the shape of <c>GET /graphs/{id}/branches</c>.
/// </summary>
internal sealed class BranchListCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["branch", "list"];

    public Command Build(CliRuntime runtime)
    {
        var uri = CliOptions.OptionalUri();
        var scope = new GraphScopeOptions();
        var json = CliOptions.Json();
        var command = new Command("list", "List the branch names, sorted") { uri, json };
        scope.AddTo(command);
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            await using var graph = await scope.OpenAsync(parseResult, cancellationToken, ("URI", parseResult.GetValue(uri)));
            var names = await graph.Service.ListBranchesAsync(cancellationToken);
            if (parseResult.GetValue(json))
            {
                await CliJson.WriteAsync(runtime.Console.Out, new BranchListOutput(names));
            }
            else
            {
                foreach (var name in names)
                {
                    await runtime.Console.Out.WriteLineAsync(name);
                }
            }

            return CliExitCodes.Success;
        });
        return command;
    }
}

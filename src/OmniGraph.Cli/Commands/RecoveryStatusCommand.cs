using System.CommandLine;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Cli.Output;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph recovery status [URI] [--json]</c>: a full integrity examination (every branch's chain and head records,
/// recovery records, leftovers of crashed writes). Exit 0 when healthy, 1 when something needs attention.
/// </summary>
internal sealed class RecoveryStatusCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["recovery", "status"];

    public Command Build(CliRuntime runtime)
    {
        var uri = CliOptions.OptionalUri();
        var store = CliOptions.Store();
        var json = CliOptions.Json();
        var command = new Command("status", "Examine the graph: chain gaps, head records, recovery records, leftovers of crashed writes") { uri, store, json };
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            var target = CliOptions.Target(parseResult, uri, store);
            await using var graph = await EmbeddedGraph.OpenAsync(target, cancellationToken);
            var examination = await graph.Client.ExamineAsync(cancellationToken);
            if (parseResult.GetValue(json))
            {
                await CliJson.WriteAsync(runtime.Console.Out, examination);
            }
            else
            {
                await RecoveryText.WriteExaminationAsync(runtime.Console.Out, examination);
            }

            return examination.IsHealthy ? CliExitCodes.Success : CliExitCodes.Error;
        });
        return command;
    }
}

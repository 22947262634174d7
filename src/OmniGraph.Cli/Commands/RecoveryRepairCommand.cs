using System.CommandLine;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Cli.Output;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph recovery repair [URI] [--confirm] [--discard-lost] [--json]</c>: the repairs that publish only what was
/// verified (docs/commits-and-recovery.md). Without <c>--confirm</c> it prints the plan and changes nothing. Exit 0 when
/// the graph is healthy afterwards (or, for a plan, when there is nothing to refuse), 1 otherwise.
/// </summary>
internal sealed class RecoveryRepairCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["recovery", "repair"];

    public Command Build(CliRuntime runtime)
    {
        var uri = CliOptions.OptionalUri();
        var store = CliOptions.Store();
        var json = CliOptions.Json();
        var confirm = new Option<bool>("--confirm") { Description = "Carry the plan out (without it, only print it)" };
        var discard = new Option<bool>("--discard-lost")
        {
            Description = "When lost versions cannot be rebuilt, continue from the last version that exists, dropping the lost writes",
        };
        var command = new Command("repair", "Repair what can be verified: lost head records, lost manifest versions") { uri, store, confirm, discard, json };
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            var target = CliOptions.Target(parseResult, uri, store);
            await using var graph = await EmbeddedGraph.OpenAsync(target, cancellationToken);
            var report = await graph.Client.RepairAsync(new RepairRequest(parseResult.GetValue(confirm), parseResult.GetValue(discard)), cancellationToken);
            if (parseResult.GetValue(json))
            {
                await CliJson.WriteAsync(runtime.Console.Out, report);
            }
            else
            {
                await RecoveryText.WriteRepairAsync(runtime.Console.Out, report);
            }

            var settled = report.Applied ? report.After.IsHealthy : report.Steps.All(static s => s.Kind != RepairStepKind.Refused);
            return settled ? CliExitCodes.Success : CliExitCodes.Error;
        });
        return command;
    }
}

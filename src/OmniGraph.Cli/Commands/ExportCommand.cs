using System.CommandLine;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph export [URI] [--branch B] [--type T]…</c>: the branch as JSONL load records with physical ids on standard
/// output, streamed (<c>--jsonl</c> is accepted and changes nothing). A failure part way leaves a truncated output that
/// must be discarded (the exit code says so).
/// </summary>
internal sealed class ExportCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["export"];

    public Command Build(CliRuntime runtime)
    {
        var uri = CliOptions.OptionalUri();
        var scope = new GraphScopeOptions();
        var branch = CliOptions.Branch();
        var types = new Option<string[]>("--type") { Description = "Export only this node or edge type (repeatable)", HelpName = "T" };
        var jsonl = new Option<bool>("--jsonl") { Description = "JSONL output (the only format; accepted for compatibility)", Hidden = true };
        var command = new Command("export", "Write a branch as JSONL that loads back into a fresh graph") { uri, branch, types, jsonl };
        scope.AddTo(command);
        runtime.SetAction(command, json: null, async (parseResult, cancellationToken) =>
        {
            await using var graph = await scope.OpenAsync(parseResult, cancellationToken, ("URI", parseResult.GetValue(uri)));
            await runtime.Console.Out.FlushAsync(cancellationToken);
            var request = new ExportRequest(parseResult.GetValue(branch)!, [.. parseResult.GetValue(types) ?? []]);
            await graph.Service.ExportAsync(runtime.Console.OutputStream, request, cancellationToken);
            return CliExitCodes.Success;
        });
        return command;
    }
}

using System.CommandLine;
using System.Globalization;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Cli.Output;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph diff [URI] FROM TO [--kind K]… [--type T]… [--op OP]… [--json]</c> (or <c>--store</c>, or
/// <c>--server URL --graph ID</c>): the net difference between two read targets, each a branch, a commit id or a
/// manifest version.
/// </summary>
internal sealed class DiffCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["diff"];

    public Command Build(CliRuntime runtime)
    {
        var positionals = new Argument<string[]>("ARGS") { Description = "[URI] FROM TO (a branch, a commit id or a manifest version each)", Arity = new ArgumentArity(2, 3) };
        var scope = new GraphScopeOptions();
        var filter = new ChangeFilterOptions();
        var json = CliOptions.Json();
        var command = new Command("diff", "The net difference between two branches, commits or snapshots") { positionals, json };
        scope.AddTo(command);
        filter.AddTo(command);
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            var values = parseResult.GetValue(positionals)!;
            var request = new GraphDiffRequest(values[^2], values[^1], filter.Resolve(parseResult));
            await using var graph = await scope.OpenAsync(parseResult, cancellationToken, ("URI", values.Length == 3 ? values[0] : null));
            var diff = await graph.Service.DiffAsync(request, cancellationToken);
            if (parseResult.GetValue(json))
            {
                await CliJson.WriteAsync(runtime.Console.Out, diff);
                return CliExitCodes.Success;
            }

            var output = runtime.Console.Out;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{request.From} ({diff.From}) -> {request.To} ({diff.To}): {diff.Stats.Inserts} inserted, {diff.Stats.Updates} updated, {diff.Stats.Deletes} deleted in {diff.Stats.TypesAffected} types"));
            await TextTable.WriteAsync(output, ["KIND", "TYPE", "ID", "OP", "ENDPOINTS"], [.. diff.Changes.Select(static c => new[]
            {
                c.Kind, c.TypeName, c.Id, c.Op, c.Endpoints is { } e ? $"{e.From} -> {e.To}" : "-",
            })]);
            return CliExitCodes.Success;
        });
        return command;
    }
}

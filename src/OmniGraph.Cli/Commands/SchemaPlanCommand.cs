using System.CommandLine;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Cli.Output;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph schema plan [URI] --schema NEW.pg [--allow-data-loss] [--json]</c>: the migration steps that would take
/// main's schema to NEW.pg, each unsupported change with its reason and code. Writes nothing; exits non-zero when the
/// plan is unsupported.
/// </summary>
internal sealed class SchemaPlanCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["schema", "plan"];

    public Command Build(CliRuntime runtime)
    {
        var uri = CliOptions.OptionalUri();
        var store = CliOptions.Store();
        var schema = SchemaChangeOptions.Schema();
        var allowDataLoss = SchemaChangeOptions.AllowDataLoss();
        var json = CliOptions.Json();
        var command = new Command("plan", "Show the steps that would take the graph's schema to a desired .pg (writes nothing)") { uri, store, schema, allowDataLoss, json };
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            var target = CliOptions.Target(parseResult, uri, store);
            var source = await CliTextFile.ReadAsync(parseResult.GetValue(schema)!, "schema file", cancellationToken);
            await using var graph = await EmbeddedGraph.OpenAsync(target, cancellationToken);
            var plan = SchemaApplyCommandOutput.From(target.Uri, await graph.Client.PlanSchemaAsync(new SchemaApplyRequest(source) { AllowDataLoss = parseResult.GetValue(allowDataLoss) }, cancellationToken));
            await SchemaApplyCommandOutput.WriteAsync(runtime, parseResult.GetValue(json), plan);
            return plan.Supported ? CliExitCodes.Success : CliExitCodes.Error;
        });
        return command;
    }
}

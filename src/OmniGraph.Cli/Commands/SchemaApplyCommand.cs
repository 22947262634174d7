using System.CommandLine;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Cli.Output;
using OmniGraph.Abstractions;
using OmniGraph.Server.Queries;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph schema apply [URI] --schema NEW.pg [--allow-data-loss] [--as ACTOR] [--policy FILE] [--json] [--quiet]</c>:
/// applies a fully supported plan to main as one commit (docs/schema-language.md, "Changing the schema"), after checking
/// every stored query against the new schema. Nothing is written when the plan is unsupported, a stored query breaks,
/// another branch exists or main is protected.
/// </summary>
internal sealed class SchemaApplyCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["schema", "apply"];

    public Command Build(CliRuntime runtime)
    {
        var uri = CliOptions.OptionalUri();
        var store = CliOptions.Store();
        var schema = SchemaChangeOptions.Schema();
        var allowDataLoss = SchemaChangeOptions.AllowDataLoss();
        var actor = CliOptions.Actor("The actor who applies (checked against --policy; recorded on the commit)");
        var policy = PolicyBindingOption.Create();
        var quiet = CliOptions.Quiet();
        var json = CliOptions.Json();
        var server = CliOptions.RefusedServer();
        var command = new Command("apply", "Apply a desired .pg to the graph's main branch as one commit") { uri, store, schema, allowDataLoss, actor, policy, quiet, json, server };
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            CliOptions.RefuseServer(parseResult, server, "schema apply");
            var target = CliOptions.Target(parseResult, uri, store);
            var source = await CliTextFile.ReadAsync(parseResult.GetValue(schema)!, "schema file", cancellationToken);
            var bundle = await PolicyBindingOption.ReadAsync(parseResult, policy, cancellationToken);
            await CliOptions.EchoAsync(runtime, parseResult, quiet, $"applying schema {parseResult.GetValue(schema)} to main of {target.Uri}");
            await using var graph = await EmbeddedGraph.OpenAsync(target, bundle, cancellationToken);
            var queries = new StoredQueryCatalog(await AuditGraphStore.OpenAsync(target, cancellationToken));
            var request = new SchemaApplyRequest(source) { AllowDataLoss = parseResult.GetValue(allowDataLoss), Actor = parseResult.GetValue(actor) };
            var applied = await StoredQueryGuardedSchemaApply.ApplyAsync(graph.Client.Grains.GetGrain<ISchemaApplyGrain>(graph.Client.GraphId), queries, request, cancellationToken);
            await SchemaApplyCommandOutput.WriteAsync(runtime, parseResult.GetValue(json), SchemaApplyCommandOutput.From(target.Uri, applied));
            return CliExitCodes.Success;
        });
        return command;
    }
}

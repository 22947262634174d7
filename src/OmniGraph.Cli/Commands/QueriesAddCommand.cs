using System.CommandLine;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Abstractions;
using OmniGraph.Schema;
using OmniGraph.Server.Queries;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph queries add [URI] --query FILE [--replace] [--json]</c>: registers every query of FILE with the graph as
/// a stored query, each type-checked against the schema of main first (nothing is stored unless all check).
/// </summary>
internal sealed class QueriesAddCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["queries", "add"];

    public Command Build(CliRuntime runtime)
    {
        var uri = CliOptions.OptionalUri();
        var store = CliOptions.Store();
        var file = new Option<string>("--query") { Description = "The .gq file whose queries to register", Required = true, HelpName = "FILE" };
        var replace = new Option<bool>("--replace") { Description = "Replace stored queries of the same names" };
        var json = CliOptions.Json();
        var command = new Command("add", "Register the queries of a .gq file as the graph's stored queries") { uri, store, file, replace, json };
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            var target = CliOptions.Target(parseResult, uri, store);
            var source = await CliTextFile.ReadAsync(parseResult.GetValue(file)!, "query file", cancellationToken);
            SchemaCatalog schema;
            await using (var graph = await EmbeddedGraph.OpenAsync(target, cancellationToken))
            {
                schema = SchemaCatalog.Compile((await graph.Client.GetSchemaAsync(BranchNames.Main, cancellationToken)).SchemaSource);
            }

            var catalogue = new StoredQueryCatalog(await AuditGraphStore.OpenAsync(target, cancellationToken));
            var added = await catalogue.AddAsync(source, schema, parseResult.GetValue(replace), cancellationToken);
            await StoredQueriesOutput.WriteAsync(runtime, parseResult.GetValue(json), added, "added");
            return CliExitCodes.Success;
        });
        return command;
    }
}

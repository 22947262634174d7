using System.CommandLine;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Server.Queries;

namespace OmniGraph.Cli.Commands;

/// <summary><c>omnigraph queries list [URI] [--json]</c>: the graph's stored queries (name, kind, parameters, description, instruction).</summary>
internal sealed class QueriesListCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["queries", "list"];

    public Command Build(CliRuntime runtime)
    {
        var uri = CliOptions.OptionalUri();
        var store = CliOptions.Store();
        var json = CliOptions.Json();
        var command = new Command("list", "List the graph's stored queries") { uri, store, json };
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            var target = CliOptions.Target(parseResult, uri, store);
            var queries = await new StoredQueryCatalog(await AuditGraphStore.OpenAsync(target, cancellationToken)).ListAsync(cancellationToken);
            await StoredQueriesOutput.WriteAsync(runtime, parseResult.GetValue(json), queries, verb: null);
            return CliExitCodes.Success;
        });
        return command;
    }
}

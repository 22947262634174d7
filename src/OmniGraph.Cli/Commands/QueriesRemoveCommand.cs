using System.CommandLine;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Server.Queries;

namespace OmniGraph.Cli.Commands;

/// <summary><c>omnigraph queries remove [URI] --name NAME</c>: unregisters a stored query (<c>stored_query_not_found</c> when there is none).</summary>
internal sealed class QueriesRemoveCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["queries", "remove"];

    public Command Build(CliRuntime runtime)
    {
        var uri = CliOptions.OptionalUri();
        var store = CliOptions.Store();
        var name = new Option<string>("--name") { Description = "The stored query to remove", Required = true, HelpName = "NAME" };
        var json = CliOptions.Json();
        var command = new Command("remove", "Unregister one of the graph's stored queries") { uri, store, name, json };
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            var target = CliOptions.Target(parseResult, uri, store);
            var query = parseResult.GetValue(name)!;
            await new StoredQueryCatalog(await AuditGraphStore.OpenAsync(target, cancellationToken)).RemoveAsync(query, cancellationToken);
            await runtime.Console.Out.WriteLineAsync($"removed stored query {query}");
            return CliExitCodes.Success;
        });
        return command;
    }
}

using System.CommandLine;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Cli.Output;
using OmniGraph.Schema;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph init --schema S.pg URI [--json]</c>: creates a graph (the schema, every table empty, the genesis commit
/// on main). The schema is checked before anything is created; a root that already holds a graph is refused.
/// </summary>
internal sealed class InitCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["init"];

    public Command Build(CliRuntime runtime)
    {
        var uri = CliOptions.RequiredUri();
        var schema = new Option<string>("--schema") { Description = "The .pg schema file", Required = true, HelpName = "S.pg" };
        var json = CliOptions.Json();
        var command = new Command("init", "Create a graph from a schema") { uri, schema, json };
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            var target = GraphTarget.Parse(parseResult.GetValue(uri)!);
            var source = await CliTextFile.ReadAsync(parseResult.GetValue(schema)!, "schema file", cancellationToken);

            // A bad schema must leave no trace: check it before the engine creates the root.
            SchemaCatalog.Compile(source);
            await using var graph = await EmbeddedGraph.InitAsync(target, source, cancellationToken);
            var genesis = (await graph.Client.ListCommitsAsync(cancellationToken: cancellationToken)).Commits[0];
            if (parseResult.GetValue(json))
            {
                await CliJson.WriteAsync(runtime.Console.Out, new InitCommandOutput(target.Uri, genesis));
            }
            else
            {
                await runtime.Console.Out.WriteLineAsync($"initialized {target.Uri} (commit {genesis.GraphCommitId})");
            }

            return CliExitCodes.Success;
        });
        return command;
    }
}

using System.CommandLine;
using OmniGraph.Cli.Infrastructure;

namespace OmniGraph.Cli.Commands;

/// <summary><c>omnigraph schema show [URI] [--branch B] [--json]</c>: the accepted <c>.pg</c> source of a branch head.</summary>
internal sealed class SchemaShowCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["schema", "show"];

    public Command Build(CliRuntime runtime)
    {
        var uri = CliOptions.OptionalUri();
        var scope = new GraphScopeOptions();
        var branch = CliOptions.Branch();
        var json = CliOptions.Json();
        var command = new Command("show", "Print the graph's schema source") { uri, branch, json };
        scope.AddTo(command);
        command.Aliases.Add("get");
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            await using var graph = await scope.OpenAsync(parseResult, cancellationToken, ("URI", parseResult.GetValue(uri)));
            var schema = await graph.Service.GetSchemaAsync(parseResult.GetValue(branch)!, cancellationToken);
            if (parseResult.GetValue(json))
            {
                await CliJson.WriteAsync(runtime.Console.Out, schema);
            }
            else
            {
                await runtime.Console.Out.WriteAsync(schema.SchemaSource);
                if (!schema.SchemaSource.EndsWith('\n'))
                {
                    await runtime.Console.Out.WriteLineAsync();
                }
            }

            return CliExitCodes.Success;
        });
        return command;
    }
}

using System.CommandLine;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Abstractions;
using OmniGraph.Execution.Output;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph query [NAME] (--query F | -e SRC) [--params JSON | --params-file F] [--branch B | --snapshot S]
/// [--format table|kv|csv|jsonl|json | --json] --store URI</c> (deprecated alias <c>read</c>): runs one read query
/// against a branch head or a snapshot (commit id or manifest version) and prints the result (languages.md §4.2). The
/// positional names the query inside the source; the graph is addressed with <c>--store</c>, or with
/// <c>--server URL --graph ID</c> on a server. A bare store has no stored-query catalog, so the source must be given.
/// </summary>
internal sealed class QueryCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["query"];

    public Command Build(CliRuntime runtime)
    {
        var input = new QuerySourceOptions("query");
        var branch = new Option<string?>("--branch") { Description = "Read the head of this branch (default main)", HelpName = "B" };
        var snapshot = new Option<string?>("--snapshot") { Description = "Read this snapshot: a commit id, or a manifest version of main (12 or v12)", HelpName = "S" };
        var format = new Option<string?>("--format") { Description = $"Output format: {string.Join(", ", ReadOutputFormats.Names)} (default table)", HelpName = "FORMAT" };
        var scope = new GraphScopeOptions();
        var json = CliOptions.Json();
        var command = new Command("query", "Run a read query and print its rows");
        input.AddTo(command);
        command.Options.Add(branch);
        command.Options.Add(snapshot);
        command.Options.Add(format);
        scope.AddTo(command);
        command.Options.Add(json);
        var deprecated = new DeprecatedAlias(command, "read");
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            var console = runtime.Console;
            await deprecated.WarnIfUsedAsync(parseResult, console.Error);

            var outputFormat = ResolveFormat(parseResult.GetValue(format), parseResult.GetValue(json));
            var target = ResolveTarget(parseResult.GetValue(branch), parseResult.GetValue(snapshot));
            var query = await input.ReadAsync(parseResult, cancellationToken);

            await using var graph = await scope.OpenAsync(parseResult, cancellationToken);
            var result = await graph.Service.QueryAsync(new QueryRequest(query.Source, query.Name, query.Parameters, target), cancellationToken);
            await ReadOutputWriter.WriteAsync(console.Out, result, outputFormat);
            return CliExitCodes.Success;
        });
        return command;
    }

    /// <summary><c>--json</c> is <c>--format json</c>; naming another format with it is a usage error.</summary>
    internal static ReadOutputFormat ResolveFormat(string? format, bool json)
    {
        if (format is null)
        {
            return json ? ReadOutputFormat.Json : ReadOutputFormat.Table;
        }

        if (!ReadOutputFormats.TryParse(format, out var parsed))
        {
            throw CliErrors.Usage($"unknown --format '{format}' (expected one of {string.Join(", ", ReadOutputFormats.Names)})");
        }

        if (json && parsed != ReadOutputFormat.Json)
        {
            throw CliErrors.Usage($"--json and --format {format} disagree; give one");
        }

        return parsed;
    }

    /// <summary><c>--branch</c> and <c>--snapshot</c> are exclusive; neither means the head of main.</summary>
    internal static QueryTarget ResolveTarget(string? branch, string? snapshot)
    {
        if (branch is not null && snapshot is not null)
        {
            throw CliErrors.Usage("--branch and --snapshot are exclusive; give one");
        }

        if (snapshot is not null)
        {
            return string.IsNullOrWhiteSpace(snapshot) ? throw CliErrors.Usage("--snapshot needs a commit id or a manifest version") : QueryTarget.AtSnapshot(snapshot);
        }

        return string.IsNullOrEmpty(branch) ? QueryTarget.Head() : QueryTarget.Head(branch);
    }
}

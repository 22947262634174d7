using System.CommandLine;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Execution;
using OmniGraph.Query.Lint;
using OmniGraph.Schema;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph lint --query F (--schema S | URI) [--json]</c> (alias <c>check</c>): parses and type-checks every query of
/// a <c>.gq</c> file against a schema file, or against the accepted schema of a graph, without running anything
/// (languages.md §4.5). Prints the report (pretty JSON with <c>--json</c>); exits non-zero only when its status is
/// <c>error</c>.
/// </summary>
internal sealed class LintCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["lint"];

    public Command Build(CliRuntime runtime)
    {
        var uri = CliOptions.OptionalUri();
        var queryFile = new Option<string>("--query") { Description = "The .gq file to check", HelpName = "F", Required = true };
        var schemaFile = new Option<string?>("--schema") { Description = "Check against this .pg file instead of a graph", HelpName = "S" };
        var store = CliOptions.Store();
        var json = CliOptions.Json();
        var command = new Command("lint", "Type-check a query file against a schema or a graph, without running it") { uri, queryFile, schemaFile, store, json };
        command.Aliases.Add("check");
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            var queryPath = parseResult.GetValue(queryFile)!;
            var schemaPath = parseResult.GetValue(schemaFile);
            var graphUri = parseResult.GetValue(uri) ?? parseResult.GetValue(store);
            if (schemaPath is not null && graphUri is not null)
            {
                throw CliErrors.Usage("--schema and a graph URI are exclusive: lint against one schema");
            }

            var querySource = await CliTextFile.ReadAsync(queryPath, "query file", cancellationToken);
            LintReport report;
            if (schemaPath is not null)
            {
                var catalog = SchemaCatalog.Compile(await CliTextFile.ReadAsync(schemaPath, "schema file", cancellationToken));
                report = QueryLinter.Lint(querySource, catalog, new LintSchemaSource(LintSchemaSourceKind.File, schemaPath), queryPath);
            }
            else if (graphUri is not null)
            {
                var target = CliOptions.Target(parseResult, uri, store);
                await using var graph = await EmbeddedGraph.OpenAsync(target, cancellationToken);
                report = await graph.Client.LintAsync(querySource, queryPath, target.Location, cancellationToken: cancellationToken);
            }
            else
            {
                throw CliErrors.Usage("nothing to lint against: pass --schema S or a graph URI");
            }

            if (parseResult.GetValue(json))
            {
                await runtime.Console.Out.WriteLineAsync(report.ToJson());
            }
            else
            {
                await WriteHumanAsync(runtime.Console.Out, report);
            }

            return report.Status == LintStatus.Error ? CliExitCodes.Error : CliExitCodes.Success;
        });
        return command;
    }

    /// <summary>One line per query, then one per finding, then the totals.</summary>
    internal static async Task WriteHumanAsync(TextWriter output, LintReport report)
    {
        foreach (var result in report.Results)
        {
            var status = result.Status == LintStatus.Ok ? "ok" : "error";
            await output.WriteLineAsync($"{status,-5} {(result.Kind == LintQueryKind.Read ? "read" : "mutation"),-8} {result.Name}");
        }

        foreach (var finding in report.Findings)
        {
            var severity = finding.Severity switch
            {
                LintSeverity.Error => "error",
                LintSeverity.Warning => "warning",
                _ => "info",
            };
            await output.WriteLineAsync($"{severity}[{finding.Code}]: {finding.Message}");
        }

        await output.WriteLineAsync($"{report.QueriesProcessed} queries checked: {report.Errors} errors, {report.Warnings} warnings, {report.Infos} infos");
    }
}

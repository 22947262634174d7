using System.CommandLine;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Cli.Output;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph mutate [NAME] (--query F | -e SRC) [--params JSON | --params-file F] [--branch B] [--if-commit C]
/// [--as ACTOR] [--json] --store URI</c> (deprecated alias <c>change</c>): runs one mutation query as one commit and prints
/// its receipt (<c>ChangeOutput</c>; <c>"commit": null</c> when nothing changed). <c>--if-commit</c> makes it a
/// compare-and-swap on the branch head: a lost race exits with code 4 and, with <c>--json</c>, prints the structured
/// <c>precondition_failure</c> on standard output. The graph is addressed with <c>--store</c>, or with
/// <c>--server URL --graph ID</c> (the positional is the query name); <c>mutate</c> does not echo its target.
/// </summary>
internal sealed class MutateCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["mutate"];

    public Command Build(CliRuntime runtime)
    {
        var input = new QuerySourceOptions("mutation");
        var branch = CliOptions.Branch();
        var ifCommit = new Option<string?>("--if-commit") { Description = "Write only if the branch head is this commit (compare-and-swap)", HelpName = "COMMIT_ID" };
        var actor = CliOptions.Actor();
        var scope = new GraphScopeOptions(bindsPolicy: true);
        var json = CliOptions.Json();
        var command = new Command("mutate", "Run a mutation query (insert, update, delete) as one commit");
        input.AddTo(command);
        command.Options.Add(branch);
        command.Options.Add(ifCommit);
        command.Options.Add(actor);
        scope.AddTo(command);
        command.Options.Add(json);
        var deprecated = new DeprecatedAlias(command, "change");
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            var console = runtime.Console;
            await deprecated.WarnIfUsedAsync(parseResult, console.Error);

            scope.RefuseActorWhenServed(parseResult, parseResult.GetValue(actor));
            var expectedHead = parseResult.GetValue(ifCommit);
            if (expectedHead is not null && !Ulid.TryParse(expectedHead, out _))
            {
                throw CliErrors.Usage($"--if-commit needs a commit id (a 26-character ULID as `commit list` prints it), not '{ErrorText.Quote(expectedHead)}'");
            }

            var query = await input.ReadAsync(parseResult, cancellationToken);
            var request = new MutationRequest(query.Source, query.Name)
            {
                Parameters = query.Parameters,
                Branch = parseResult.GetValue(branch)!,
                ExpectedHeadCommit = expectedHead,
                Actor = parseResult.GetValue(actor),
            };
            var asJson = parseResult.GetValue(json);

            await using var graph = await scope.OpenAsync(parseResult, cancellationToken);
            ChangeOutput change;
            try
            {
                change = await graph.Service.MutateAsync(request, cancellationToken);
            }
            catch (GraphPreconditionFailedException lost) when (asJson)
            {
                await MutateJson.WriteAsync(console.Out, new MutatePreconditionFailureOutput(
                    new ErrorBody(lost.Code, lost.Message),
                    new PreconditionFailureDetail(lost.Expected, lost.Actual)));
                await console.Out.FlushAsync(cancellationToken);
                await console.Error.WriteLineAsync($"error[{lost.Code}]: {lost.Message}");
                return CliExitCodes.PreconditionFailed;
            }

            if (asJson)
            {
                await MutateJson.WriteAsync(console.Out, change);
            }
            else
            {
                await console.Out.WriteLineAsync(HumanForm(change));
            }

            return CliExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// <c>mutation &lt;name&gt; on branch &lt;b&gt;: N nodes and M edges affected, commit &lt;id&gt; (version V)</c>, or
    /// <c>…, nothing changed (no commit)</c>. When node inserts ran, how they landed follows the counts in parentheses —
    /// above all an insert that replaced an existing node, which is easy to mistake for an addition.
    /// </summary>
    internal static string HumanForm(ChangeOutput change)
    {
        var counts = $"mutation {change.QueryName} on branch {change.Branch}: {change.AffectedNodes} nodes and {change.AffectedEdges} edges affected{InsertOutcome(change)}";
        return change.Commit is { } commit
            ? $"{counts}, commit {commit.GraphCommitId} (version {commit.GraphManifestVersion})"
            : $"{counts}, nothing changed (no commit)";
    }

    /// <summary><c> (2 new nodes inserted; 1 existing node replaced …)</c>, or nothing when no node insert landed.</summary>
    private static string InsertOutcome(ChangeOutput change)
    {
        var parts = new List<string>(2);
        if (change.InsertedNodes > 0)
        {
            parts.Add($"{change.InsertedNodes} new {Nodes(change.InsertedNodes)} inserted");
        }

        if (change.ReplacedNodes > 0)
        {
            parts.Add($"{change.ReplacedNodes} existing {Nodes(change.ReplacedNodes)} replaced by an insert with the same key (properties it did not assign are now null)");
        }

        return parts.Count == 0 ? string.Empty : $" ({string.Join("; ", parts)})";

        static string Nodes(long count) => count == 1 ? "node" : "nodes";
    }
}

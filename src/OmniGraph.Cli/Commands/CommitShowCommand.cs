using System.CommandLine;
using System.Globalization;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Cli.Output;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph commit show [URI] COMMIT_ID [--json]</c> (the graph may also come from <c>--uri</c> or <c>--store</c>):
/// one commit, the same object a write's receipt carries.
/// </summary>
internal sealed class CommitShowCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["commit", "show"];

    public Command Build(CliRuntime runtime)
    {
        var positionals = new Argument<string[]>("ARGS")
        {
            Description = "[URI] COMMIT_ID",
            Arity = new ArgumentArity(1, 2),
        };
        var graphUri = new Option<string?>("--uri") { Description = "The graph (instead of the positional URI)", HelpName = "URI" };
        var scope = new GraphScopeOptions();
        var json = CliOptions.Json();
        var command = new Command("show", "Show one commit") { positionals, graphUri, json };
        scope.AddTo(command);
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            var values = parseResult.GetValue(positionals)!;
            var commitId = values[^1];
            await using var graph = await scope.OpenAsync(
                parseResult,
                cancellationToken,
                ("URI", values.Length == 2 ? values[0] : null),
                ("--uri", parseResult.GetValue(graphUri)));
            var commit = await graph.Service.GetCommitAsync(commitId, cancellationToken);
            if (parseResult.GetValue(json))
            {
                await CliJson.WriteAsync(runtime.Console.Out, commit);
            }
            else
            {
                var output = runtime.Console.Out;
                await output.WriteLineAsync($"commit {commit.GraphCommitId}");
                await output.WriteLineAsync($"branch: {commit.GraphBranch ?? "main"}");
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"manifest version: {commit.GraphManifestVersion}"));
                await output.WriteLineAsync($"parent: {commit.ParentCommitId ?? "-"}");
                if (commit.MergedParentCommitId is { } merged)
                {
                    await output.WriteLineAsync($"merged parent: {merged}");
                }

                await output.WriteLineAsync($"actor: {commit.ActorId ?? "-"}");
                await output.WriteLineAsync($"created: {CommitText.Time(commit.CreatedAt)}");
            }

            return CliExitCodes.Success;
        });
        return command;
    }
}

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
        var arguments = new GraphAndNameArguments("COMMIT_ID");
        var json = CliOptions.Json();
        var command = new Command("show", "Show one commit");
        arguments.AddTo(command);
        command.Options.Add(json);
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            var (target, commitId) = arguments.Resolve(parseResult);
            await using var graph = await EmbeddedGraph.OpenAsync(target, cancellationToken);
            var commit = await graph.Client.GetCommitAsync(commitId, cancellationToken);
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

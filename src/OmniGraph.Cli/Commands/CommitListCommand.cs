using System.CommandLine;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Cli.Output;

namespace OmniGraph.Cli.Commands;

/// <summary><c>omnigraph commit list [URI] [--branch B] [--json]</c>: the commits reachable from a branch head, newest first.</summary>
internal sealed class CommitListCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["commit", "list"];

    public Command Build(CliRuntime runtime)
    {
        var uri = CliOptions.OptionalUri();
        var scope = new GraphScopeOptions();
        var branch = CliOptions.Branch();
        var json = CliOptions.Json();
        var command = new Command("list", "List the commits of a branch, newest first") { uri, branch, json };
        scope.AddTo(command);
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            await using var graph = await scope.OpenAsync(parseResult, cancellationToken, ("URI", parseResult.GetValue(uri)));
            var commits = await graph.Service.ListCommitsAsync(parseResult.GetValue(branch)!, cancellationToken);
            if (parseResult.GetValue(json))
            {
                await CliJson.WriteAsync(runtime.Console.Out, commits);
            }
            else
            {
                await TextTable.WriteAsync(
                    runtime.Console.Out,
                    ["COMMIT", "VERSION", "PARENT", "MERGED PARENT", "CREATED", "ACTOR"],
                    [.. commits.Commits.Select(static c => new[]
                    {
                        c.GraphCommitId,
                        c.GraphManifestVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        c.ParentCommitId ?? "-",
                        c.MergedParentCommitId ?? "-",
                        CommitText.Time(c.CreatedAt),
                        c.ActorId ?? "-",
                    })]);
            }

            return CliExitCodes.Success;
        });
        return command;
    }
}

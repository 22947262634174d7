using System.CommandLine;
using System.Globalization;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Cli.Output;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph branch merge [URI] SOURCE [--into TARGET] [--delete-branch] [--as ACTOR] [--policy FILE] [--json] [--quiet]</c>: merges
/// SOURCE into TARGET (default main) as one commit. A conflicted merge writes nothing, lists every conflict (a table on
/// standard output, or the <c>merge_conflicts</c> error envelope with <c>--json</c>) and exits 1. With
/// <c>--delete-branch</c> the source is deleted after a merge that did not conflict; a refused deletion is a warning.
/// </summary>
internal sealed class BranchMergeCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["branch", "merge"];

    public Command Build(CliRuntime runtime)
    {
        var arguments = new GraphAndNameArguments("SOURCE", bindsPolicy: true);
        var into = new Option<string>("--into") { Description = "The branch that receives the merge (default main)", DefaultValueFactory = static _ => BranchNames.Main, HelpName = "TARGET" };
        var deleteBranch = new Option<bool>("--delete-branch") { Description = "Delete the source branch after the merge" };
        var actor = CliOptions.Actor("The actor recorded on the merge commit");
        var quiet = CliOptions.Quiet();
        var json = CliOptions.Json();
        var command = new Command("merge", "Merge a branch into another as one commit");
        arguments.AddTo(command);
        command.Options.Add(into);
        command.Options.Add(deleteBranch);
        command.Options.Add(actor);
        command.Options.Add(quiet);
        command.Options.Add(json);
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            var (graph, source) = await arguments.OpenAsync(parseResult, cancellationToken);
            await using var _ = graph;
            arguments.Scope.RefuseActorWhenServed(parseResult, parseResult.GetValue(actor));
            var request = new BranchMergeRequest(source, parseResult.GetValue(into)!)
            {
                Actor = parseResult.GetValue(actor),
                DeleteBranch = parseResult.GetValue(deleteBranch),
            };
            await CliOptions.EchoAsync(runtime, parseResult, quiet, $"merging branch {request.Source} into {request.Target} in {graph.Uri}");
            var result = await graph.Service.MergeBranchAsync(request, cancellationToken);
            var asJson = parseResult.GetValue(json);
            if (result.Outcome == BranchMergeOutcome.Conflicted)
            {
                return await ReportConflictsAsync(runtime, result, asJson);
            }

            var output = BranchMergeOutput.From(result, request.Actor, request.DeleteBranch);
            if (asJson)
            {
                await CliJson.WriteAsync(runtime.Console.Out, output);
            }
            else
            {
                await WriteTextAsync(runtime.Console.Out, output);
            }

            if (output.BranchDeleteError is { } failure)
            {
                await runtime.Console.Error.WriteLineAsync($"warning: the merge stands, but branch {request.Source} was not deleted: {failure}");
            }

            return CliExitCodes.Success;
        });
        return command;
    }

    /// <summary>Every conflict (a table, or the error envelope with the list), then the one error line; exit code 1.</summary>
    private static async Task<int> ReportConflictsAsync(CliRuntime runtime, BranchMergeResult result, bool asJson)
    {
        var error = EngineErrors.MergeConflicts(result.Source, result.Target, result.Conflicts);
        var conflicts = result.Conflicts.Select(MergeConflictOutput.From).ToArray();
        if (asJson)
        {
            await CliJson.WriteAsync(runtime.Console.Out, new MergeConflictsErrorOutput(new MergeConflictsErrorBody(error.Code, ErrorText.Bound(error.Message), [.. conflicts])));
        }
        else
        {
            await MergeText.WriteConflictsAsync(runtime.Console.Out, conflicts);
        }

        return await runtime.ReportAsync(error, asJson: false);
    }

    private static async Task WriteTextAsync(TextWriter output, BranchMergeOutput merge)
    {
        if (merge.Commit is not { } commit)
        {
            await output.WriteLineAsync($"{merge.Target} is already up to date with {merge.Source}{(merge.BranchDeleted == true ? $"; deleted branch {merge.Source}" : string.Empty)}");
            return;
        }

        var kind = merge.Outcome == BranchMergeOutcome.FastForward.ToWireName() ? "fast-forward" : "merge";
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"merged {merge.Source} into {merge.Target} ({kind}): commit {commit.GraphCommitId} at manifest version {commit.GraphManifestVersion}{(merge.BranchDeleted == true ? $"; deleted branch {merge.Source}" : string.Empty)}"));
        await MergeText.WriteTablesAsync(output, merge.Tables);
    }
}

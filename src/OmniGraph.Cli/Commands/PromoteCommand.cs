using System.CommandLine;
using System.Globalization;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Cli.Output;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph promote [URI] SOURCE [--into TARGET] (--preview | --confirm DIFF_DIGEST) [--as ACTOR] [--policy FILE]
/// [--json] [--quiet]</c> and <c>omnigraph promote revert [URI] PROMOTION_ID [--as ACTOR] [--policy FILE] [--json]
/// [--quiet]</c>, on a local graph or a served one (<c>--server URL --graph ID</c>: the actor is then the token's): the only way into a protected branch (docs/branches.md, "Protected branches and promotion"). The
/// preview prints the net change and its digest; the confirmation applies exactly that change as one commit; the
/// revert undoes a promotion within the window.
/// </summary>
internal sealed class PromoteCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["promote"];

    public Command Build(CliRuntime runtime)
    {
        var arguments = new GraphAndNameArguments("SOURCE", bindsPolicy: true);
        var into = new Option<string>("--into") { Description = "The branch promoted into (default main)", DefaultValueFactory = static _ => BranchNames.Main, HelpName = "TARGET" };
        var preview = new Option<bool>("--preview") { Description = "Show the change and its digest; write nothing" };
        var confirm = new Option<string?>("--confirm") { Description = "Apply the change whose digest --preview printed", HelpName = "DIFF_DIGEST" };
        var actor = Actor();
        var quiet = CliOptions.Quiet();
        var json = CliOptions.Json();
        var command = new Command("promote", "Promote a branch into a (protected) branch: preview its diff digest, then confirm it");
        arguments.AddTo(command);
        command.Options.Add(into);
        command.Options.Add(preview);
        command.Options.Add(confirm);
        command.Options.Add(actor);
        command.Options.Add(quiet);
        command.Options.Add(json);
        command.Subcommands.Add(BuildRevert(runtime));
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            var targetBranch = parseResult.GetValue(into)!;
            var digest = parseResult.GetValue(confirm);
            var previewOnly = parseResult.GetValue(preview);
            if (previewOnly == (digest is not null))
            {
                throw CliErrors.Usage("promote needs exactly one of --preview (show the change and its digest) and --confirm DIFF_DIGEST (apply it)");
            }

            var (graph, source) = await arguments.OpenAsync(parseResult, cancellationToken);
            await using var _ = graph;
            var console = runtime.Console;
            if (previewOnly)
            {
                var output = await graph.Service.PreviewPromotionAsync(source, targetBranch, cancellationToken);
                await (parseResult.GetValue(json) ? CliJson.WriteAsync(console.Out, output) : WritePreviewAsync(console.Out, output));
                return CliExitCodes.Success;
            }

            arguments.Scope.RefuseActorWhenServed(parseResult, parseResult.GetValue(actor));
            await CliOptions.EchoAsync(runtime, parseResult, quiet, $"promoting branch {source} into {targetBranch} in {graph.Uri} (digest {digest})");
            var promotion = await graph.Service.PromoteAsync(new PromotionRequest(source, targetBranch, digest!) { Actor = parseResult.GetValue(actor) }, cancellationToken);
            if (parseResult.GetValue(json))
            {
                await CliJson.WriteAsync(console.Out, promotion);
            }
            else
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"promoted {promotion.Source} into {promotion.Target}: promotion {promotion.PromotionId}, commit {promotion.Commit.GraphCommitId} at manifest version {promotion.Commit.GraphManifestVersion}"));
                await MergeText.WriteTablesAsync(console.Out, promotion.Tables);
            }

            return CliExitCodes.Success;
        });
        return command;
    }

    private static Command BuildRevert(CliRuntime runtime)
    {
        var arguments = new GraphAndNameArguments("PROMOTION_ID", bindsPolicy: true);
        var actor = Actor();
        var quiet = CliOptions.Quiet();
        var json = CliOptions.Json();
        var command = new Command("revert", "Revert a promotion within the revert window: a new commit restoring the target");
        arguments.AddTo(command);
        command.Options.Add(actor);
        command.Options.Add(quiet);
        command.Options.Add(json);
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            var (graph, promotionId) = await arguments.OpenAsync(parseResult, cancellationToken);
            await using var _ = graph;
            arguments.Scope.RefuseActorWhenServed(parseResult, parseResult.GetValue(actor));
            await CliOptions.EchoAsync(runtime, parseResult, quiet, $"reverting promotion {promotionId} in {graph.Uri}");
            var revert = await graph.Service.RevertPromotionAsync(new PromotionRevertRequest(promotionId) { Actor = parseResult.GetValue(actor) }, cancellationToken);
            if (parseResult.GetValue(json))
            {
                await CliJson.WriteAsync(runtime.Console.Out, revert);
            }
            else
            {
                await runtime.Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"reverted promotion {revert.PromotionId} on {revert.Target}: commit {revert.Commit.GraphCommitId} at manifest version {revert.Commit.GraphManifestVersion}"));
                await MergeText.WriteTablesAsync(runtime.Console.Out, revert.Tables);
            }

            return CliExitCodes.Success;
        });
        return command;
    }

    private static Option<string?> Actor() =>
        CliOptions.Actor("The actor who promotes (checked against --policy; recorded on the commit and in the audit log)");

    private static async Task WritePreviewAsync(TextWriter output, PromotionPreviewOutput preview)
    {
        await output.WriteLineAsync($"promote {preview.Source} ({preview.SourceCommitId}) into {preview.Target} ({preview.TargetCommitId}): {preview.Outcome.Replace('_', ' ')}");
        await MergeText.WriteTablesAsync(output, preview.Tables);
        if (preview.Conflicts.Length > 0)
        {
            await MergeText.WriteConflictsAsync(output, preview.Conflicts);
        }

        await output.WriteLineAsync($"DIFF_DIGEST {preview.DiffDigest}");
    }
}

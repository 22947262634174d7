using System.CommandLine;
using System.Collections.Immutable;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Cli.Output;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph changes poll [URI] [--branch B] [--cursor C | --start now|beginning|after:COMMIT] [--limit N]
/// [--max-commits N] [--kind K]… [--type T]… [--op OP]… [--json]</c>: one poll of a branch's change feed, every page of
/// it; the durable cursor is printed only after the last page.
/// </summary>
internal sealed class ChangesPollCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["changes", "poll"];

    public Command Build(CliRuntime runtime)
    {
        var uri = CliOptions.OptionalUri();
        var graphUri = new Option<string?>("--uri") { Description = "The graph (instead of the positional URI)", HelpName = "URI" };
        var branch = CliOptions.Branch();
        var cursor = new Option<string?>("--cursor") { Description = "Continue after the cursor an earlier poll or a baseline printed", HelpName = "C" };
        var start = new Option<string?>("--start") { Description = "Without a cursor: now (default), beginning, or after:COMMIT", HelpName = "S" };
        var limit = new Option<int>("--limit") { Description = $"Changes per page (default {ChangeLimits.DefaultPageChanges})", DefaultValueFactory = static _ => ChangeLimits.DefaultPageChanges, HelpName = "N" };
        var maxCommits = new Option<int>("--max-commits") { Description = $"Commits per poll (default {ChangeLimits.DefaultPollCommits}, at most {ChangeLimits.MaxPollCommits})", DefaultValueFactory = static _ => ChangeLimits.DefaultPollCommits, HelpName = "N" };
        var scope = new GraphScopeOptions();
        var filter = new ChangeFilterOptions();
        var json = CliOptions.Json();
        var command = new Command("poll", "Read a branch's change feed from a cursor or a starting point") { uri, graphUri, branch, cursor, start, limit, maxCommits, json };
        scope.AddTo(command);
        filter.AddTo(command);
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            if (parseResult.GetValue(cursor) is not null && parseResult.GetValue(start) is not null)
            {
                throw CliErrors.Usage("give --cursor or --start, not both");
            }

            var request = new ChangeFeedRequest(
                parseResult.GetValue(branch)!,
                filter.Resolve(parseResult),
                parseResult.GetValue(cursor),
                parseResult.GetValue(start),
                null,
                parseResult.GetValue(limit),
                parseResult.GetValue(maxCommits));
            await using var graph = await scope.OpenAsync(parseResult, cancellationToken, ("URI", parseResult.GetValue(uri)), ("--uri", parseResult.GetValue(graphUri)));
            var asJson = parseResult.GetValue(json);
            var blocks = ImmutableArray.CreateBuilder<ChangeBlockOutput>();
            var page = await graph.Service.PollChangesAsync(request, cancellationToken);
            while (true)
            {
                if (asJson)
                {
                    Append(blocks, page.Blocks);
                }
                else
                {
                    foreach (var block in page.Blocks)
                    {
                        await runtime.Console.Out.WriteLineAsync(ChangeText.Cause(block.Cause));
                        await ChangeText.WriteChangesAsync(runtime.Console.Out, block.Changes);
                    }
                }

                if (page.NextPageToken is not { } next)
                {
                    break;
                }

                page = await graph.Service.PollChangesAsync(request with { Cursor = null, Start = null, PageToken = next }, cancellationToken);
            }

            if (asJson)
            {
                await CliJson.WriteAsync(runtime.Console.Out, new ChangeFeedOutput(blocks.ToImmutable(), page.Cursor, null, page.CaughtUp));
            }
            else
            {
                await runtime.Console.Out.WriteLineAsync($"cursor: {page.Cursor}");
                await runtime.Console.Out.WriteLineAsync($"caught up: {(page.CaughtUp == true ? "yes" : "no")}");
            }

            return CliExitCodes.Success;
        });
        return command;
    }

    /// <summary>Adds a page's blocks; a block that continues the last one (a commit split across pages) is joined to it.</summary>
    private static void Append(ImmutableArray<ChangeBlockOutput>.Builder blocks, ImmutableArray<ChangeBlockOutput> page)
    {
        foreach (var block in page)
        {
            if (blocks.Count > 0 && string.Equals(blocks[^1].Cause.GraphCommitId, block.Cause.GraphCommitId, StringComparison.Ordinal))
            {
                blocks[^1] = blocks[^1] with { Changes = blocks[^1].Changes.AddRange(block.Changes) };
            }
            else
            {
                blocks.Add(block);
            }
        }
    }
}

using System.CommandLine;
using System.Collections.Immutable;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Cli.Output;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// <c>omnigraph commit changes [URI] COMMIT_ID [--limit N] [--page-token T] [--kind K]… [--type T]… [--op OP]… [--json]</c>:
/// a commit's exact changes against its first parent. Without <c>--page-token</c> it fetches every page (<c>--limit</c>
/// changes each) and prints them as they come; with it, exactly that one page (its <c>next_page_token</c> included).
/// </summary>
internal sealed class CommitChangesCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["commit", "changes"];

    public Command Build(CliRuntime runtime)
    {
        var positionals = new Argument<string[]>("ARGS") { Description = "[URI] COMMIT_ID", Arity = new ArgumentArity(1, 2) };
        var graphUri = new Option<string?>("--uri") { Description = "The graph (instead of the positional URI)", HelpName = "URI" };
        var limit = new Option<int>("--limit") { Description = $"Changes per page (default {ChangeLimits.DefaultPageChanges}, at most {ChangeLimits.MaxPageChanges})", DefaultValueFactory = static _ => ChangeLimits.DefaultPageChanges, HelpName = "N" };
        var pageToken = new Option<string?>("--page-token") { Description = "Fetch exactly the page this token names", HelpName = "T" };
        var scope = new GraphScopeOptions();
        var filter = new ChangeFilterOptions();
        var json = CliOptions.Json();
        var command = new Command("changes", "List a commit's changes against its first parent") { positionals, graphUri, limit, pageToken, json };
        scope.AddTo(command);
        filter.AddTo(command);
        runtime.SetAction(command, json, async (parseResult, cancellationToken) =>
        {
            var values = parseResult.GetValue(positionals)!;
            var token = parseResult.GetValue(pageToken);
            var request = new CommitChangesRequest(values[^1], filter.Resolve(parseResult), parseResult.GetValue(limit), token);
            await using var graph = await scope.OpenAsync(parseResult, cancellationToken, ("URI", values.Length == 2 ? values[0] : null), ("--uri", parseResult.GetValue(graphUri)));
            var asJson = parseResult.GetValue(json);
            var page = await graph.Service.GetCommitChangesAsync(request, cancellationToken);
            if (token is not null)
            {
                await WriteAsync(runtime, page, asJson, header: true);
                return CliExitCodes.Success;
            }

            var all = ImmutableArray.CreateBuilder<EntityChangeOutput>();
            all.AddRange(page.Changes);
            if (!asJson)
            {
                await WriteAsync(runtime, page with { NextPageToken = null }, asJson: false, header: true);
            }

            while (page.NextPageToken is { } next)
            {
                page = await graph.Service.GetCommitChangesAsync(request with { PageToken = next }, cancellationToken);
                all.AddRange(page.Changes);
                if (!asJson)
                {
                    await ChangeText.WriteChangesAsync(runtime.Console.Out, page.Changes);
                }
            }

            if (asJson)
            {
                await CliJson.WriteAsync(runtime.Console.Out, new CommitChangesOutput(page.Cause, all.ToImmutable(), null));
            }

            return CliExitCodes.Success;
        });
        return command;
    }

    private static async Task WriteAsync(CliRuntime runtime, CommitChangesOutput page, bool asJson, bool header)
    {
        if (asJson)
        {
            await CliJson.WriteAsync(runtime.Console.Out, page);
            return;
        }

        if (header)
        {
            await runtime.Console.Out.WriteLineAsync(ChangeText.Cause(page.Cause));
        }

        await ChangeText.WriteChangesAsync(runtime.Console.Out, page.Changes);
        if (page.NextPageToken is { } next)
        {
            await runtime.Console.Out.WriteLineAsync($"next page: {next}");
        }
    }
}

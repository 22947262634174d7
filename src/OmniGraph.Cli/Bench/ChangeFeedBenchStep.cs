using System.Diagnostics;
using System.Text;
using OmniGraph.Cli.Infrastructure;
using OmniGraph.Abstractions;

namespace OmniGraph.Cli.Bench;

/// <summary>
/// <c>change_feed_page1000_p50_ms</c> and <c>commit_changes_page1000_p50_ms</c> (our own keys): on a branch of main,
/// 10 rounds (after 2 untimed) of one merge load giving 1,000 persons a new score, then one poll of the branch's change
/// feed from the previous round's cursor (a page of 1,000 changes with both images: exactly one block of 1,000 updates,
/// caught up) and one page of that commit's changes, each timed alone. The branch is deleted afterwards. A data set
/// with fewer persons (the tests' small one) pages all of them.
/// </summary>
internal sealed class ChangeFeedBenchStep : IBenchStep
{
    private const int Rounds = 10;
    private const int Warmup = 2;
    private const string Branch = "bench/changes";

    public string Name => "change feed";

    public async Task RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var persons = BenchPersons.First(context.DataFile("person.csv"), ChangeLimits.DefaultPageChanges);
        var changes = persons.Count > 0 ? persons.Count : throw CliErrors.BenchData("the change feed step needs persons, the data set has none");

        await context.Graph.CreateBranchAsync(Branch, cancellationToken: cancellationToken);
        var cursor = (await context.Graph.PollChangesAsync(new ChangeFeedRequest(Branch, ChangeFilter.All), cancellationToken)).Cursor;
        var polls = new List<double>(Rounds);
        var pages = new List<double>(Rounds);
        for (var round = 0; round < Warmup + Rounds; round++)
        {
            var lines = new StringBuilder();
            foreach (var person in persons)
            {
                BenchPersons.AppendLine(lines, person, 5000 + round);
            }

            var load = await context.Graph.LoadJsonlAsync(lines.ToString(), GraphLoadMode.Merge, Branch, cancellationToken: cancellationToken);
            var commit = load.Commit?.GraphCommitId ?? throw CliErrors.BenchData("the change feed step's load published no commit");

            var start = Stopwatch.GetTimestamp();
            var poll = await context.Graph.PollChangesAsync(new ChangeFeedRequest(Branch, ChangeFilter.All, Cursor: cursor, Limit: changes), cancellationToken);
            var polled = BenchContext.ElapsedMilliseconds(start);
            if (poll is not { Blocks: [var block], CaughtUp: true, Cursor: not null } || block.Cause.GraphCommitId != commit || block.Changes.Length != changes || block.Changes.Any(static c => c.Op != "update"))
            {
                throw CliErrors.BenchData($"the poll after commit {commit} returned {poll.Blocks.Length} blocks of {string.Join("/", poll.Blocks.Select(static b => b.Changes.Length))} changes, expected one block of {changes} updates");
            }

            cursor = poll.Cursor;
            start = Stopwatch.GetTimestamp();
            var page = await context.Graph.GetCommitChangesAsync(new CommitChangesRequest(commit, ChangeFilter.All, changes), cancellationToken);
            var paged = BenchContext.ElapsedMilliseconds(start);
            if (page.Changes.Length != changes || page.NextPageToken is not null)
            {
                throw CliErrors.BenchData($"the change page of commit {commit} holds {page.Changes.Length} changes, expected {changes} on one page");
            }

            if (round >= Warmup)
            {
                polls.Add(polled);
                pages.Add(paged);
            }
        }

        await context.Graph.DeleteBranchAsync(Branch, cancellationToken);
        context.Results["change_feed_page1000_p50_ms"] = BenchContext.Median(polls);
        context.Results["commit_changes_page1000_p50_ms"] = BenchContext.Median(pages);
    }
}

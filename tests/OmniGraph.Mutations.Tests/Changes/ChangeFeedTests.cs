using OmniGraph.Abstractions;
using OmniGraph.Mutations.Tests.Support;
using OmniGraph.Storage;

namespace OmniGraph.Mutations.Tests.Changes;

/// <summary>The change feed: first-parent blocks, pages, durable cursors, baselines, and every refusal of a stale or foreign cursor.</summary>
public sealed class ChangeFeedTests
{
    [Fact]
    public async Task Feed_FromNow_DeliversLaterCommits_OncePerCursor_AndResumesExactly()
    {
        await using var host = await MutationHost.StandardAsync();
        var now = await host.Client.PollChangesAsync(new ChangeFeedRequest("main", ChangeFilter.All));
        Assert.Empty(now.Blocks);
        Assert.True(now.CaughtUp);
        Assert.NotNull(now.Cursor);

        var eve = await host.MutateAsync("insert_person", """{"name":"Eve","age":22}""");
        var bob = await host.MutateAsync("set_age", """{"name":"Bob","age":26}""");
        var poll = await host.Client.PollChangesAsync(new ChangeFeedRequest("main", ChangeFilter.All, Cursor: now.Cursor));
        Assert.Equal([eve.Commit!.GraphCommitId, bob.Commit!.GraphCommitId], poll.Blocks.Select(static b => b.Cause.GraphCommitId));
        Assert.Equal(("Eve", "insert"), (Assert.Single(poll.Blocks[0].Changes).Id, poll.Blocks[0].Changes[0].Op));
        Assert.Equal(("Bob", "update"), (Assert.Single(poll.Blocks[1].Changes).Id, poll.Blocks[1].Changes[0].Op));
        Assert.Equal(eve.Commit.GraphCommitId, poll.Blocks[1].Cause.ParentCommitId);
        Assert.True(poll.CaughtUp);

        // Replaying the same cursor yields the same blocks (at-least-once, idempotent by commit and entity); the new cursor yields nothing.
        var replay = await host.Client.PollChangesAsync(new ChangeFeedRequest("main", ChangeFilter.All, Cursor: now.Cursor));
        Assert.Equal(poll.Blocks.Select(static b => b.Cause.GraphCommitId), replay.Blocks.Select(static b => b.Cause.GraphCommitId));
        Assert.Equal(poll.Cursor, replay.Cursor);
        var empty = await host.Client.PollChangesAsync(new ChangeFeedRequest("main", ChangeFilter.All, Cursor: poll.Cursor));
        Assert.Empty(empty.Blocks);
        Assert.Equal(poll.Cursor, empty.Cursor);
    }

    [Fact]
    public async Task Feed_PagesInsideACommit_CarryOnlyAPageToken_AndTheCommitLimitEndsAPollEarly()
    {
        await using var host = await MutationHost.StandardAsync();
        var start = await host.Client.PollChangesAsync(new ChangeFeedRequest("main", ChangeFilter.All));
        var load = await host.LoadAsync(
            """
            {"type":"Person","data":{"name":"feed-A","age":1}}
            {"type":"Person","data":{"name":"feed-B","age":2}}
            {"type":"Person","data":{"name":"feed-C","age":3}}
            """,
            GraphLoadMode.Merge);
        var eve = await host.MutateAsync("insert_person", """{"name":"Eve","age":22}""");

        var first = await host.Client.PollChangesAsync(new ChangeFeedRequest("main", ChangeFilter.All, Cursor: start.Cursor, Limit: 2));
        Assert.Equal((null, (bool?)null), (first.Cursor, first.CaughtUp));
        Assert.Equal(["feed-A", "feed-B"], Assert.Single(first.Blocks).Changes.Select(static c => c.Id));
        var second = await host.Client.PollChangesAsync(new ChangeFeedRequest("main", ChangeFilter.All, PageToken: first.NextPageToken, Limit: 2));
        Assert.Equal([load.Commit!.GraphCommitId, eve.Commit!.GraphCommitId], second.Blocks.Select(static b => b.Cause.GraphCommitId));
        Assert.Equal(["feed-C"], second.Blocks[0].Changes.Select(static c => c.Id));
        Assert.True(second.CaughtUp);

        var limited = await host.Client.PollChangesAsync(new ChangeFeedRequest("main", ChangeFilter.All, Cursor: start.Cursor, MaxCommits: 1));
        Assert.Equal(load.Commit.GraphCommitId, Assert.Single(limited.Blocks).Cause.GraphCommitId);
        Assert.False(limited.CaughtUp);
        var rest = await host.Client.PollChangesAsync(new ChangeFeedRequest("main", ChangeFilter.All, Cursor: limited.Cursor));
        Assert.Equal(eve.Commit.GraphCommitId, Assert.Single(rest.Blocks).Cause.GraphCommitId);
    }

    [Fact]
    public async Task Feed_FollowsFirstParents_IncludingInheritedHistory_AndMergeCommits()
    {
        await using var host = await MutationHost.StandardAsync();
        await host.Client.CreateBranchAsync("feature");
        var eve = await host.MutateAsync("insert_person", """{"name":"Eve","age":22}""", branch: "feature");
        var beginning = await host.Client.PollChangesAsync(new ChangeFeedRequest("feature", ChangeFilter.All, Start: "beginning"));
        var commits = (await host.Client.ListCommitsAsync("feature")).Commits.Reverse().Skip(1).Select(static c => c.GraphCommitId);
        Assert.Equal(commits, beginning.Blocks.Select(static b => b.Cause.GraphCommitId));
        Assert.Equal("feature", beginning.Blocks[^1].Cause.AuthoredBranch);

        var mainCursor = (await host.Client.PollChangesAsync(new ChangeFeedRequest("main", ChangeFilter.All))).Cursor;
        var merge = await host.Client.MergeBranchAsync(new BranchMergeRequest("feature"));
        var merged = await host.Client.PollChangesAsync(new ChangeFeedRequest("main", ChangeFilter.All, Cursor: mainCursor));
        var block = Assert.Single(merged.Blocks);
        Assert.Equal((merge.Commit!.Id, eve.Commit!.GraphCommitId), (block.Cause.GraphCommitId, block.Cause.MergedParentCommitId));
        Assert.Equal("Eve", Assert.Single(block.Changes).Id);

        var after = await host.Client.PollChangesAsync(new ChangeFeedRequest("feature", ChangeFilter.All, Start: $"after:{eve.Commit.GraphCommitId}"));
        Assert.Empty(after.Blocks);
        var offChain = await Assert.ThrowsAsync<OmniGraphException>(() => host.Client.PollChangesAsync(new ChangeFeedRequest("main", ChangeFilter.All, Start: $"after:{eve.Commit.GraphCommitId}")));
        Assert.Equal(ErrorCodes.InvalidChangeRequest, offChain.Code);
    }

    [Fact]
    public async Task Feed_RefusesForeignStaleAndMalformedCursors()
    {
        await using var host = await MutationHost.StandardAsync();
        await host.Client.CreateBranchAsync("feature");
        var cursor = (await host.Client.PollChangesAsync(new ChangeFeedRequest("feature", ChangeFilter.All))).Cursor;

        async Task<OmniGraphException> Refused(ChangeFeedRequest request) =>
            await Assert.ThrowsAsync<OmniGraphException>(() => host.Client.PollChangesAsync(request));

        Assert.Equal(ErrorCodes.ChangeCursorRejected, (await Refused(new ChangeFeedRequest("main", ChangeFilter.All, Cursor: cursor))).Code);
        Assert.Equal(ErrorCodes.ChangeCursorRejected, (await Refused(new ChangeFeedRequest("feature", ChangeFilter.Parse(["edge"], null, null), Cursor: cursor))).Code);
        Assert.Equal(ErrorCodes.ChangeCursorRejected, (await Refused(new ChangeFeedRequest("feature", ChangeFilter.All, Cursor: "garbage"))).Code);
        Assert.Equal(ErrorCodes.ChangeCursorRejected, (await Refused(new ChangeFeedRequest("feature", ChangeFilter.All, Cursor: new string('A', ChangeLimits.MaxTokenLength + 1)))).Code);
        Assert.Equal(ErrorCodes.InvalidChangeRequest, (await Refused(new ChangeFeedRequest("feature", ChangeFilter.All, Cursor: cursor, Start: "now"))).Code);
        Assert.Equal(ErrorCodes.InvalidChangeRequest, (await Refused(new ChangeFeedRequest("feature", ChangeFilter.All, Start: "yesterday"))).Code);
        Assert.Equal(ErrorCodes.InvalidChangeRequest, (await Refused(new ChangeFeedRequest("feature", ChangeFilter.All, Start: "after:"))).Code);
        Assert.Equal(ErrorCodes.InvalidChangeRequest, (await Refused(new ChangeFeedRequest("feature", ChangeFilter.All, MaxCommits: ChangeLimits.MaxPollCommits + 1))).Code);
        Assert.Equal(ErrorCodes.BranchNotFound, (await Refused(new ChangeFeedRequest("nope", ChangeFilter.All))).Code);

        // ABA: the same name, another branch.
        await host.Client.DeleteBranchAsync("feature");
        await host.Client.CreateBranchAsync("feature");
        var aba = await Refused(new ChangeFeedRequest("feature", ChangeFilter.All, Cursor: cursor));
        Assert.Equal(ErrorCodes.ChangeCursorRejected, aba.Code);
        Assert.Contains("deleted and created again", aba.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_WhoseHistoryIsGone_IsHistoryReclaimed_AndABaselineRecovers()
    {
        var store = new MemoryObjectStore();
        string cursor;
        await using (var host = await MutationHost.InitAsync(Testing.Fixtures.AcceptanceFixtures.TestSchema, Testing.Fixtures.AcceptanceFixtures.TestData, store))
        {
            cursor = (await host.Client.PollChangesAsync(new ChangeFeedRequest("main", ChangeFilter.All))).Cursor!;
            await host.MutateAsync("insert_person", """{"name":"Eve","age":22}""");
            await host.MutateAsync("set_age", """{"name":"Bob","age":26}""");
        }

        var head = await FindManifestsAsync(store);
        await store.DeleteAsync(head[^2], WriteCondition.None);
        await using var reopened = await MutationHost.StartAsync(store);
        var gone = await Assert.ThrowsAsync<OmniGraphException>(() => reopened.Client.PollChangesAsync(new ChangeFeedRequest("main", ChangeFilter.All, Cursor: cursor)));
        Assert.Equal((ErrorCodes.HistoryReclaimed, ErrorKind.Gone, 410), (gone.Code, gone.Kind, gone.Kind.HttpStatus()));

        using var baseline = new MemoryStream();
        var record = await reopened.Client.WriteBaselineAsync(baseline, new ChangeBaselineRequest("main", ChangeFilter.All));
        var lines = System.Text.Encoding.UTF8.GetString(baseline.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("""{"baseline":{"snapshot_commit_id":""", lines[^1], StringComparison.Ordinal);
        Assert.Equal(13, lines.Length); // 11 records, Eve, the baseline line
        Assert.Contains(lines, static l => l.Contains("\"Eve\"", StringComparison.Ordinal));
        Assert.Equal((await reopened.HeadAsync()).Commit.Id, record.Baseline.SnapshotCommitId);
        var resumed = await reopened.Client.PollChangesAsync(new ChangeFeedRequest("main", ChangeFilter.All, Cursor: record.Baseline.ResumeCursor));
        Assert.Empty(resumed.Blocks);
        var frank = await reopened.MutateAsync("insert_person", """{"name":"Frank","age":40}""");
        var next = await reopened.Client.PollChangesAsync(new ChangeFeedRequest("main", ChangeFilter.All, Cursor: record.Baseline.ResumeCursor));
        Assert.Equal(frank.Commit!.GraphCommitId, Assert.Single(next.Blocks).Cause.GraphCommitId);
    }

    private static async Task<List<string>> FindManifestsAsync(IObjectStore store)
    {
        var keys = (await store.ListAsync("manifests/")).Objects.Select(static o => o.Key).ToList();
        keys.Sort(StringComparer.Ordinal);
        return keys;
    }
}

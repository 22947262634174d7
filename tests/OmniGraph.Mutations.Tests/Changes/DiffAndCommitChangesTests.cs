using System.Text.Json;
using OmniGraph.Abstractions;
using OmniGraph.Mutations.Tests.Support;

namespace OmniGraph.Mutations.Tests.Changes;

/// <summary>Net diffs between read targets and exact per-commit change pages (AC-47, AC-46's diff).</summary>
public sealed class DiffAndCommitChangesTests
{
    [Fact]
    public async Task Diff_ListsEveryNetChange_ByTableKey_WithEndpointsForEdges()
    {
        await using var host = await MutationHost.StandardAsync();
        var start = (await host.HeadAsync()).Commit.Id;
        var none = await host.Client.DiffAsync(new GraphDiffRequest(start, start, ChangeFilter.All));
        Assert.Empty(none.Changes);
        Assert.Equal(new ChangeStatsOutput(0, 0, 0, 0), none.Stats);

        await host.MutateAsync("insert_person", """{"name":"Eve","age":22}""");
        var inserted = await host.Client.DiffAsync(new GraphDiffRequest(start, "main", ChangeFilter.All));
        Assert.Equal(new NetChangeOutput("node", "Person", "Eve", "insert", null), Assert.Single(inserted.Changes));

        await host.MutateAsync("set_age", """{"name":"Bob","age":99}""");
        await host.MutateAsync("remove_person", """{"name":"Alice"}""");
        await host.MutateAsync("add_friend", """{"from":"Bob","to":"Charlie"}""");
        var diff = await host.Client.DiffAsync(new GraphDiffRequest(start, "main", ChangeFilter.All));
        Assert.Equal(
            ["edge:Knows:delete", "edge:Knows:delete", "edge:Knows:insert", "edge:WorksAt:delete", "node:Person:delete", "node:Person:insert", "node:Person:update"],
            diff.Changes.Select(static c => $"{c.Kind}:{c.TypeName}:{c.Op}").Order(StringComparer.Ordinal));
        Assert.Equal(diff.Changes.Select(static c => $"{c.Kind}:{c.TypeName}").ToArray(), diff.Changes.Select(static c => $"{c.Kind}:{c.TypeName}").Order(StringComparer.Ordinal).ToArray());
        Assert.All(diff.Changes.Where(static c => c.Kind == "edge"), static c => Assert.False(string.IsNullOrEmpty(c.Endpoints?.From)));
        Assert.Equal("Bob", diff.Changes.Single(static c => c.Kind == "edge" && c.Op == "insert").Endpoints!.From);
        Assert.Equal(new ChangeStatsOutput(2, 1, 4, 3), diff.Stats);

        var companies = await host.Client.DiffAsync(new GraphDiffRequest(start, "main", ChangeFilter.Parse(null, ["Company"], null)));
        Assert.Empty(companies.Changes);
        var inserts = await host.Client.DiffAsync(new GraphDiffRequest(start, "main", ChangeFilter.Parse(null, null, ["insert"])));
        Assert.All(inserts.Changes, static c => Assert.Equal("insert", c.Op));
        Assert.Equal(2, inserts.Changes.Length);
    }

    [Fact]
    public async Task Diff_AcrossBranches_SeesAnEmptyStringSetOverNull()
    {
        const string schema = """
            node Doc {
                slug: String @key
                body: String?
            }
            """;
        await using var host = await MutationHost.InitAsync(schema, """{"type":"Doc","data":{"slug":"x"}}""");
        await host.Client.CreateBranchAsync("feature");
        await host.MutateAsync(null, """{"slug":"x"}""", """query q($slug: String) { update Doc set { body: "" } where slug = $slug }""", branch: "feature");
        var diff = await host.Client.DiffAsync(new GraphDiffRequest("main", "feature", ChangeFilter.All));
        Assert.Equal(new NetChangeOutput("node", "Doc", "x", "update", null), Assert.Single(diff.Changes));
        Assert.Equal("feature", diff.GraphBranch);
    }

    [Fact]
    public async Task Diff_RefusesUnknownTargets()
    {
        await using var host = await MutationHost.StandardAsync();
        var missing = await Assert.ThrowsAsync<OmniGraphException>(() => host.Client.DiffAsync(new GraphDiffRequest("main", "nope", ChangeFilter.All)));
        Assert.Equal(ErrorCodes.BranchNotFound, missing.Code);
        var unknownCommit = await Assert.ThrowsAsync<OmniGraphException>(() => host.Client.DiffAsync(new GraphDiffRequest("main", Ulid.NewUlid().ToString(), ChangeFilter.All)));
        Assert.Equal(ErrorCodes.CommitNotFound, unknownCommit.Code);
        var empty = await Assert.ThrowsAsync<OmniGraphException>(() => host.Client.DiffAsync(new GraphDiffRequest(" ", "main", ChangeFilter.All)));
        Assert.Equal(ErrorCodes.InvalidChangeRequest, empty.Code);
        var kind = Assert.Throws<OmniGraphException>(() => ChangeFilter.Parse(["table"], null, null));
        Assert.Equal(ErrorCodes.InvalidChangeRequest, kind.Code);
        Assert.Equal(ErrorCodes.InvalidChangeRequest, Assert.Throws<OmniGraphException>(() => ChangeFilter.Parse(null, null, ["upsert"])).Code);
    }

    [Fact]
    public async Task CommitChanges_ArePagedInOrder_WithImages()
    {
        await using var host = await MutationHost.StandardAsync();
        var load = await host.LoadAsync(
            """
            {"type":"Person","data":{"name":"feed-C","age":3}}
            {"type":"Person","data":{"name":"feed-A","age":1}}
            {"type":"Person","data":{"name":"feed-B","age":2}}
            """,
            GraphLoadMode.Merge);
        var commit = load.Commit!.GraphCommitId;
        var first = await host.Client.GetCommitChangesAsync(new CommitChangesRequest(commit, ChangeFilter.All, Limit: 2));
        Assert.Equal(["feed-A", "feed-B"], first.Changes.Select(static c => c.Id));
        Assert.All(first.Changes, static c => Assert.Equal(("insert", (EntityImageOutput?)null), (c.Op, c.Before)));
        Assert.Equal("""{"name":"feed-A","age":1}""", first.Changes[0].After!.Properties);
        Assert.Equal(commit, first.Cause.GraphCommitId);
        Assert.NotNull(first.NextPageToken);

        var second = await host.Client.GetCommitChangesAsync(new CommitChangesRequest(commit, ChangeFilter.All, 2, first.NextPageToken));
        var last = Assert.Single(second.Changes);
        Assert.Equal(("feed-C", 3), (last.Id, JsonDocument.Parse(last.After!.Properties).RootElement.GetProperty("age").GetInt32()));
        Assert.Null(second.NextPageToken);

        var update = await host.MutateAsync("set_age", """{"name":"Bob","age":99}""");
        var page = await host.Client.GetCommitChangesAsync(new CommitChangesRequest(update.Commit!.GraphCommitId, ChangeFilter.All));
        var bob = Assert.Single(page.Changes);
        Assert.Equal(("update", "Person", "Bob"), (bob.Op, bob.Type.Name, bob.Id));
        Assert.Equal(25, JsonDocument.Parse(bob.Before!.Properties).RootElement.GetProperty("age").GetInt32());
        Assert.Equal(99, JsonDocument.Parse(bob.After!.Properties).RootElement.GetProperty("age").GetInt32());
    }

    [Fact]
    public async Task CommitChanges_OfADelete_ListNodesBeforeEdges_AndPageOneByOneToTheSameSequence()
    {
        await using var host = await MutationHost.StandardAsync();
        var delete = await host.MutateAsync("remove_person", """{"name":"Alice"}""");
        var commit = delete.Commit!.GraphCommitId;
        var all = await host.Client.GetCommitChangesAsync(new CommitChangesRequest(commit, ChangeFilter.All));
        Assert.All(all.Changes, static c => Assert.Equal(("delete", (EntityImageOutput?)null), (c.Op, c.After)));
        Assert.Equal("node", all.Changes[0].Kind);
        Assert.Equal(all.Changes.Select(static c => c.Kind).ToArray(), all.Changes.Select(static c => c.Kind).OrderBy(static k => k == "edge").ToArray());
        Assert.All(all.Changes.Where(static c => c.Kind == "edge"), static c => Assert.Equal("Alice", c.Before!.Endpoints!.From));
        Assert.Equal(4, all.Changes.Length);

        var single = new List<EntityChangeOutput>();
        string? token = null;
        do
        {
            var page = await host.Client.GetCommitChangesAsync(new CommitChangesRequest(commit, ChangeFilter.All, 1, token));
            single.AddRange(page.Changes);
            token = page.NextPageToken;
        }
        while (token is not null);
        Assert.Equal(all.Changes, single);
    }

    [Fact]
    public async Task CommitChanges_RefuseGenesis_BadTokensAndLimits()
    {
        await using var host = await MutationHost.StandardAsync();
        var commits = (await host.Client.ListCommitsAsync()).Commits;
        var genesis = commits[^1].GraphCommitId;
        var parentless = await Assert.ThrowsAsync<OmniGraphException>(() => host.Client.GetCommitChangesAsync(new CommitChangesRequest(genesis, ChangeFilter.All)));
        Assert.Equal((ErrorCodes.ParentlessCommit, ErrorKind.Conflict), (parentless.Code, parentless.Kind));

        var load = commits[0].GraphCommitId;
        var page = await host.Client.GetCommitChangesAsync(new CommitChangesRequest(load, ChangeFilter.All, 2));
        var otherFilter = await Assert.ThrowsAsync<OmniGraphException>(() => host.Client.GetCommitChangesAsync(new CommitChangesRequest(load, ChangeFilter.Parse(["node"], null, null), 2, page.NextPageToken)));
        Assert.Equal(ErrorCodes.ChangeCursorRejected, otherFilter.Code);
        Assert.StartsWith("change cursor rejected", otherFilter.Message, StringComparison.Ordinal);
        var tampered = page.NextPageToken![..^3] + (page.NextPageToken[^3] == 'A' ? "BBB" : "AAA");
        Assert.Equal(ErrorCodes.ChangeCursorRejected, (await Assert.ThrowsAsync<OmniGraphException>(() => host.Client.GetCommitChangesAsync(new CommitChangesRequest(load, ChangeFilter.All, 2, tampered)))).Code);
        Assert.Equal(ErrorCodes.ChangeCursorRejected, (await Assert.ThrowsAsync<OmniGraphException>(() => host.Client.GetCommitChangesAsync(new CommitChangesRequest(load, ChangeFilter.All, 2, "not a token")))).Code);

        var update = await host.MutateAsync("set_age", """{"name":"Bob","age":99}""");
        var otherCommit = await Assert.ThrowsAsync<OmniGraphException>(() => host.Client.GetCommitChangesAsync(new CommitChangesRequest(update.Commit!.GraphCommitId, ChangeFilter.All, 2, page.NextPageToken)));
        Assert.Equal(ErrorCodes.ChangeCursorRejected, otherCommit.Code);

        Assert.Equal(ErrorCodes.InvalidChangeRequest, (await Assert.ThrowsAsync<OmniGraphException>(() => host.Client.GetCommitChangesAsync(new CommitChangesRequest(load, ChangeFilter.All, 0)))).Code);
        var tooMany = await Assert.ThrowsAsync<OmniGraphException>(() => host.Client.GetCommitChangesAsync(new CommitChangesRequest(load, ChangeFilter.All, ChangeLimits.MaxPageChanges + 1)));
        Assert.Equal((ErrorCodes.ResourceLimit, ErrorKind.TooLarge), (tooMany.Code, tooMany.Kind));
        Assert.Equal(ErrorCodes.CommitNotFound, (await Assert.ThrowsAsync<OmniGraphException>(() => host.Client.GetCommitChangesAsync(new CommitChangesRequest(Ulid.NewUlid().ToString(), ChangeFilter.All)))).Code);
    }

    [Fact]
    public async Task AChangeReadCostsTheChange_NotTheTable()
    {
        await using var host = await MutationHost.InitAsync(Testing.Fixtures.AcceptanceFixtures.TestSchema);
        var rows = string.Join('\n', Enumerable.Range(0, 5_000).Select(static i => "{\"type\":\"Person\",\"data\":{\"name\":\"p" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture) + "\",\"age\":" + (i % 90).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}}"));
        await host.LoadAsync(rows, GraphLoadMode.Overwrite);
        var before = await host.HeadAsync();
        await host.MutateAsync(null, """{"name":"p00042","age":7}""", """query q($name: String, $age: I32) { update Person set { age: $age } where name = $name }""");
        var after = await host.HeadAsync();
        var page = await host.Table("node:Person").ReadChangesAsync(before.GetTable("node:Person"), after.GetTable("node:Person"), new TableChangeRequest(null, 100, []));
        Assert.Equal("p00042", Assert.Single(page.Ids));
        Assert.True(page.Examined <= 2, $"examined {page.Examined} ids for a one-row change");
    }
}

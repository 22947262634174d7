using OmniGraph.Abstractions;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Mutations.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Assertions;
using OmniGraph.Testing.Fixtures;
using OmniGraph.Testing.IO;
using OmniGraph.Testing.Tables;

namespace OmniGraph.Mutations.Tests.Acceptance;

/// <summary>AC-46, mutation parts: receipts name the exact commit, no-ops publish nothing, actors are recorded, and compare-and-swap on the branch head.</summary>
public sealed class ReceiptAndCompareAndSwapTests
{
    [Fact]
    public async Task Receipt_IsTheCommitThatCommitShowReturns()
    {
        await using var host = await MutationHost.StandardAsync();
        var parent = await host.HeadAsync();

        var change = await host.MutateAsync("insert_person", """{"name":"Eve","age":22}""");

        Assert.NotNull(change.Commit);
        Assert.Equal(parent.Commit.Id, change.Commit.ParentCommitId);
        var shown = await host.Client.GetCommitAsync(change.Commit.GraphCommitId);
        Assert.Equal(change.Commit, shown);
        Assert.Equal("mutation", (await host.HeadAsync()).Commit.Kind);
    }

    /// <summary>
    /// AC-46's "diff(P, C) = [(node:Person, Eve, Insert)]", read from the two snapshots: every table at C equals the
    /// table at P except that Person gained exactly Eve. (The diff API itself belongs to the change-feed step.)
    /// </summary>
    [Fact]
    public async Task Receipt_CommitHoldsExactlyTheInsertedRow()
    {
        await using var host = await MutationHost.StandardAsync();
        var parent = await host.HeadAsync();

        var change = await host.MutateAsync("insert_person", """{"name":"Eve","age":22}""");

        var child = await host.Client.ResolveSnapshotAsync(SnapshotTarget.AtCommit(change.Commit!.GraphCommitId));
        foreach (var table in new[] { "node:Person", "node:Company", "edge:Knows", "edge:WorksAt" })
        {
            var before = Render(await host.RowsAsync(table, parent));
            var after = Render(await host.RowsAsync(table, child));
            var expected = table == "node:Person" ? [.. before, "Eve|||age=22,name=Eve"] : before;
            Assert.Equal(expected.Order(StringComparer.Ordinal), after);
        }

        static List<string> Render(IReadOnlyList<StoredRow> rows) =>
            [.. rows.Select(static r => $"{r.Id}|{r.Source}|{r.Target}|{string.Join(",", r.Cells.OrderBy(static c => c.Key, StringComparer.Ordinal).Select(static c => $"{c.Key}={c.Value}"))}")
                .Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task NoOp_HasNoCommit_AndLeavesTheHead()
    {
        await using var host = await MutationHost.StandardAsync();
        var head = await host.HeadAsync();

        var change = await host.MutateAsync("set_age", """{"name":"Missing","age":22}""");

        Assert.Equal(0, change.AffectedNodes);
        Assert.Null(change.Commit);
        Assert.Equal(0, change.Attempts);
        Assert.Equal(head.Commit, (await host.HeadAsync()).Commit);
    }

    [Fact]
    public async Task Actor_IsRecordedOnTheCommit()
    {
        await using var host = await MutationHost.StandardAsync();

        var change = await host.MutateAsync("insert_person", """{"name":"Eve","age":22}""", actor: "act-andrew");

        Assert.Equal("act-andrew", change.ActorId);
        Assert.Equal("act-andrew", change.Commit!.ActorId);
        Assert.Equal("act-andrew", (await host.HeadAsync()).Commit.Actor);
    }

    [Fact]
    public async Task ConditionalUpdate_WithAStaleHead_FailsWithBothHeads_AndWritesNothing()
    {
        await using var host = await MutationHost.StandardAsync();
        var h0 = (await host.HeadAsync()).Commit.Id;
        var h1 = (await host.MutateAsync("set_age", """{"name":"Alice","age":31}""")).Commit!.GraphCommitId;

        var error = await Assert.ThrowsAsync<GraphPreconditionFailedException>(() => host.MutateAsync("set_age", """{"name":"Alice","age":52}""", expectedHead: h0));

        Assert.Equal("precondition_failure", error.Code);
        Assert.Equal(("main", h0, h1), (error.Branch, error.Expected, error.Actual));
        Assert.Equal(h1, (await host.HeadAsync()).Commit.Id);
        Assert.Equal("31", (await host.FindAsync("node:Person", "Alice"))!["age"]);
    }

    [Fact]
    public async Task ConditionalUpdate_WithTheCurrentHead_Succeeds_OnTopOfIt()
    {
        await using var host = await MutationHost.StandardAsync();
        var h1 = (await host.MutateAsync("set_age", """{"name":"Alice","age":31}""")).Commit!.GraphCommitId;

        var change = await host.MutateAsync("set_age", """{"name":"Alice","age":52}""", expectedHead: h1);

        Assert.Equal(h1, change.Commit!.ParentCommitId);
        Assert.Equal("52", (await host.FindAsync("node:Person", "Alice"))!["age"]);
    }

    [Fact]
    public async Task ConditionalNoOp_WithTheCurrentHead_SucceedsWithoutACommit()
    {
        await using var host = await MutationHost.StandardAsync();
        var head = (await host.HeadAsync()).Commit.Id;

        var change = await host.MutateAsync("set_age", """{"name":"Missing","age":22}""", expectedHead: head);

        Assert.Null(change.Commit);
        Assert.Equal(head, (await host.HeadAsync()).Commit.Id);
    }

    [Fact]
    public async Task ConditionalNoOp_WithAStaleHead_FailsToo()
    {
        await using var host = await MutationHost.StandardAsync();
        var h0 = (await host.HeadAsync()).Commit.Id;
        await host.MutateAsync("set_age", """{"name":"Alice","age":31}""");

        await Assert.ThrowsAsync<GraphPreconditionFailedException>(() => host.MutateAsync("set_age", """{"name":"Missing","age":22}""", expectedHead: h0));
    }

    [Fact]
    public async Task ConditionalInsertOnly_WithAStaleHead_IsNeverRetried()
    {
        await using var host = await MutationHost.StandardAsync();
        var h0 = (await host.HeadAsync()).Commit.Id;
        await host.MutateAsync("insert_person", """{"name":"Eve","age":22}""");

        var error = await Assert.ThrowsAsync<GraphPreconditionFailedException>(() => host.MutateAsync("insert_person", """{"name":"Zed","age":40}""", expectedHead: h0));

        Assert.Equal(h0, error.Expected);
        Assert.Null(await host.FindAsync("node:Person", "Zed"));
    }

    /// <summary>The head moves after the mutation's early check: the write coordinator checks again under the write entry, and nothing is retried.</summary>
    [Fact]
    public async Task ConditionalInsertOnly_HeadMovingAfterItsCheck_FailsBeforeAnyEffect()
    {
        await using var host = await MutationHost.StandardAsync();
        var h0 = (await host.HeadAsync()).Commit.Id;
        var pause = host.Failpoints.Arm(Failpoints.CommitSidecarWrite, FailpointAction.PauseBefore);
        var other = host.MutateAsync("insert_person", """{"name":"Other","age":1}""");
        await pause.Fired.WaitAsync(TimeSpan.FromSeconds(30));

        // The other write stands just before its sidecar; this one passes its early check against h0, then waits behind it.
        var conditional = host.MutateAsync("insert_person", """{"name":"Zed","age":40}""", expectedHead: h0);
        await Task.Delay(100);
        pause.Release();
        await other;

        var error = await Assert.ThrowsAsync<GraphPreconditionFailedException>(() => conditional);
        Assert.Equal(h0, error.Expected);
        Assert.Null(await host.FindAsync("node:Person", "Zed"));
    }

    /// <summary>Two silos on one directory: the stale one's insert lands on top of the other's commit; the history stays one line.</summary>
    [Fact]
    public async Task StaleHandle_Insert_IsLinearOnTopOfTheOtherCommit()
    {
        using var directory = new TempDirectory();
        await using (await MutationHost.InitAsync(AcceptanceFixtures.TestSchema, AcceptanceFixtures.TestData, new LocalDirectoryObjectStore(directory.Path)))
        {
        }

        await using var a = await MutationHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        await using var b = await MutationHost.StartAsync(new LocalDirectoryObjectStore(directory.Path));
        var c0 = (await a.HeadAsync()).Commit.Id;

        var c1 = (await b.MutateAsync("insert_person", """{"name":"Eve","age":22}""")).Commit!;
        var c2 = (await a.MutateAsync("insert_person", """{"name":"Frank","age":33}""")).Commit!;

        Assert.Equal(c0, c1.ParentCommitId);
        Assert.Equal(c1.GraphCommitId, c2.ParentCommitId);
        var history = await GraphAssertions.LinearHistoryAsync(a);
        Assert.Single(history, c => c.ParentId == c0);
    }
}

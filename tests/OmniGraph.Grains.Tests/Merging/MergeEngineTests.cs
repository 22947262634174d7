using OmniGraph.Arrow;
using OmniGraph.Abstractions;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Assertions;
using OmniGraph.Testing.Errors;

namespace OmniGraph.Grains.Tests.Merging;

/// <summary>
/// Merges on the engine's own write API: outcomes and the two-parent merge commit, cost that follows the change (the
/// ids examined, not the table's size), edits that cancel out, every conflict kind reported at once with nothing
/// written, typed errors for bad requests, and concurrent merges into one target.
/// </summary>
public sealed class MergeEngineTests
{
    private const string RuledSchema = """
        node Person {
            name: String @key
            age: I32?
            role: enum(admin, member)?
            @range(age, 0..150)
        }
        """;

    [Fact]
    public async Task FastForward_TakesTheSourceChanges_AsOneCommitWithTwoParents()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons(("Alice", 30, null), ("Bob", 25, null))));
        var before = await host.HeadAsync();
        await host.Client.CreateBranchAsync("feature");
        await WriteAsync(host, "feature", TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons(("Bob", 26, null), ("Carol", 40, null))));
        var feature = await WriteAsync(host, "feature", TableWrite.Delete("node:Person", KeyBatch.Of("Alice")));

        var merge = await host.Client.MergeBranchAsync(new BranchMergeRequest("feature") { Actor = "merger" });

        Assert.Equal(BranchMergeOutcome.FastForward, merge.Outcome);
        Assert.Equal(before.Commit.Id, merge.BaseCommitId);
        Assert.Equal(feature.Commit.Id, merge.SourceCommitId);
        var commit = merge.Commit!;
        Assert.Equal((before.Commit.Id, feature.Commit.Id, "merger", CommitKinds.Merge), (commit.ParentId, commit.MergedParentId, commit.Actor, commit.Kind));
        Assert.Equal(before.ManifestVersion + 1, commit.ManifestVersion);
        Assert.Equal([new TableMergeSummary("node:Person", 1, 1, 1)], merge.Tables.AsEnumerable());
        Assert.Equal(new SortedDictionary<string, string?> { ["Bob"] = "26", ["Carol"] = "40" }, await host.ValuesByIdAsync("node:Person", "age"));
        Assert.Equal(commit, await host.Manifest.GetCommitAsync(commit.Id));
        await GraphAssertions.ConsistentAsync(host);

        var again = await host.Client.MergeBranchAsync(new BranchMergeRequest("feature"));
        Assert.Equal(BranchMergeOutcome.AlreadyUpToDate, again.Outcome);
        Assert.Null(again.Commit);
        Assert.Equal(commit.Id, (await host.HeadAsync()).Commit.Id);
    }

    /// <summary>The plan examines the 32 ids the source changed, whatever the table holds; the merge takes exactly them.</summary>
    [Theory]
    [InlineData(1_000)]
    [InlineData(60_000)]
    public async Task CostFollowsTheChange_NotTheTable(int size)
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.ManyPersons(0, size)));
        await host.Client.CreateBranchAsync("feature");
        await WriteAsync(host, "feature", TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.ManyPersons(0, 32, ageOffset: 1)));
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.ManyPersons(size - 32, 32, ageOffset: 2)));
        var (common, source, target) = (await host.Client.ResolveSnapshotAsync(SnapshotTarget.AtVersion("feature", 2)), await host.HeadAsync("feature"), await host.HeadAsync());

        var plan = await host.Table("node:Person").PlanMergeAsync(common.GetTable("node:Person"), source.GetTable("node:Person"), target.GetTable("node:Person"));

        Assert.Equal((32, 32, 0, 0), (plan.Examined, plan.Updated, plan.Inserted, plan.DeleteIds.Count));
        Assert.Empty(plan.Conflicts);
        var merge = await host.Client.MergeBranchAsync(new BranchMergeRequest("feature"));
        Assert.Equal(BranchMergeOutcome.Merged, merge.Outcome);
        Assert.Equal([new TableMergeSummary("node:Person", 0, 32, 0)], merge.Tables.AsEnumerable());
        var ages = await host.ValuesByIdAsync("node:Person", "age");
        Assert.Equal("1", ages["p0000000"]);
        Assert.Equal((((size - 1) % 100) + 2).ToString(System.Globalization.CultureInfo.InvariantCulture), ages[$"p{size - 1:D7}"]);
        Assert.Equal(size, ages.Count);
    }

    [Fact]
    public async Task EditsThatCancelOut_PublishALineageOnlyCommit_ThenTheBranchIsUpToDate()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice")));
        await host.Client.CreateBranchAsync("feature");
        await WriteAsync(host, "feature", TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Eve")));
        await WriteAsync(host, "feature", TableWrite.Delete("node:Person", KeyBatch.Of("Eve")));
        var before = await host.HeadAsync();

        var merge = await host.Client.MergeBranchAsync(new BranchMergeRequest("feature"));

        Assert.Equal(BranchMergeOutcome.FastForward, merge.Outcome);
        Assert.Empty(merge.Tables);
        var after = await host.HeadAsync();
        Assert.Equal(before.ManifestVersion + 1, after.ManifestVersion);
        Assert.True(before.Tables.SequenceEqual(after.Tables));
        Assert.Equal(BranchMergeOutcome.AlreadyUpToDate, (await host.Client.MergeBranchAsync(new BranchMergeRequest("feature"))).Outcome);
    }

    [Fact]
    public async Task RowConflicts_AreAllReported_WithTheirValues_AndNothingIsWritten()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons(("Alice", 30, null), ("Bob", 25, null))));
        await host.Client.CreateBranchAsync("feature");
        await WriteAsync(host, "feature", TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons(("Alice", 31, null), ("Eve", 21, null))));
        await WriteAsync(host, "feature", TableWrite.Delete("node:Person", KeyBatch.Of("Bob")));
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons(("Alice", 32, null), ("Bob", 26, null), ("Eve", 22, null))));
        var before = await host.HeadAsync();

        var merge = await host.Client.MergeBranchAsync(new BranchMergeRequest("feature"));

        Assert.Equal(BranchMergeOutcome.Conflicted, merge.Outcome);
        Assert.Null(merge.Commit);
        Assert.Equal(
            [("Alice", MergeConflictKind.DivergentUpdate), ("Bob", MergeConflictKind.DeleteVsUpdate), ("Eve", MergeConflictKind.DivergentInsert)],
            merge.Conflicts.Select(static c => (c.EntityId!, c.Kind)));
        Assert.Contains("age: base 30, source 31, target 32", merge.Conflicts[0].Message, StringComparison.Ordinal);
        Assert.Contains("deleted on the source branch", merge.Conflicts[1].Message, StringComparison.Ordinal);
        Assert.Contains("age: source 21, target 22", merge.Conflicts[2].Message, StringComparison.Ordinal);
        Assert.Equal(before, await host.HeadAsync());
        var error = Assert.Throws<OmniGraphException>(() => merge.ThrowIfConflicted());
        Assert.Equal(ErrorCodes.MergeConflicts, error.Code);
        Assert.Equal(3, error.Get(ErrorDetail.Count));
    }

    [Fact]
    public async Task TheMergedGraphIsChecked_OrphanEdgesAndCardinality_AllReported()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.WriteAsync(
            TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice", "Bob", "Carol")),
            TableWrite.FromBatches("node:Company", TableWriteMode.Upsert, Rows.Companies("Acme", "Globex")));
        await host.Client.CreateBranchAsync("feature");
        await WriteAsync(host, "feature",
            TableWrite.FromBatches("edge:Knows", TableWriteMode.Upsert, Rows.Edges("edge:Knows", ("k1", "Alice", "Bob"), ("k2", "Alice", "Carol"))),
            TableWrite.FromBatches("edge:WorksAt", TableWriteMode.Upsert, Rows.Edges("edge:WorksAt", ("w2", "Alice", "Globex"))));
        await host.WriteAsync(TableWrite.Delete("node:Person", KeyBatch.Of("Bob", "Carol")));
        await host.WriteAsync(TableWrite.FromBatches("edge:WorksAt", TableWriteMode.Upsert, Rows.Edges("edge:WorksAt", ("w1", "Alice", "Acme"))));
        var before = await host.HeadAsync();

        var merge = await host.Client.MergeBranchAsync(new BranchMergeRequest("feature"));

        Assert.Equal(BranchMergeOutcome.Conflicted, merge.Outcome);
        Assert.Equal(
            [("edge:Knows", MergeConflictKind.OrphanEdge), ("edge:Knows", MergeConflictKind.OrphanEdge), ("edge:WorksAt", MergeConflictKind.Cardinality)],
            merge.Conflicts.Select(static c => (c.Table, c.Kind)).Order());
        Assert.Equal("Alice", merge.Conflicts.Single(static c => c.Kind == MergeConflictKind.Cardinality).EntityId);
        Assert.Equal(before, await host.HeadAsync());
        await GraphAssertions.ConsistentAsync(host);
    }

    [Fact]
    public async Task AUniqueValueTakenOnBothSides_IsAUniqueConflict()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice")));
        await host.Client.CreateBranchAsync("feature");
        await WriteAsync(host, "feature", TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons(("Carol", null, "dup@x"))));
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons(("Bob", null, "dup@x"))));

        var merge = await host.Client.MergeBranchAsync(new BranchMergeRequest("feature"));

        var conflict = Assert.Single(merge.Conflicts);
        Assert.Equal(("node:Person", MergeConflictKind.Unique), (conflict.Table, conflict.Kind));
        Assert.Contains("dup@x", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(["Alice", "Bob"], await host.IdsAsync("node:Person"));
    }

    /// <summary>The engine's write API runs no per-value rules (producers do); a merge checks the rows it takes.</summary>
    [Fact]
    public async Task MergedValuesThatBreakAValueRule_AreValueConstraintConflicts()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore(), RuledSchema);
        await host.Client.CreateBranchAsync("feature");
        await WriteAsync(host, "feature", TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, RuledPersons(("Ann", 40, "admin"), ("Old", 500, "member"), ("Odd", 20, "bogus"))));
        var before = await host.HeadAsync();

        var merge = await host.Client.MergeBranchAsync(new BranchMergeRequest("feature"));

        Assert.Equal(BranchMergeOutcome.Conflicted, merge.Outcome);
        Assert.Equal([("Odd", MergeConflictKind.ValueConstraint), ("Old", MergeConflictKind.ValueConstraint)], merge.Conflicts.Select(static c => (c.EntityId!, c.Kind)).Order());
        Assert.Contains(merge.Conflicts, static c => c.Message.Contains("@range violation on Person.age", StringComparison.Ordinal));
        Assert.Contains(merge.Conflicts, static c => c.Message.Contains("invalid enum value 'bogus'", StringComparison.Ordinal));
        Assert.Equal(before, await host.HeadAsync());
    }

    [Fact]
    public async Task BadRequests_AreTypedErrors()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.Client.CreateBranchAsync("feature");
        var itself = await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidBranchOperation, () => host.Client.MergeBranchAsync(new BranchMergeRequest("main", "main")));
        Assert.Contains("distinct source and target", itself.Message, StringComparison.Ordinal);
        await ErrorAssert.ThrowsAsync(ErrorCodes.BranchNotFound, () => host.Client.MergeBranchAsync(new BranchMergeRequest("nope")));
        await ErrorAssert.ThrowsAsync(ErrorCodes.BranchNotFound, () => host.Client.MergeBranchAsync(new BranchMergeRequest("feature", "nope")));
        Assert.Equal(1, (await host.HeadAsync()).ManifestVersion);
    }

    /// <summary>
    /// Two merges into one target at once: the one that commits second was prepared on the old head, so its commit
    /// fails before any effect and it is prepared again on the new head. Nothing is lost; the history stays a line.
    /// </summary>
    [Fact]
    public async Task ConcurrentMergesIntoOneTarget_TheLaterIsPreparedAgain_AndBothLand()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice", "Bob")));
        await host.Client.CreateBranchAsync("one");
        await host.Client.CreateBranchAsync("two");
        await WriteAsync(host, "one", TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons(("Alice", 1, null))));
        await WriteAsync(host, "two", TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons(("Bob", 2, null))));

        var pause = host.Failpoints.Arm(Failpoints.MergeStage, FailpointAction.PauseBefore);
        var held = host.Client.MergeBranchAsync(new BranchMergeRequest("one"));
        await pause.Fired;
        var first = await host.Client.MergeBranchAsync(new BranchMergeRequest("two"));
        pause.Release();
        var second = await held;

        Assert.Equal((BranchMergeOutcome.FastForward, 1), (first.Outcome, first.Attempts));
        Assert.Equal((BranchMergeOutcome.Merged, 2), (second.Outcome, second.Attempts));
        Assert.Equal(first.Commit!.Id, second.Commit!.ParentId);
        Assert.Equal(new SortedDictionary<string, string?> { ["Alice"] = "1", ["Bob"] = "2" }, await host.ValuesByIdAsync("node:Person", "age"));
        await GraphAssertions.LinearHistoryAsync(host);
    }

    [Fact]
    public async Task TheSameMergeTwiceAtOnce_LandsOnce()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.Client.CreateBranchAsync("feature");
        await WriteAsync(host, "feature", TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Eve")));

        var pause = host.Failpoints.Arm(Failpoints.MergeStage, FailpointAction.PauseBefore);
        var held = host.Client.MergeBranchAsync(new BranchMergeRequest("feature"));
        await pause.Fired;
        var first = await host.Client.MergeBranchAsync(new BranchMergeRequest("feature"));
        pause.Release();
        var second = await held;

        Assert.Equal(BranchMergeOutcome.FastForward, first.Outcome);
        Assert.Equal((BranchMergeOutcome.AlreadyUpToDate, 2), (second.Outcome, second.Attempts));
        Assert.Equal(first.Commit!.Id, (await host.HeadAsync()).Commit.Id);
        Assert.Equal(2, (await host.HeadAsync()).ManifestVersion);
    }

    private static Task<GraphWriteResult> WriteAsync(GraphHost host, string branch, params TableWrite[] tables) =>
        host.Client.WriteAsync(new GraphWriteRequest(branch, [.. tables]));

    private static RecordBatch RuledPersons(params (string Name, int Age, string Role)[] people)
    {
        var layout = Rows.Layout("node:Person", RuledSchema);
        var ids = new Utf8ColumnBuilder();
        var names = new Utf8ColumnBuilder();
        var ages = new PrimitiveColumnBuilder<int>(ArrowType.Int32);
        var roles = new Utf8ColumnBuilder();
        foreach (var (name, age, role) in people)
        {
            ids.Append(name);
            names.Append(name);
            ages.Append(age);
            roles.Append(role);
        }

        return new RecordBatch(layout.Schema, [ids.Build(), names.Build(), ages.Build(), roles.Build()]);
    }
}

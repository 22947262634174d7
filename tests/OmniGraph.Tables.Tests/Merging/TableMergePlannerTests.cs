using OmniGraph.Abstractions;
using OmniGraph.Tables.Merging;
using OmniGraph.Tables.Tests.Support;
using OmniGraph.Tables.Versions;

namespace OmniGraph.Tables.Tests.Merging;

/// <summary>
/// The three-way merge of one table on in-memory chains (a fork shares its parent's fragments): what the target takes,
/// every row conflict kind with its values, edits that cancel out, agreeing edits, a cost that follows the change, and
/// the diff underneath (<see cref="VersionDiff"/>) over shared fragments, deletion masks and overwrites.
/// </summary>
public sealed class TableMergePlannerTests
{
    [Fact]
    public void SourceChanges_TheTargetLeftAlone_AreTaken()
    {
        var (main, mergeBase) = Base(("Alice", 30), ("Bob", 25), ("Dan", 50));
        var feature = main.Fork("feature");
        feature.Upsert(Rows.Persons(("Bob", 26, null), ("Carol", 40, null)));
        var source = feature.Delete("Alice");
        var target = main.Upsert(Rows.Persons(("Dan", 51, null)));

        var plan = TableMergePlanner.Build(mergeBase, source, target, CancellationToken.None);

        Assert.Empty(plan.Conflicts);
        Assert.Equal(["Alice"], plan.Deletes);
        Assert.Equal(["Bob", "Carol"], plan.Upserts.Select(a => IdAt(source, a)).Order(StringComparer.Ordinal));
        Assert.Equal((1L, 1L, 3L), (plan.Inserted, plan.Updated, plan.Examined));
    }

    [Fact]
    public void EveryRowConflictKind_IsReported_WithItsValues()
    {
        var (main, mergeBase) = Base(("Alice", 30), ("Bob", 25), ("Carol", 35), ("Dan", 50));
        var feature = main.Fork("feature");
        feature.Upsert(Rows.Persons(("Alice", 31, null), ("Eve", 21, null), ("Carol", 36, null)));
        var source = feature.Delete("Bob");
        main.Upsert(Rows.Persons(("Alice", 32, null), ("Bob", 26, null), ("Eve", 22, null)));
        var target = main.Delete("Carol");

        var plan = TableMergePlanner.Build(mergeBase, source, target, CancellationToken.None);

        Assert.Equal(
            [("Alice", MergeConflictKind.DivergentUpdate), ("Bob", MergeConflictKind.DeleteVsUpdate), ("Carol", MergeConflictKind.DeleteVsUpdate), ("Eve", MergeConflictKind.DivergentInsert)],
            plan.Conflicts.Select(static c => (c.EntityId!, c.Kind)));
        Assert.All(plan.Conflicts, static c => Assert.Equal("node:Person", c.Table));
        Assert.Equal("changed on both branches to different values (age: base 30, source 31, target 32)", plan.Conflicts[0].Message);
        Assert.Equal("deleted on the source branch and changed on the target branch", plan.Conflicts[1].Message);
        Assert.Equal("changed on the source branch and deleted on the target branch", plan.Conflicts[2].Message);
        Assert.Equal("inserted on both branches with different values (age: source 21, target 22)", plan.Conflicts[3].Message);
        Assert.Empty(plan.Upserts);
        Assert.Empty(plan.Deletes);
    }

    [Fact]
    public void AgreeingEdits_AndEditsThatCancelOut_AreNeitherTakenNorConflicts()
    {
        var (main, mergeBase) = Base(("Alice", 30), ("Bob", 25));
        var feature = main.Fork("feature");
        feature.Upsert(Rows.Persons(("Alice", 31, null), ("Bob", 99, null), ("Eve", 1, null)));
        feature.Delete("Eve");
        var source = feature.Upsert(Rows.Persons(("Bob", 25, null)));
        var target = main.Upsert(Rows.Persons(("Alice", 31, null)));

        var plan = TableMergePlanner.Build(mergeBase, source, target, CancellationToken.None);

        // Alice: the same change on both sides; Bob: set and set back; Eve: inserted then deleted (never seen).
        Assert.Empty(plan.Conflicts);
        Assert.Empty(plan.Upserts);
        Assert.Empty(plan.Deletes);
        Assert.Equal(2, plan.Examined);
    }

    [Fact]
    public void NullsCompareByValue_NullEqualsNullOnly()
    {
        var (main, mergeBase) = Base(("Alice", 30));
        var feature = main.Fork("feature");
        var source = feature.Upsert(Rows.Persons(("Alice", null, null)));
        var target = main.Upsert(Rows.Persons(("Alice", null, null)));
        var other = main.Fork("other").Upsert(Rows.Persons(("Alice", 30, "a@x")));

        Assert.Empty(TableMergePlanner.Build(mergeBase, source, target, CancellationToken.None).Conflicts);
        var conflict = Assert.Single(TableMergePlanner.Build(mergeBase, source, other, CancellationToken.None).Conflicts);
        Assert.Equal("changed on both branches to different values (age: base 30, source null, target 30; email: base null, source null, target a@x)", conflict.Message);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(5_000)]
    public void ThePlanExaminesTheChangedIds_NotTheTable(int size)
    {
        var main = new TableChain("node:Person");
        var mergeBase = main.Upsert(Rows.ManyPersons(0, size));
        var feature = main.Fork("feature");
        var source = feature.Upsert(Rows.ManyPersons(0, 32, ageOffset: 1));
        var target = main.Upsert(Rows.ManyPersons(size - 32, 32, ageOffset: 2));

        var plan = TableMergePlanner.Build(mergeBase, source, target, CancellationToken.None);

        Assert.Equal((32L, 32L, 0L), (plan.Examined, plan.Updated, plan.Inserted));
        Assert.Empty(plan.Conflicts);
    }

    [Fact]
    public void ATargetOverwrite_ShareNothing_AndIsStillDiffedCorrectly()
    {
        var (main, mergeBase) = Base(("Alice", 30), ("Bob", 25), ("Carol", 35));
        var feature = main.Fork("feature");
        var source = feature.Upsert(Rows.Persons(("Bob", 26, null), ("Carol", 36, null)));
        var target = main.Overwrite(Rows.Persons(("Alice", 30, null), ("Bob", 25, null)));

        var changed = VersionDiff.Changed(mergeBase, target, CancellationToken.None);
        var plan = TableMergePlanner.Build(mergeBase, source, target, CancellationToken.None);

        Assert.Equal(["Alice", "Bob", "Carol"], changed.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(VersionDiff.Absent, changed["Carol"].To);
        Assert.Equal([("Carol", MergeConflictKind.DeleteVsUpdate)], plan.Conflicts.Select(static c => (c.EntityId!, c.Kind)));
        Assert.Equal(["Bob"], plan.Upserts.Select(a => IdAt(source, a)));
    }

    [Fact]
    public void VersionDiff_FindsExactlyTheIdsWhoseRowsDiffer()
    {
        var (main, first) = Base(("Alice", 30), ("Bob", 25), ("Carol", 35));
        main.Upsert(Rows.Persons(("Bob", 26, null)));
        var last = main.Delete("Carol");

        var changed = VersionDiff.Changed(first, last, CancellationToken.None);

        Assert.Empty(VersionDiff.Changed(last, last, CancellationToken.None));
        Assert.Equal(["Bob", "Carol"], changed.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new RowPair(Pack(0, 1), Pack(1, 0)), changed["Bob"]);
        Assert.Equal(new RowPair(Pack(0, 2), VersionDiff.Absent), changed["Carol"]);
        Assert.Equal(new RowPair(Pack(1, 0), Pack(0, 1)), VersionDiff.Changed(last, first, CancellationToken.None)["Bob"]);
    }

    [Fact]
    public void ACancelledPlan_Throws()
    {
        var (main, mergeBase) = Base(("Alice", 30));
        var source = main.Fork("feature").Upsert(Rows.ManyPersons(0, 5_000));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => TableMergePlanner.Build(mergeBase, source, mergeBase, cancelled.Token));
    }

    private static (TableChain Main, TableVersionView Base) Base(params (string Name, int Age)[] people)
    {
        var main = new TableChain("node:Person");
        return (main, main.Upsert(Rows.Persons([.. people.Select(static p => (p.Name, (int?)p.Age, (string?)null))])));
    }

    private static string IdAt(TableVersionView view, long address) => view.Fragments[(int)(address >> 32)].Ids.GetString((int)(uint)address);

    private static long Pack(int fragment, int row) => ((long)fragment << 32) | (uint)row;
}

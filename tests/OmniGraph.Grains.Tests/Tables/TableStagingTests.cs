using OmniGraph.Abstractions;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Tables.Storage;
using OmniGraph.Testing.Errors;

namespace OmniGraph.Grains.Tests.Tables;

/// <summary>Staging is durable and invisible; heads move only by compare-and-swap on the expected version.</summary>
public sealed class TableStagingTests
{
    [Fact]
    public async Task StagedFragments_AreDurableButInvisible_UntilAWriteThatListsThemCommits()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore(), configure: o => o.MaxFragmentRows = 2);
        var tx = Ulid.NewUlid().ToString();
        var staged = await host.TableProtocol("node:Person").StageFragmentAsync(tx, Rows.Persons("A", "B", "C"));

        Assert.Equal([2, 1], staged.Select(static s => s.Rows));
        var stored = new List<string?>();
        foreach (var fragment in staged)
        {
            var file = await host.Store.GetAsync(fragment.Key);
            stored.AddRange(Rows.Strings([FragmentFiles.Read(fragment.Key, file.Content, Rows.Layout("node:Person").Schema, fragment.Rows)], "id"));
        }

        Assert.Equal(["A", "B", "C"], stored);

        Assert.Empty(await host.ColumnAsync("node:Person", "id"));
        var result = await host.WriteAsync(new TableWrite("node:Person", TableWriteMode.Insert, staged, [Rows.Persons("D")], null));
        Assert.Equal(["A", "B", "C", "D"], await host.ColumnAsync("node:Person", "id"));
        Assert.Equal(4, result.Tables[0].Inserted);
    }

    /// <summary>Fragments staged before the table grain was collected are read back from the store at prepare time.</summary>
    [Fact]
    public async Task StagedFragments_SurviveTheGrainBeingDeactivated()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        var staged = await host.TableProtocol("node:Person").StageFragmentAsync(Ulid.NewUlid().ToString(), Rows.Persons("A", "B"));
        await host.Cluster.DeactivateAsync(host.Table("node:Person"));

        await host.WriteAsync(new TableWrite("node:Person", TableWriteMode.Insert, staged, [], null));
        Assert.Equal(["A", "B"], await host.ColumnAsync("node:Person", "id"));
    }

    [Fact]
    public async Task StagingRefusesBatchesOfAnotherTable_AndFragmentsThatAreNotTheTables()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidWrite, () => host.TableProtocol("node:Company").StageFragmentAsync(Ulid.NewUlid().ToString(), Rows.Persons("A")));
        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidWrite, () => host.TableProtocol("node:Person").StageFragmentAsync("not-a-ulid", Rows.Persons("A")));
        var foreign = new StagedFragment(Ulid.NewUlid().ToString(), "tables/node-000999/fragments/x.arrow", 1);
        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidWrite, () => host.WriteAsync(new TableWrite("node:Person", TableWriteMode.Insert, [foreign], [], null)));
        var missingId = Ulid.NewUlid().ToString();
        var head = await host.HeadAsync();
        var missing = new StagedFragment(missingId, GraphObjectKeys.Fragment(false, head.GetTable("node:Person").TableId, missingId), 1);
        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidWrite, () => host.WriteAsync(new TableWrite("node:Person", TableWriteMode.Insert, [missing], [], null)));
    }

    [Fact]
    public async Task AdvanceHead_IsACompareAndSwapOnTheExpectedVersion()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        var head = await host.HeadAsync();
        var person = head.GetTable("node:Person");
        var grain = host.TableProtocol("node:Person");
        var first = await grain.PrepareVersionAsync(Ulid.NewUlid().ToString(), person, Delta(head, Rows.Persons("A")));
        var second = await grain.PrepareVersionAsync(Ulid.NewUlid().ToString(), person, Delta(head, Rows.Persons("B")));
        Assert.Null(await grain.GetHeadAsync(refresh: true));

        await grain.AdvanceHeadAsync(new TableHeadMove(first.Version.Tx!, person, first.Version, 2));
        var conflict = await Assert.ThrowsAsync<TableHeadConflictException>(() => grain.AdvanceHeadAsync(new TableHeadMove(second.Version.Tx!, person, second.Version, 2)));
        Assert.Equal(first.Version.ToString(), conflict.Actual);
        Assert.Equal(2, (await grain.GetHeadRecordAsync(refresh: true)).ManifestVersion);

        // Rolling back a version that is not the head does nothing; rolling back the head restores the expected version.
        Assert.True(first.Version.SameVersionAs(await grain.RollBackHeadAsync(second.Version.Tx!, second.Version, person)));
        Assert.True(person.SameVersionAs(await grain.RollBackHeadAsync(first.Version.Tx!, first.Version, person)));
        Assert.Null((await grain.GetHeadRecordAsync(refresh: true)).ManifestVersion);
        await grain.AdvanceHeadAsync(new TableHeadMove(second.Version.Tx!, person, second.Version, 2));
        Assert.True(second.Version.SameVersionAs(await grain.GetHeadAsync(refresh: true)));
    }

    /// <summary>A batch of writes prepared in one call: each version on the one before it; a refusal fails the call.</summary>
    [Fact]
    public async Task PrepareVersions_StagesEachWriteOnTheOneBefore_AndARefusalFailsTheCall()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        var head = await host.HeadAsync();
        var person = head.GetTable("node:Person");
        var grain = host.TableProtocol("node:Person");

        var staged = await grain.PrepareVersionsAsync(person, [
            new TablePreparation(Ulid.NewUlid().ToString(), Delta(head, Rows.Persons("A"))),
            new TablePreparation(Ulid.NewUlid().ToString(), Delta(head, Rows.Persons("B"))),
            new TablePreparation(Ulid.NewUlid().ToString(), Delta(head, Rows.Persons("A", "C"))),
        ]);

        Assert.Equal([1L, 2L, 3L], staged.Select(static s => s.Version.Version));
        Assert.Equal([1L, 2L, 3L], staged.Select(static s => s.Version.RowCount));
        Assert.True(staged[0].Parent.SameVersionAs(person));
        Assert.True(staged[1].Parent.SameVersionAs(staged[0].Version));
        Assert.True(staged[2].Parent.SameVersionAs(staged[1].Version));
        Assert.Equal((1, 1), (staged[2].Inserted, staged[2].Replaced));
        var scan = await host.Table("node:Person").ScanAsync(staged[2].Version, ["id"]);
        Assert.Equal(["A", "B", "C"], Rows.Strings(scan.Batches, "id").Order());

        // The second insert of D conflicts with the first one's staged row: the call fails, nothing is published.
        var insert = Delta(head, Rows.Persons("D")) with { Mode = TableWriteMode.Insert };
        await ErrorAssert.ThrowsAsync(ErrorCodes.KeyConflict, () => grain.PrepareVersionsAsync(person, [
            new TablePreparation(Ulid.NewUlid().ToString(), insert),
            new TablePreparation(Ulid.NewUlid().ToString(), insert),
        ]));
        Assert.Equal(head, await host.HeadAsync());
    }

    [Fact]
    public async Task PreparedVersionObject_IsReadableByAFreshGrain_WithTheSameRows()
    {
        await using var host = await GraphHost.InitAsync(new MemoryObjectStore());
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons(("A", 1, null), ("B", 2, null))));
        var result = await host.WriteAsync(new TableWrite("node:Person", TableWriteMode.Upsert, [], [Rows.Persons(("A", 3, null))], KeyBatch.Of("B")));
        await host.Cluster.DeactivateAsync(host.Table("node:Person"));

        var scan = await host.Table("node:Person").ScanAsync(result.Snapshot.GetTable("node:Person"), ["id", "age"]);
        Assert.Equal(["A"], Rows.Strings(scan.Batches, "id"));
        Assert.Equal(3, ((OmniGraph.Arrow.PrimitiveColumn<int>)scan.Batches[0].Column("age")).GetValue(0));
    }

    private static TableDelta Delta(GraphSnapshot head, OmniGraph.Arrow.RecordBatch batch) =>
        new(TableWriteMode.Upsert, [], [batch], null, BranchNames.Main, head.BranchIncarnation, head.SchemaHash);
}

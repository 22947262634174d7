using OmniGraph.Abstractions;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;

namespace OmniGraph.Grains.Tests.Cost;

/// <summary>
/// Search indexes are derived state the table grain holds warm per table version: a search on a warm index reads no
/// object and builds nothing, and a write indexes only the fragment it adds (the previous fragments' indexes are shared).
/// </summary>
public sealed class SearchIndexCostTests
{
    [Fact]
    public async Task WarmSearch_BuildsNothingAndReadsNoObject_AndAWriteIndexesOnlyItsFragment()
    {
        var store = new CountingObjectStore(new MemoryObjectStore());
        await using var host = await GraphHost.InitAsync(store);
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.ManyPersons(0, 1000)));
        var first = (await host.HeadAsync()).GetTable("node:Person");
        var grain = host.Table("node:Person");

        Assert.Equal(["p0000003"], await MatchesAsync(grain, first, "p0000003"));
        var cold = await grain.GetSearchIndexStatisticsAsync(first);
        Assert.Equal(1, cold.TextIndexes);
        var built = cold.FragmentTextIndexesBuilt;
        Assert.True(built >= 1);

        await host.Manifest.GetRecoveryStatusAsync();
        store.Reset();
        Assert.Equal(["p0000007"], await MatchesAsync(grain, first, "p0000007"));
        Assert.Equal(0, store.Snapshot().Total);
        Assert.Equal(built, (await grain.GetSearchIndexStatisticsAsync(first)).FragmentTextIndexesBuilt);

        // The write's version is indexed when it is staged: only the appended fragment, the others are shared.
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.ManyPersons(1000, 10)));
        var second = (await host.HeadAsync()).GetTable("node:Person");
        var warmed = await grain.GetSearchIndexStatisticsAsync(second);
        Assert.Equal(1, warmed.TextIndexes);
        Assert.Equal(built + 1, warmed.FragmentTextIndexesBuilt);
        Assert.Equal(["p0001005"], await MatchesAsync(grain, second, "p0001005"));
        Assert.Equal(built + 1, (await grain.GetSearchIndexStatisticsAsync(second)).FragmentTextIndexesBuilt);

        // The pinned older version still answers from its own index: it does not see the new rows.
        Assert.Empty(await MatchesAsync(grain, first, "p0001005"));
    }

    [Fact]
    public async Task DeletedRows_LeaveTheIndexWithoutARebuild()
    {
        var store = new CountingObjectStore(new MemoryObjectStore());
        await using var host = await GraphHost.InitAsync(store);
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.ManyPersons(0, 100)));
        var grain = host.Table("node:Person");
        var before = (await host.HeadAsync()).GetTable("node:Person");
        Assert.Equal(["p0000042"], await MatchesAsync(grain, before, "p0000042"));
        var built = (await grain.GetSearchIndexStatisticsAsync(before)).FragmentTextIndexesBuilt;

        await host.WriteAsync(TableWrite.Delete("node:Person", KeyBatch.Of("p0000042")));
        var after = (await host.HeadAsync()).GetTable("node:Person");
        Assert.Empty(await MatchesAsync(grain, after, "p0000042"));
        Assert.Equal(built, (await grain.GetSearchIndexStatisticsAsync(after)).FragmentTextIndexesBuilt);
    }

    private static async Task<List<string>> MatchesAsync(ITableBranchGrain grain, TableVersionRef version, string query)
    {
        var request = new TableSelectionRequest(null, [new ColumnPredicate("name", ColumnPredicateOperator.TextAllTerms, PredicateValue.FromString(query))], []);
        var selection = await grain.SelectAsync(version, request);
        return [.. Enumerable.Range(0, selection.RowCount).Select(selection.Ids.GetString)];
    }
}

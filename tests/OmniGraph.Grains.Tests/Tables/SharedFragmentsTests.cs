using OmniGraph.Abstractions;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;

namespace OmniGraph.Grains.Tests.Tables;

/// <summary>
/// A fragment one table grain holds is taken as it is by another grain of the same graph that loads a version naming it
/// (a branch's grain at its first read of main's rows): one copy of the rows in the silo, not one per branch.
/// </summary>
public sealed class SharedFragmentsTests
{
    [Fact]
    public async Task ABranchsFirstRead_TakesTheRowsMainsGrainHolds_WithoutReadingTheFragmentsAgain()
    {
        var store = new MemoryObjectStore();
        await using var host = await GraphHost.InitAsync(store);
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.ManyPersons(0, 1_000)));
        await host.Manifest.GetRecoveryStatusAsync();
        var main = (await host.HeadAsync()).GetTable("node:Person");
        Assert.Equal(1_000, (await host.Table("node:Person").ScanAsync(main, [])).RowCount);
        await host.Client.CreateBranchAsync("feature");
        var fork = (await host.HeadAsync("feature")).GetTable("node:Person");
        Assert.Equal(main, fork);

        // The branch's grain has never read the version. With the fragment files gone, a read back from the store would
        // fail; it answers from the rows main's grain holds.
        var fragments = (await StoredKeys.AllAsync(store)).Where(static k => k.Contains("/fragments/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(fragments);
        foreach (var key in fragments)
        {
            await store.DeleteAsync(key, WriteCondition.None);
        }

        var scan = await host.Table("node:Person", "feature").ScanAsync(fork, []);
        var lookup = await host.Table("node:Person", "feature").LookupAsync(fork, KeyBatch.Of("p0000007"), ["age"]);

        Assert.Equal(1_000, scan.RowCount);
        Assert.Equal(1, lookup.Rows.Length);
    }

    [Fact]
    public async Task ABranchsFirstRead_ReadsTheFragments_WhenNoGrainHoldsThem()
    {
        // The control: a fresh silo over the same store holds nothing, so the branch's grain reads the fragments back.
        var store = new MemoryObjectStore();
        await using (var first = await GraphHost.InitAsync(store))
        {
            await first.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.ManyPersons(0, 1_000)));
            await first.Client.CreateBranchAsync("feature");
        }

        await using var host = await GraphHost.StartAsync(store);
        var fork = (await host.HeadAsync("feature")).GetTable("node:Person");
        foreach (var key in (await StoredKeys.AllAsync(store)).Where(static k => k.Contains("/fragments/", StringComparison.Ordinal)))
        {
            await store.DeleteAsync(key, WriteCondition.None);
        }

        await Assert.ThrowsAnyAsync<Exception>(() => host.Table("node:Person", "feature").ScanAsync(fork, []));
    }
}

using OmniGraph.Abstractions;
using OmniGraph.Grains.Tests.Support;
using OmniGraph.Storage;

namespace OmniGraph.Grains.Tests.Cost;

/// <summary>Object-store requests per operation, counted: a warm read is flat in history and touches no data object.</summary>
public sealed class ReadCostTests
{
    [Fact]
    public async Task WarmSnapshotResolve_CostsTheSameAfter1000CommitsAsAfter10_OneProbe()
    {
        var store = new CountingObjectStore(new MemoryObjectStore());
        await using var host = await GraphHost.InitAsync(store);
        await CommitAsync(host, 0, 10);
        var after10 = await WarmResolveCostAsync(host, store);

        await CommitAsync(host, 10, 990);
        var after1000 = await WarmResolveCostAsync(host, store);

        Assert.Equal(after10, after1000);
        Assert.Equal(1, after1000.PropertyReads);
        Assert.Equal(1, after1000.Total);
        Assert.Equal(1001, (await host.HeadAsync()).ManifestVersion);
    }

    [Fact]
    public async Task WarmReadOfATableVersion_NeedsNoDataReads()
    {
        var store = new CountingObjectStore(new MemoryObjectStore());
        await using var host = await GraphHost.InitAsync(store);
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.ManyPersons(0, 1000)));
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.ManyPersons(0, 10, ageOffset: 7)));
        var head = await host.HeadAsync();
        var person = head.GetTable("node:Person");

        // The last write's completion (head moved, sidecar deleted after the acknowledgement) is not the read's cost.
        await host.Manifest.GetRecoveryStatusAsync();
        store.Reset();
        var scan = await host.Table("node:Person").ScanAsync(person, []);
        var lookup = await host.Table("node:Person").LookupAsync(person, KeyBatch.Of("p0000003"), ["age"]);
        var info = await host.Table("node:Person").GetVersionInfoAsync(person);

        Assert.Equal(0, store.Snapshot().Total);
        Assert.Equal(1000, scan.RowCount);
        Assert.Equal(10, ((OmniGraph.Arrow.PrimitiveColumn<int>)lookup.Rows.Column(0)).GetValue(0));
        Assert.Equal(1000, info.RowCount);
        Assert.Equal(10, info.DeletedRowCount);
    }

    /// <summary>
    /// A 32-row upsert costs the same requests into a 20,000-row table as into a 1,000-row one: no fragment is read or
    /// rewritten, only the new fragment, one deletion vector and the version object are written.
    /// </summary>
    [Fact]
    public async Task SmallUpsert_CostsTheSameRequests_WhateverTheTableSize()
    {
        var small = await UpsertCostAsync(1_000);
        var large = await UpsertCostAsync(20_000);
        Assert.Equal(small, large);
        Assert.Equal(0, large.Gets);
    }

    private static async Task<ObjectStoreRequestCounts> UpsertCostAsync(int rows)
    {
        var store = new CountingObjectStore(new MemoryObjectStore());
        await using var host = await GraphHost.InitAsync(store);
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.ManyPersons(0, rows)));
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.ManyPersons(0, 32, ageOffset: 1)));
        await host.Manifest.GetRecoveryStatusAsync();
        store.Reset();
        await host.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.ManyPersons(100, 32, ageOffset: 2)));

        // With what follows the acknowledgement (the head moved, the sidecar deleted).
        await host.Manifest.GetRecoveryStatusAsync();
        return store.Snapshot();
    }

    private static async Task CommitAsync(GraphHost host, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            await host.WriteAsync(TableWrite.FromBatches("node:Company", TableWriteMode.Upsert, Rows.Companies($"c{i}")));
        }
    }

    /// <summary>
    /// Opening a graph checks the chain's end against every table's head record and each table version's row count once
    /// (issue 10): a fixed number of small reads per table, the same after 100 commits as after 10; then one probe again.
    /// </summary>
    [Fact]
    public async Task FirstResolveOfAFreshSilo_ChecksEachTableOnce_FlatInHistory_ThenOneProbe()
    {
        var after10 = await OpenCostAsync(10);
        var after100 = await OpenCostAsync(100);

        Assert.Equal(after10.Open, after100.Open);
        Assert.Equal(1, after100.Warm.Total);

        // Four tables: four head records; two table versions with rows (Person, Company) checked against their figures.
        Assert.True(after100.Open.Gets <= 12, $"opening cost {after100.Open}");
    }

    private static async Task<(ObjectStoreRequestCounts Open, ObjectStoreRequestCounts Warm)> OpenCostAsync(int commits)
    {
        var memory = new MemoryObjectStore();
        await using (var setup = await GraphHost.InitAsync(memory))
        {
            await setup.WriteAsync(TableWrite.FromBatches("node:Person", TableWriteMode.Upsert, Rows.Persons("Alice", "Bob")));
            await CommitAsync(setup, 0, commits);
        }

        var store = new CountingObjectStore(memory);
        await using var fresh = await GraphHost.StartAsync(store);
        await fresh.HeadAsync();
        var open = store.Snapshot();
        return (open, await WarmResolveCostAsync(fresh, store));
    }

    private static async Task<ObjectStoreRequestCounts> WarmResolveCostAsync(GraphHost host, CountingObjectStore store)
    {
        await host.HeadAsync();

        // The last commit's completion (head moves, sidecar delete) is not the resolve's cost.
        await host.Manifest.GetRecoveryStatusAsync();
        store.Reset();
        await host.HeadAsync();
        return store.Snapshot();
    }
}

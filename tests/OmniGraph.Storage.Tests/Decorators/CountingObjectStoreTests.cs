using OmniGraph.Testing.Storage;

namespace OmniGraph.Storage.Tests.Decorators;

public sealed class CountingObjectStoreTests
{
    [Fact]
    public async Task Counting_CountsEveryRequestByKind_SuccessOrFailure()
    {
        var store = new CountingObjectStore(new MemoryObjectStore());

        await store.PutAsync("a", Bytes.Utf8("1"), WriteCondition.None);
        await Assert.ThrowsAsync<ObjectPreconditionFailedException>(() => store.PutAsync("a", Bytes.Utf8("2"), WriteCondition.IfNotExists).AsTask());
        await store.GetAsync("a");
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => store.GetAsync("missing").AsTask());
        await store.GetRangeAsync("a", 0, 1);
        await store.GetPropertiesAsync("a");
        await store.ListAsync("");
        var lease = await store.AcquireLeaseAsync("a", TimeSpan.FromSeconds(20));
        await store.RenewLeaseAsync(lease);
        await store.ReleaseLeaseAsync(lease);
        await store.BreakLeaseAsync("a");
        await store.DeleteAsync("a", WriteCondition.None);

        Assert.Equal(new ObjectStoreRequestCounts(2, 1, 1, 1, 1, 1, 1, 1, 1, 1, ConditionalPuts: 1), store.Snapshot());
        Assert.Equal(3, store.Snapshot().Reads);
        Assert.Equal(2, store.Snapshot().Writes);
        Assert.Equal(4, store.Snapshot().LeaseOperations);
        Assert.Equal(12, store.Snapshot().Total);
        Assert.Equal(1, store[ObjectStoreRequestKind.Put]);
        Assert.Equal(1, store[ObjectStoreRequestKind.ConditionalPut]);
    }

    [Fact]
    public async Task Counting_TellsConditionalWritesFromPlainOnes()
    {
        var store = new CountingObjectStore(new MemoryObjectStore());

        var created = await store.PutAsync("head", Bytes.Utf8("1"), WriteCondition.IfNotExists);
        await store.PutAsync("head", Bytes.Utf8("2"), WriteCondition.IfMatch(created.ETag));
        var prepared = await store.PreparePutAsync("staged", Bytes.Utf8("3"));
        await store.PublishAsync(prepared, WriteCondition.IfNotExists);
        await store.PutAsync("plain", Bytes.Utf8("4"), WriteCondition.None);
        await store.PutUnflushedAsync("unflushed", Bytes.Utf8("5"));
        var plain = await store.GetPropertiesAsync("plain");
        await store.DeleteAsync("plain", WriteCondition.IfMatch(plain!.ETag));
        await store.DeleteAllAsync(["unflushed", "staged"]);

        var counts = store.Snapshot();
        Assert.Equal(4, counts.ConditionalPuts);
        Assert.Equal(1, counts.Puts);
        Assert.Equal(1, counts.PreparedPuts);
        Assert.Equal(1, counts.ConditionalDeletes);
        Assert.Equal(2, counts.Deletes);
        Assert.Equal("put 1, conditional_put 4, prepare_put 1, properties 1, delete 2, conditional_delete 1", counts.ToString());
        Assert.Equal("none", default(ObjectStoreRequestCounts).ToString());
    }

    [Fact]
    public async Task Counting_SnapshotDifference_CountsOneStep()
    {
        var store = new CountingObjectStore(new MemoryObjectStore());
        await store.PutAsync("a", Bytes.Utf8("1"), WriteCondition.None);
        var before = store.Snapshot();

        await store.GetAsync("a");
        await store.GetAsync("a");

        var step = store.Snapshot() - before;
        Assert.Equal(2, step.Gets);
        Assert.Equal(2, step.Total);
    }

    [Fact]
    public async Task Counting_Reset_StartsOverAtZero()
    {
        var store = new CountingObjectStore(new MemoryObjectStore());
        await store.PutAsync("a", Bytes.Utf8("1"), WriteCondition.None);

        store.Reset();

        Assert.Equal(default, store.Snapshot());
    }

    [Fact]
    public async Task Counting_IsExactUnderConcurrentCallers()
    {
        var store = new CountingObjectStore(new MemoryObjectStore());
        await store.PutAsync("a", Bytes.Utf8("1"), WriteCondition.None);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 500; i++)
            {
                await store.GetPropertiesAsync("a");
            }
        })));

        Assert.Equal(4000, store.Snapshot().PropertyReads);
    }
}

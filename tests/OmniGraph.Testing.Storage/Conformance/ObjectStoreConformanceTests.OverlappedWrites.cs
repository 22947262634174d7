using OmniGraph.Storage;
using OmniGraph.Testing.Errors;

namespace OmniGraph.Testing.Storage.Conformance;

/// <summary>
/// The writes whose flushes a caller overlaps (unflushed puts with a later flush; prepared puts published later): on every
/// backend they end in exactly what an ordinary put leaves, with the same conditions.
/// </summary>
public abstract partial class ObjectStoreConformanceTests
{
    [Fact]
    public async Task UnflushedPut_IsReadableAtOnce_AndFlushKeepsIt()
    {
        var written = await Store.PutUnflushedAsync("staged/a.arrow", Bytes.Utf8("fragment"));
        await Store.PutUnflushedAsync("staged/b.arrow", Bytes.Utf8("deletions"));

        Assert.Equal("fragment", await GetTextAsync("staged/a.arrow"));
        Assert.Equal(written.ETag, (await Store.GetPropertiesAsync("staged/a.arrow"))!.ETag);
        await Store.FlushAsync(["staged/a.arrow", "staged/b.arrow"]);
        Assert.Equal("deletions", await GetTextAsync("staged/b.arrow"));
        Assert.Equal(["staged/a.arrow", "staged/b.arrow"], await ListAllKeysAsync("staged/"));
    }

    [Fact]
    public async Task UnflushedPut_IsCreateIfAbsent()
    {
        var first = await Store.PutUnflushedAsync("staged/a.arrow", Bytes.Utf8("first"));

        var error = await Assert.ThrowsAsync<ObjectPreconditionFailedException>(() => Store.PutUnflushedAsync("staged/a.arrow", Bytes.Utf8("second")).AsTask());

        Assert.Equal(WriteConditionKind.IfNotExists, error.Condition.Kind);
        Assert.Equal(first.ETag, error.CurrentETag);
        Assert.Equal("first", await GetTextAsync("staged/a.arrow"));
    }

    [Fact]
    public async Task FlushOfNothing_IsANoOp()
    {
        await Store.FlushAsync([]);
        Assert.Empty(await ListAllKeysAsync());
    }

    [Fact]
    public async Task PreparedPut_IsInvisibleUntilPublished_ThenIsThePut()
    {
        var prepared = await Store.PreparePutAsync("recovery/tx.json", Bytes.Utf8("sidecar"));

        Assert.Equal("recovery/tx.json", prepared.Key);
        Assert.Null(await Store.GetPropertiesAsync("recovery/tx.json"));
        Assert.Empty(await ListAllKeysAsync("recovery/"));

        var published = await Store.PublishAsync(prepared, WriteCondition.IfNotExists);
        Assert.Equal("recovery/tx.json", published.Key);
        var read = await Store.GetAsync("recovery/tx.json");
        Assert.Equal("sidecar", Bytes.Text(read.Content));
        Assert.Equal(published.ETag, read.ETag);
        Assert.Equal(["recovery/tx.json"], await ListAllKeysAsync("recovery/"));
    }

    [Fact]
    public async Task PreparedPut_KeepsItsCondition_CreateIfAbsentLosesToAnExistingObject()
    {
        var prepared = await Store.PreparePutAsync("manifests/v2", Bytes.Utf8("mine"));
        var winner = await PutTextAsync("manifests/v2", "theirs", WriteCondition.IfNotExists);

        var error = await Assert.ThrowsAsync<ObjectPreconditionFailedException>(() => Store.PublishAsync(prepared, WriteCondition.IfNotExists).AsTask());

        Assert.Equal(winner.ETag, error.CurrentETag);
        Assert.Equal("theirs", await GetTextAsync("manifests/v2"));
    }

    [Fact]
    public async Task PreparedPut_ReplacesUnderIfMatch_AndRefusesAStaleTag()
    {
        var first = await PutTextAsync("head", "1");
        var second = await PutTextAsync("head", "2", WriteCondition.IfMatch(first.ETag));
        var stale = await Store.PreparePutAsync("head", Bytes.Utf8("stale"));
        var fresh = await Store.PreparePutAsync("head", Bytes.Utf8("3"));

        await Assert.ThrowsAsync<ObjectPreconditionFailedException>(() => Store.PublishAsync(stale, WriteCondition.IfMatch(first.ETag)).AsTask());
        var third = await Store.PublishAsync(fresh, WriteCondition.IfMatch(second.ETag));

        Assert.NotEqual(second.ETag, third.ETag);
        Assert.Equal("3", await GetTextAsync("head"));
    }

    [Fact]
    public async Task DiscardedPreparedPut_LeavesNothing()
    {
        var prepared = await Store.PreparePutAsync("recovery/tx.json", Bytes.Utf8("sidecar"));

        await Store.DiscardAsync(prepared);
        await Store.DiscardAsync(prepared);

        Assert.Null(await Store.GetPropertiesAsync("recovery/tx.json"));
        Assert.Empty(await ListAllKeysAsync());
    }

    [Fact]
    public async Task NamesPublishedUnflushed_AreTheObjectsOnceFlushed_AndFlushingNoNamesIsANoOp()
    {
        var first = await Store.PublishUnflushedAsync(await Store.PreparePutAsync("recovery/a.json", Bytes.Utf8("a")), WriteCondition.IfNotExists);
        await Store.PublishUnflushedAsync(await Store.PreparePutAsync("commits/b.json", Bytes.Utf8("b")), WriteCondition.IfNotExists);

        await Store.FlushNamesAsync(["recovery/a.json", "commits/b.json"]);
        await Store.FlushNamesAsync([]);

        Assert.Equal(first.ETag, (await Store.GetPropertiesAsync("recovery/a.json"))!.ETag);
        Assert.Equal("b", await GetTextAsync("commits/b.json"));
    }

    [Fact]
    public async Task DeleteAll_RemovesEveryObject_AMissingOneIsNotAnError()
    {
        await PutTextAsync("recovery/a.json", "a");
        await PutTextAsync("recovery/b.json", "b");
        await PutTextAsync("recovery/keep.json", "c");

        Assert.Equal(2, await Store.DeleteAllAsync(["recovery/a.json", "recovery/b.json", "recovery/missing.json"]));
        Assert.Equal(0, await Store.DeleteAllAsync([]));

        Assert.Equal(["recovery/keep.json"], await ListAllKeysAsync("recovery/"));
    }

    [Fact]
    public async Task PreparedPut_ChecksItsKeyBeforeAnyIo()
    {
        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidObjectKey, () => Store.PreparePutAsync("a//b", Bytes.Utf8("x")).AsTask());
        Assert.Equal("a//b", error.Get(ErrorDetail.Key));
    }
}

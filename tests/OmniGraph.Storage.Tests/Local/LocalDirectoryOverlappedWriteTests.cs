using OmniGraph.Testing.IO;
using OmniGraph.Testing.Storage;

namespace OmniGraph.Storage.Tests.Local;

/// <summary>
/// How the local store overlaps flushes: an unflushed put is a file under its final name, flushed later with its
/// directory; a prepared put is a flushed temporary file (a listing never shows it) that publishing links or renames.
/// </summary>
public sealed class LocalDirectoryOverlappedWriteTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private LocalDirectoryObjectStore Store { get; }

    public LocalDirectoryOverlappedWriteTests()
    {
        Store = new LocalDirectoryObjectStore(_directory.Combine("store"));
    }

    [Fact]
    public async Task UnflushedPut_IsTheObjectFile_ChecksummedLikeAnyOther()
    {
        await Store.PutUnflushedAsync("tables/t/fragments/f1.arrow", Bytes.Utf8("rows"));

        // The bytes are written behind the call; the flush waits for them.
        await Store.FlushAsync(["tables/t/fragments/f1.arrow"]);
        Assert.True(File.Exists(_directory.Combine("store", "tables", "t", "fragments", "f1.arrow.og-obj")));
        Assert.Empty(Store.ListTemporaryFiles());
        Assert.Equal("rows", Bytes.Text((await new LocalDirectoryObjectStore(_directory.Combine("store")).GetAsync("tables/t/fragments/f1.arrow")).Content));
    }

    [Fact]
    public async Task FlushOfAKeyWithNoObject_IsNotFound()
    {
        await Store.PutUnflushedAsync("tables/t/fragments/f1.arrow", Bytes.Utf8("rows"));

        var error = await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.FlushAsync(["tables/t/fragments/f1.arrow", "tables/t/fragments/missing.arrow"]).AsTask());

        Assert.Equal("tables/t/fragments/missing.arrow", error.Key);
    }

    [Fact]
    public async Task UnflushedPut_ThatCannotBeWritten_FailsItsFlushAndItsReads_NotLater()
    {
        // A file where the table's directory should be: the write behind the put cannot create the object.
        Directory.CreateDirectory(_directory.Combine("store", "tables"));
        await File.WriteAllTextAsync(_directory.Combine("store", "tables", "t"), "in the way");

        await Store.PutUnflushedAsync("tables/t/fragments/f1.arrow", Bytes.Utf8("rows"));

        var read = await Assert.ThrowsAnyAsync<OmniGraphException>(() => Store.GetAsync("tables/t/fragments/f1.arrow").AsTask());
        Assert.Equal("tables/t/fragments/f1.arrow", read.Get(ErrorDetail.Key));
        await Store.PutUnflushedAsync("tables/t/fragments/f2.arrow", Bytes.Utf8("rows"));
        var flush = await Assert.ThrowsAnyAsync<OmniGraphException>(() => Store.FlushAsync(["tables/t/fragments/f2.arrow"]).AsTask());
        Assert.Equal("tables/t/fragments/f2.arrow", flush.Get(ErrorDetail.Key));

        // Reported once: afterwards the key is simply absent.
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.GetAsync("tables/t/fragments/f1.arrow").AsTask());
    }

    [Fact]
    public async Task PublishedNames_AreFlushedOncePerDirectory_AndDeletesTogether()
    {
        var names = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var key = $"recovery/tx{i}.json";
            await Store.PublishUnflushedAsync(await Store.PreparePutAsync(key, Bytes.Utf8($"sidecar {i}")), WriteCondition.IfNotExists);
            names.Add(key);
        }

        await Store.FlushNamesAsync(names);
        var reopened = new LocalDirectoryObjectStore(_directory.Combine("store"));
        Assert.Equal("sidecar 3", Bytes.Text((await reopened.GetAsync("recovery/tx3.json")).Content));

        Assert.Equal(4, await Store.DeleteAllAsync([.. names, "recovery/never.json"]));
        Assert.DoesNotContain(Directory.GetFiles(_directory.Combine("store", "recovery")), static f => f.EndsWith(".og-obj", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PreparedPut_HasNoNameUntilPublished()
    {
        var prepared = await Store.PreparePutAsync("manifests/inc/v2.json", Bytes.Utf8("manifest"));

        // An unnamed file: a process that dies now leaves nothing in the directory.
        Assert.Empty(Directory.GetFiles(_directory.Combine("store", "manifests", "inc")));
        Assert.Null(await Store.GetPropertiesAsync("manifests/inc/v2.json"));

        await Store.PublishAsync(prepared, WriteCondition.IfNotExists);
        Assert.Empty(Store.ListTemporaryFiles());
        Assert.Equal("manifest", Bytes.Text((await Store.GetAsync("manifests/inc/v2.json")).Content));
    }

    [Fact]
    public async Task PreparedPut_WithNamedTemporaryFiles_IsATemporaryFile_UntilPublished()
    {
        var store = new LocalDirectoryObjectStore(new LocalObjectStoreOptions { RootPath = _directory.Combine("named"), UnnamedTemporaryFiles = false });
        var prepared = await store.PreparePutAsync("manifests/inc/v2.json", Bytes.Utf8("manifest"));

        var temporary = Assert.Single(store.ListTemporaryFiles());
        Assert.StartsWith("manifests/inc/.og-tmp-", temporary.Path);
        Assert.Null(await store.GetPropertiesAsync("manifests/inc/v2.json"));

        await store.PublishAsync(prepared, WriteCondition.IfNotExists);
        Assert.Empty(store.ListTemporaryFiles());
        Assert.Equal("manifest", Bytes.Text((await store.GetAsync("manifests/inc/v2.json")).Content));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReplacingPut_LeavesOnlyTheObjectAndItsLockFile(bool unnamed)
    {
        var root = _directory.Combine(unnamed ? "unnamed" : "named");
        var store = new LocalDirectoryObjectStore(new LocalObjectStoreOptions { RootPath = root, UnnamedTemporaryFiles = unnamed });
        var first = await store.PutAsync("heads/main", Bytes.Utf8("1"), WriteCondition.IfNotExists);
        var prepared = await store.PreparePutAsync("heads/main", Bytes.Utf8("3"));

        await store.PutAsync("heads/main", Bytes.Utf8("2"), WriteCondition.IfMatch(first.ETag));
        await store.PublishAsync(prepared, WriteCondition.None);

        Assert.Equal("3", Bytes.Text((await store.GetAsync("heads/main")).Content));
        Assert.Equal(["main.og-obj"], Directory.GetFiles(Path.Combine(root, "heads")).Select(Path.GetFileName).Where(static f => !f!.StartsWith(".og-lock.", StringComparison.Ordinal)));
        Assert.Empty(store.ListTemporaryFiles());
    }

    [Fact]
    public async Task PreparedPut_ThatLosesItsCondition_OrIsDiscarded_LeavesNoTemporaryFile()
    {
        await Store.PutAsync("manifests/inc/v2.json", Bytes.Utf8("theirs"), WriteCondition.IfNotExists);
        var losing = await Store.PreparePutAsync("manifests/inc/v2.json", Bytes.Utf8("mine"));
        var dropped = await Store.PreparePutAsync("recovery/tx.json", Bytes.Utf8("sidecar"));

        await Assert.ThrowsAsync<ObjectPreconditionFailedException>(() => Store.PublishAsync(losing, WriteCondition.IfNotExists).AsTask());
        await Store.DiscardAsync(dropped);

        Assert.Empty(Store.ListTemporaryFiles());
        Assert.Equal("theirs", Bytes.Text((await Store.GetAsync("manifests/inc/v2.json")).Content));
    }

    public void Dispose() => _directory.Dispose();
}

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

        Assert.True(File.Exists(_directory.Combine("store", "tables", "t", "fragments", "f1.arrow.og-obj")));
        Assert.Empty(Store.ListTemporaryFiles());
        await Store.FlushAsync(["tables/t/fragments/f1.arrow"]);
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
    public async Task PreparedPut_IsATemporaryFile_UntilPublished()
    {
        var prepared = await Store.PreparePutAsync("manifests/inc/v2.json", Bytes.Utf8("manifest"));

        var temporary = Assert.Single(Store.ListTemporaryFiles());
        Assert.StartsWith("manifests/inc/.og-tmp-", temporary.Path);
        Assert.Null(await Store.GetPropertiesAsync("manifests/inc/v2.json"));

        await Store.PublishAsync(prepared, WriteCondition.IfNotExists);
        Assert.Empty(Store.ListTemporaryFiles());
        Assert.Equal("manifest", Bytes.Text((await Store.GetAsync("manifests/inc/v2.json")).Content));
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

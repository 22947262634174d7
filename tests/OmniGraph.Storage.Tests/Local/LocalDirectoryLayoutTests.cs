using OmniGraph.Testing.Errors;
using OmniGraph.Testing.IO;
using OmniGraph.Testing.Storage;

namespace OmniGraph.Storage.Tests.Local;

/// <summary>How keys map onto the local directory, and that nothing lands outside the root.</summary>
public sealed class LocalDirectoryLayoutTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string Root => _directory.Combine("store");

    private LocalDirectoryObjectStore OpenStore() => new(Root);

    [Fact]
    public async Task Layout_KeyMapsToItsDataFileUnderTheRoot()
    {
        var store = OpenStore();

        await store.PutAsync("graphs/g1/manifest.json", Bytes.Utf8("{}"), WriteCondition.IfNotExists);

        var dataFile = Path.Combine(Root, "graphs", "g1", "manifest.json.og-obj");
        Assert.True(File.Exists(dataFile));
        var text = await File.ReadAllTextAsync(dataFile);
        Assert.StartsWith("og-object/1 etag=", text, StringComparison.Ordinal);
        Assert.EndsWith("\n{}", text, StringComparison.Ordinal);
        Assert.Equal(64 + 2, new FileInfo(dataFile).Length);
    }

    [Fact]
    public async Task Layout_ObjectAndPrefixOfTheSameNameCoexist()
    {
        var store = OpenStore();

        await store.PutAsync("a/b", Bytes.Utf8("file"), WriteCondition.None);
        await store.PutAsync("a/b/c", Bytes.Utf8("nested"), WriteCondition.None);

        Assert.True(File.Exists(Path.Combine(Root, "a", "b.og-obj")));
        Assert.True(Directory.Exists(Path.Combine(Root, "a", "b")));
        Assert.Equal("file", Bytes.Text((await store.GetAsync("a/b")).Content));
        Assert.Equal("nested", Bytes.Text((await store.GetAsync("a/b/c")).Content));
    }

    [Fact]
    public async Task Layout_EveryFileOfEveryOperationStaysInsideTheRoot()
    {
        var store = OpenStore();
        var outsideBefore = Directory.GetFileSystemEntries(_directory.Path);

        await store.PutAsync("x/y/z", Bytes.Utf8("1"), WriteCondition.None);
        var lease = await store.AcquireLeaseAsync("x/y/z", TimeSpan.FromSeconds(30));
        await store.PutAsync("x/y/z", Bytes.Utf8("2"), WriteCondition.None.WithLease(lease.LeaseId));
        foreach (var attack in new[] { "../escape", "x/../../escape", "/tmp/escape", "x\\..\\..\\escape" })
        {
            await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidObjectKey, () => store.PutAsync(attack, Bytes.Utf8("bad"), WriteCondition.None).AsTask());
        }

        Assert.Equal(outsideBefore, Directory.GetFileSystemEntries(_directory.Path));
        Assert.All(
            Directory.GetFiles(Root, "*", SearchOption.AllDirectories),
            file => Assert.StartsWith(Root + Path.DirectorySeparatorChar, Path.GetFullPath(file), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Layout_ForeignAndBookkeepingFiles_AreNeverListed()
    {
        var store = OpenStore();
        await store.PutAsync("dir/real", Bytes.Utf8("1"), WriteCondition.None);
        await File.WriteAllTextAsync(Path.Combine(Root, "README"), "left by a person");
        await File.WriteAllTextAsync(Path.Combine(Root, "dir", "notes.txt"), "no suffix, not an object");
        Directory.CreateDirectory(Path.Combine(Root, ".og-reserved"));
        await File.WriteAllTextAsync(Path.Combine(Root, ".og-reserved", "x.og-obj"), "inside a reserved directory");
        await File.WriteAllTextAsync(Path.Combine(Root, "dir", ".og-tmp-01ARZ3NDEKTSV4RRFFQ69G5FAV"), "half a write");

        var page = await store.ListAsync("");

        Assert.Equal(["dir/real"], page.Objects.Select(o => o.Key));
    }

    [Fact]
    public async Task Layout_DeleteAndFailedConditionalWrites_LeaveNoLockFilesBehind()
    {
        var store = OpenStore();
        await store.PutAsync("k/one", Bytes.Utf8("1"), WriteCondition.None);
        var lease = await store.AcquireLeaseAsync("k/one", TimeSpan.FromSeconds(20));
        await store.DeleteAsync("k/one", WriteCondition.None.WithLease(lease.LeaseId));
        await Assert.ThrowsAsync<ObjectPreconditionFailedException>(() => store.PutAsync("k/missing", Bytes.Utf8("x"), WriteCondition.IfMatch("t")).AsTask());
        await store.DeleteAsync("k/never", WriteCondition.None);

        Assert.Empty(Directory.GetFiles(Path.Combine(Root, "k"), ".og-lock.*"));
    }

    [Fact]
    public async Task Layout_ReopenedStore_SeesTheSameTagsLeasesAndBytes()
    {
        var first = OpenStore();
        var written = await first.PutAsync("state/grain", Bytes.Utf8("v1"), WriteCondition.IfNotExists);
        var lease = await first.AcquireLeaseAsync("state/grain", Timeout.InfiniteTimeSpan);

        var reopened = OpenStore();

        var read = await reopened.GetAsync("state/grain");
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal(written, (await reopened.GetPropertiesAsync("state/grain"))! with { IsLeased = false });
        Assert.True((await reopened.GetPropertiesAsync("state/grain"))!.IsLeased);
        await Assert.ThrowsAsync<ObjectPreconditionFailedException>(() => reopened.PutAsync("state/grain", Bytes.Utf8("x"), WriteCondition.IfMatch(written.ETag)).AsTask());
        var replaced = await reopened.PutAsync("state/grain", Bytes.Utf8("v2"), WriteCondition.IfMatch(written.ETag).WithLease(lease.LeaseId));
        Assert.Equal(replaced.ETag, (await first.GetAsync("state/grain")).ETag);
    }

    [Fact]
    public void Open_CreatesAMissingRootWithItsParents()
    {
        var nested = _directory.Combine("deep", "er", "store");

        var store = new LocalDirectoryObjectStore(nested);

        Assert.True(Directory.Exists(nested));
        Assert.Equal(nested, store.RootPath);
        Assert.Equal(new Uri(nested).AbsoluteUri, store.Location);
    }

    [Fact]
    public void Open_MissingRootWithCreationDisabled_IsUnavailable()
    {
        var error = ErrorAssert.Throws(ErrorCodes.StoreUnavailable, 
            () => new LocalDirectoryObjectStore(new LocalObjectStoreOptions { RootPath = _directory.Combine("absent"), CreateRootIfMissing = false }));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();
}

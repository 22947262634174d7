using Microsoft.Extensions.Logging.Abstractions;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.IO;
using OmniGraph.Testing.Storage;

namespace OmniGraph.Storage.Tests.Local;

/// <summary>
/// What a crash can leave behind and how the store treats it. A writer killed mid-write leaves at most its
/// temporary file (it never got to the publishing rename or link), so these tests plant such files directly.
/// </summary>
public sealed class LocalDirectoryCrashSafetyTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ManualTimeProvider _time = new();

    private string Root => _directory.Combine("store");

    private LocalDirectoryObjectStore OpenStore(bool sweepOnOpen = false) => new(
        new LocalObjectStoreOptions { RootPath = Root, RemoveStaleTemporaryFilesOnOpen = sweepOnOpen },
        NullLogger<LocalDirectoryObjectStore>.Instance,
        _time);

    /// <summary>The temporary-file name a writer that started at <paramref name="created"/> would have used.</summary>
    private static string TempName(DateTimeOffset created)
    {
        // A ULID's first ten Crockford base32 characters are its 48-bit millisecond timestamp.
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        Span<char> timestamp = stackalloc char[10];
        var millis = created.ToUnixTimeMilliseconds();
        for (var i = timestamp.Length - 1; i >= 0; i--)
        {
            timestamp[i] = alphabet[(int)(millis & 31)];
            millis >>= 5;
        }

        return string.Concat(".og-tmp-", timestamp, "0000000000000000");
    }

    /// <summary>A writer that died after writing half its temporary file: readers still get the old version whole.</summary>
    [Fact]
    public async Task TornWrite_IsNeverVisible()
    {
        var store = OpenStore();
        var before = await store.PutAsync("heads/main", Bytes.Utf8("version 1"), WriteCondition.None);
        var torn = Path.Combine(Root, "heads", TempName(_time.GetUtcNow()));
        await File.WriteAllBytesAsync(torn, Bytes.Utf8("og-object/1 etag=01J")); // header cut short, no content

        var read = await store.GetAsync("heads/main");
        var listed = await store.ListAsync("");

        Assert.Equal("version 1", Bytes.Text(read.Content));
        Assert.Equal(before.ETag, read.ETag);
        Assert.Equal(["heads/main"], listed.Objects.Select(o => o.Key));
        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidObjectKey, () => store.GetAsync("heads/" + Path.GetFileName(torn)).AsTask());
    }

    [Fact]
    public async Task StaleTemporaryFile_IsRemovedWhenItsDirectoryIsNextWritten_YoungOneIsKept()
    {
        var seed = OpenStore();
        await seed.PutAsync("t/existing", Bytes.Utf8("x"), WriteCondition.None);
        var stale = Path.Combine(Root, "t", TempName(_time.GetUtcNow() - TimeSpan.FromMinutes(30)));
        var young = Path.Combine(Root, "t", TempName(_time.GetUtcNow() - TimeSpan.FromSeconds(10)));
        await File.WriteAllTextAsync(stale, "crashed writer");
        await File.WriteAllTextAsync(young, "live writer in another process");

        var store = OpenStore();
        await store.PutAsync("t/next", Bytes.Utf8("y"), WriteCondition.IfNotExists);

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(young));
    }

    [Fact]
    public async Task StaleTemporaryFile_IsRemovedOnLaterWritesOnceItAges()
    {
        var store = OpenStore();
        await store.PutAsync("t/first", Bytes.Utf8("x"), WriteCondition.None);
        var orphan = Path.Combine(Root, "t", TempName(_time.GetUtcNow()));
        await File.WriteAllTextAsync(orphan, "crashed writer");

        await store.PutAsync("t/second", Bytes.Utf8("x"), WriteCondition.None);
        Assert.True(File.Exists(orphan));

        _time.Advance(TimeSpan.FromMinutes(6));
        await store.PutAsync("t/third", Bytes.Utf8("x"), WriteCondition.None);
        Assert.False(File.Exists(orphan));
    }

    [Fact]
    public async Task StaleTemporaryFiles_AreRemovedAcrossTheTreeOnOpenWhenAsked()
    {
        var seed = OpenStore();
        await seed.PutAsync("a/b/c", Bytes.Utf8("x"), WriteCondition.None);
        await seed.PutAsync("top", Bytes.Utf8("x"), WriteCondition.None);
        var old = _time.GetUtcNow() - TimeSpan.FromHours(1);
        var deep = Path.Combine(Root, "a", "b", TempName(old));
        var top = Path.Combine(Root, TempName(old));
        var unparsable = Path.Combine(Root, "a", ".og-tmp-not-a-ulid");
        await File.WriteAllTextAsync(deep, "x");
        await File.WriteAllTextAsync(top, "x");
        await File.WriteAllTextAsync(unparsable, "x");
        File.SetLastWriteTimeUtc(unparsable, old.UtcDateTime);

        OpenStore(sweepOnOpen: true);

        Assert.False(File.Exists(deep));
        Assert.False(File.Exists(top));
        Assert.False(File.Exists(unparsable));
        Assert.Equal("x", Bytes.Text((await seed.GetAsync("a/b/c")).Content));
    }

    [Fact]
    public async Task DamagedDataFile_IsReportedAsCorruptNotAsData()
    {
        var store = OpenStore();
        await store.PutAsync("good", Bytes.Utf8("x"), WriteCondition.None);
        await File.WriteAllTextAsync(Path.Combine(Root, "foreign.og-obj"), "not written by the store");
        await File.WriteAllTextAsync(Path.Combine(Root, "short.og-obj"), "og-object/1");
        await File.WriteAllBytesAsync(Path.Combine(Root, "zeroed.og-obj"), new byte[100]);

        var foreign = await Assert.ThrowsAsync<CorruptObjectException>(() => store.GetAsync("foreign").AsTask());
        await Assert.ThrowsAsync<CorruptObjectException>(() => store.GetRangeAsync("short", 0, 1).AsTask());
        await Assert.ThrowsAsync<CorruptObjectException>(() => store.GetPropertiesAsync("foreign").AsTask());
        var zeroed = await Assert.ThrowsAsync<CorruptObjectException>(() => store.GetAsync("zeroed").AsTask());

        Assert.Equal("corrupt_object", foreign.Code);
        Assert.Equal("corrupt_object", zeroed.Code);
        Assert.Contains("header", foreign.Message, StringComparison.Ordinal);
        Assert.Contains("zeroed.og-obj", zeroed.Message, StringComparison.Ordinal);
    }

    /// <summary>A lease record torn by a crash fails its checksum and reads as "not leased" rather than as a wrong expiry.</summary>
    [Fact]
    public async Task TornLeaseRecord_ReadsAsNotLeased()
    {
        var store = OpenStore();
        await store.PutAsync("l/x", Bytes.Utf8("x"), WriteCondition.None);
        await store.AcquireLeaseAsync("l/x", Timeout.InfiniteTimeSpan);
        var lockFile = Path.Combine(Root, "l", ".og-lock.x");
        var record = await File.ReadAllTextAsync(lockFile);
        await File.WriteAllTextAsync(lockFile, record.Replace(" -1 -1 ", " -1 99 ", StringComparison.Ordinal));

        Assert.False((await store.GetPropertiesAsync("l/x"))!.IsLeased);
        await store.PutAsync("l/x", Bytes.Utf8("writable"), WriteCondition.None);
    }

    public void Dispose() => _directory.Dispose();
}

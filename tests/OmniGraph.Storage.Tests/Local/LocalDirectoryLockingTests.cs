using Microsoft.Extensions.Logging.Abstractions;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.IO;
using OmniGraph.Testing.Storage;

namespace OmniGraph.Storage.Tests.Local;

/// <summary>
/// The cross-process key lock. Another holder is played by a <see cref="FileStream"/> opened with
/// <see cref="FileShare.None"/>, which on Linux takes the same exclusive <c>flock</c> a second process would.
/// </summary>
public sealed class LocalDirectoryLockingTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string Root => _directory.Combine("store");

    private string LockFile(string directory, string leaf) => Path.Combine(Root, directory, ".og-lock." + leaf);

    private LocalDirectoryObjectStore OpenStore(TimeSpan lockTimeout) => new(
        new LocalObjectStoreOptions { RootPath = Root, LockTimeout = lockTimeout },
        NullLogger<LocalDirectoryObjectStore>.Instance);

    private static FileStream HoldLock(string path) => new(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

    [Fact]
    public async Task Lock_HeldElsewhereLongerThanTheTimeout_FailsUnavailableAndWritesNothing()
    {
        var store = OpenStore(TimeSpan.FromMilliseconds(200));
        await store.PutAsync("k/head", Bytes.Utf8("1"), WriteCondition.None);

        using (HoldLock(LockFile("k", "head")))
        {
            var error = await ErrorAssert.ThrowsAsync(ErrorCodes.StoreUnavailable, () => store.PutAsync("k/head", Bytes.Utf8("2"), WriteCondition.None).AsTask());
            Assert.Contains("timed out", error.Message, StringComparison.Ordinal);

            // Create-if-absent takes no lock, and other keys have their own.
            await store.PutAsync("k/fresh", Bytes.Utf8("x"), WriteCondition.IfNotExists);
            await store.PutAsync("k/other", Bytes.Utf8("x"), WriteCondition.None);
        }

        Assert.Equal("1", Bytes.Text((await store.GetAsync("k/head")).Content));
        Assert.Empty(Directory.GetFiles(Path.Combine(Root, "k"), ".og-tmp-*"));
    }

    [Fact]
    public async Task Lock_WaitIsCancellable()
    {
        var store = OpenStore(TimeSpan.FromSeconds(30));
        await store.PutAsync("k/head", Bytes.Utf8("1"), WriteCondition.None);
        using var holder = HoldLock(LockFile("k", "head"));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.DeleteAsync("k/head", WriteCondition.None, cancellation.Token).AsTask());

        Assert.Equal("1", Bytes.Text((await store.GetAsync("k/head")).Content));
    }

    [Fact]
    public async Task Lock_ReleasedByTheOtherHolder_LetsTheWaiterProceed()
    {
        var store = OpenStore(TimeSpan.FromSeconds(30));
        await store.PutAsync("k/head", Bytes.Utf8("1"), WriteCondition.None);
        var holder = HoldLock(LockFile("k", "head"));

        var waiting = store.PutAsync("k/head", Bytes.Utf8("2"), WriteCondition.None).AsTask();
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);
        await holder.DisposeAsync();

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("2", Bytes.Text((await store.GetAsync("k/head")).Content));
    }

    /// <summary>
    /// A waiter granted the lock on a lock file that was unlinked meanwhile must not proceed: it retries on the
    /// file the path names now, which here is still held, so it keeps waiting until that one is released.
    /// </summary>
    [Fact]
    public async Task Lock_OnAnUnlinkedLockFile_IsNotTrustedAndTheWaiterRetries()
    {
        var store = OpenStore(TimeSpan.FromSeconds(30));
        await store.PutAsync("k/head", Bytes.Utf8("1"), WriteCondition.None);
        var path = LockFile("k", "head");
        var oldHolder = HoldLock(path);

        var waiting = store.PutAsync("k/head", Bytes.Utf8("2"), WriteCondition.None).AsTask();
        await Task.Delay(50);
        File.Delete(path);
        var newHolder = HoldLock(path);
        await oldHolder.DisposeAsync();
        await Task.Delay(200);

        Assert.False(waiting.IsCompleted, "the waiter must not act on a lock file that no longer guards the key");
        await newHolder.DisposeAsync();
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("2", Bytes.Text((await store.GetAsync("k/head")).Content));
    }

    public void Dispose() => _directory.Dispose();
}

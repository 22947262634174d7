using OmniGraph.Storage.Local;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.IO;
using OmniGraph.Testing.Storage;

namespace OmniGraph.Storage.Tests.Local;

/// <summary>Operating-system failures surface as an <see cref="OmniGraphException"/> (<c>store_unavailable</c>) with the OS message.</summary>
public sealed class LocalDirectoryErrorTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string Root => _directory.Combine("store");

    [Fact]
    public void Open_RootThatIsAFile_IsUnavailable()
    {
        File.WriteAllText(_directory.Combine("file"), "not a directory");

        var error = ErrorAssert.Throws(ErrorCodes.StoreUnavailable, () => new LocalDirectoryObjectStore(_directory.Combine("file")));

        Assert.Equal(ErrorCodes.StoreUnavailable, error.Code);
        Assert.Contains("not a directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_WhereAPathComponentIsAForeignFile_IsUnavailableAndNamesThePath()
    {
        var store = new LocalDirectoryObjectStore(Root);
        await File.WriteAllTextAsync(Path.Combine(Root, "blocked"), "a file where the store needs a directory");

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.StoreUnavailable, () => store.PutAsync("blocked/x", Bytes.Utf8("x"), WriteCondition.None).AsTask());

        Assert.Equal("blocked/x", error.Get(ErrorDetail.Key));
        Assert.Contains(Path.Combine(Root, "blocked"), error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(error.InnerException);
    }

    [Fact]
    public async Task Read_UnderAForeignFile_IsNotFound()
    {
        var store = new LocalDirectoryObjectStore(Root);
        await File.WriteAllTextAsync(Path.Combine(Root, "blocked"), "a file");

        await Assert.ThrowsAsync<ObjectNotFoundException>(() => store.GetAsync("blocked/x").AsTask());
        Assert.Null(await store.GetPropertiesAsync("blocked/x"));
    }

    [Theory]
    [InlineData(28, "failed: no space left on the device (errno 28)")]
    [InlineData(13, "failed: permission denied (errno 13)")]
    [InlineData(5, "failed: the device reported an I/O error (errno 5)")]
    public void Errno_IsReportedAsASentence(int errno, string message)
    {
        var error = LocalIoErrors.FromErrno("k", "publishing", "/data/k.og-obj", errno);

        Assert.Equal(ErrorCodes.StoreUnavailable, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains("/data/k.og-obj", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();
}

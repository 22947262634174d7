using OmniGraph.Testing.IO;
using OmniGraph.Testing.Storage;

namespace OmniGraph.Storage.Tests.Addressing;

public sealed class ObjectStoreUriTests
{
    [Fact]
    public void Parse_RelativePath_IsNormalisedToAnAbsoluteLocalDirectory()
    {
        var parsed = ObjectStoreUri.Parse("data/graph");

        Assert.Equal(ObjectStoreKind.LocalDirectory, parsed.Kind);
        Assert.Equal(Path.GetFullPath("data/graph"), parsed.Address);
        Assert.True(Path.IsPathRooted(parsed.Address));
    }

    [Theory]
    [InlineData("file:///var/lib/omnigraph", "/var/lib/omnigraph")]
    [InlineData("file://localhost/var/lib/omnigraph", "/var/lib/omnigraph")]
    [InlineData("FILE:///tmp/a%20b", "/tmp/a b")]
    [InlineData("/var/lib/../lib/omnigraph", "/var/lib/omnigraph")]
    public void Parse_FileUriOrAbsolutePath_GivesTheDecodedAbsolutePath(string location, string expected)
    {
        var parsed = ObjectStoreUri.Parse(location);

        Assert.Equal(ObjectStoreKind.LocalDirectory, parsed.Kind);
        Assert.Equal(expected, parsed.Address);
    }

    [Theory]
    [InlineData("memory://graph-1", "graph-1")]
    [InlineData("memory://tests.v2_a/", "tests.v2_a")]
    [InlineData("MEMORY://x", "x")]
    public void Parse_MemoryUri_GivesTheStoreName(string location, string name)
    {
        var parsed = ObjectStoreUri.Parse(location);

        Assert.Equal(ObjectStoreKind.Memory, parsed.Kind);
        Assert.Equal(name, parsed.Address);
        Assert.Equal($"memory://{name}", parsed.ToString());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("s3://bucket/x", "unknown scheme 's3'")]
    [InlineData("az://container/prefix", "needs the Azure Blob store (OmniGraph.Storage.Azure")]
    [InlineData("https://example.com/x", "unknown scheme 'https'")]
    [InlineData("memory://", "needs a name")]
    [InlineData("memory://a/b", "letters, digits")]
    [InlineData("memory://a b", "letters, digits")]
    [InlineData("file://relative/path", "read as a host")]
    [InlineData("a\0b", "NUL")]
    public void Parse_BadLocation_FailsTypedWithAReason(string location, string reason)
    {
        var error = Assert.Throws<InvalidObjectStoreUriException>(() => ObjectStoreUri.Parse(location));

        Assert.Equal(ErrorCodes.InvalidStoreUri, error.Code);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_MemoryUri_ReturnsTheSameProcessWideStoreEachTime()
    {
        var name = "uri-test-" + Guid.NewGuid().ToString("N");
        try
        {
            var first = ObjectStoreUri.Open($"memory://{name}");
            await first.PutAsync("k", Bytes.Utf8("shared"), WriteCondition.None);

            var second = ObjectStoreUri.Open($"memory://{name}");

            Assert.Same(first, second);
            Assert.Same(first, NamedMemoryObjectStores.GetOrCreate(name));
            Assert.Equal("shared", Bytes.Text((await second.GetAsync("k")).Content));
        }
        finally
        {
            Assert.True(NamedMemoryObjectStores.Remove(name));
        }
    }

    [Fact]
    public async Task Open_FileUri_OpensALocalDirectoryStoreThere()
    {
        using var directory = new TempDirectory();

        var store = ObjectStoreUri.Open(new Uri(directory.Combine("graph")).AbsoluteUri);
        await store.PutAsync("k", Bytes.Utf8("x"), WriteCondition.None);

        var local = Assert.IsType<LocalDirectoryObjectStore>(store);
        Assert.Equal(directory.Combine("graph"), local.RootPath);
        Assert.True(File.Exists(directory.Combine("graph", "k.og-obj")));
    }
}

using OmniGraph.Testing.Errors;
using OmniGraph.Testing.IO;
using OmniGraph.Testing.Storage;

namespace OmniGraph.Storage.Tests.Decorators;

/// <summary>What a prefixed view adds beyond the shared contract: isolation, key translation, location.</summary>
public sealed class PrefixedObjectStoreBehaviorTests
{
    [Fact]
    public async Task Prefixed_WritesLandUnderThePrefixInTheInnerStore()
    {
        var inner = new MemoryObjectStore();
        var view = new PrefixedObjectStore(inner, "graphs/g1/");

        await view.PutAsync("manifest", Bytes.Utf8("m"), WriteCondition.None);

        Assert.Equal("m", Bytes.Text((await inner.GetAsync("graphs/g1/manifest")).Content));
        Assert.Equal("graphs/g1/", view.Prefix);
        Assert.Equal("memory://anonymous/graphs/g1/", view.Location);
    }

    [Fact]
    public async Task Prefixed_TwoViewsOfOneStore_DoNotSeeEachOther()
    {
        var inner = new MemoryObjectStore();
        var g1 = new PrefixedObjectStore(inner, "g1");
        var g10 = new PrefixedObjectStore(inner, "g10");

        await g1.PutAsync("x", Bytes.Utf8("1"), WriteCondition.IfNotExists);
        await g10.PutAsync("x", Bytes.Utf8("10"), WriteCondition.IfNotExists);

        Assert.Equal(["x"], (await g1.ListAsync("")).Objects.Select(o => o.Key));
        Assert.Equal("1", Bytes.Text((await g1.GetAsync("x")).Content));
        Assert.Equal("10", Bytes.Text((await g10.GetAsync("x")).Content));
    }

    [Fact]
    public async Task Prefixed_ErrorsNameTheKeyAsTheCallerKnowsIt()
    {
        var view = new PrefixedObjectStore(new MemoryObjectStore(), "graphs/g1");
        var written = await view.PutAsync("head", Bytes.Utf8("1"), WriteCondition.None);

        var notFound = await Assert.ThrowsAsync<ObjectNotFoundException>(() => view.GetAsync("missing").AsTask());
        var conflict = await Assert.ThrowsAsync<ObjectPreconditionFailedException>(() => view.PutAsync("head", Bytes.Utf8("2"), WriteCondition.IfNotExists).AsTask());

        Assert.Equal("missing", notFound.Key);
        Assert.Equal("head", conflict.Key);
        Assert.Equal(written.ETag, conflict.CurrentETag);
        Assert.Equal(WriteConditionKind.IfNotExists, conflict.Condition.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/abs")]
    [InlineData("a//b")]
    [InlineData("../up")]
    public void Prefixed_InvalidPrefix_IsRejected(string prefix)
    {
        ErrorAssert.Throws(ErrorCodes.InvalidObjectKey, () => new PrefixedObjectStore(new MemoryObjectStore(), prefix));
    }

    [Fact]
    public async Task Prefixed_OverLocalDirectory_KeepsObjectsInTheSubdirectory()
    {
        using var directory = new TempDirectory();
        var view = new PrefixedObjectStore(new LocalDirectoryObjectStore(directory.Path), "graphs/g1");

        await view.PutAsync("tables/Person/v1.json", Bytes.Utf8("{}"), WriteCondition.IfNotExists);

        Assert.True(File.Exists(Path.Combine(directory.Path, "graphs", "g1", "tables", "Person", "v1.json.og-obj")));
        Assert.Equal(["tables/Person/v1.json"], (await view.ListAsync("tables/")).Objects.Select(o => o.Key));
    }
}

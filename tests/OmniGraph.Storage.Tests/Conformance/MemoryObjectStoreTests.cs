using OmniGraph.Testing.Storage.Conformance;

namespace OmniGraph.Storage.Tests.Conformance;

/// <summary>The conformance suite against <see cref="MemoryObjectStore"/>.</summary>
public sealed class MemoryObjectStoreTests : ObjectStoreConformanceTests
{
    protected override Task<IObjectStore> CreateStoreAsync(TimeProvider timeProvider) =>
        Task.FromResult<IObjectStore>(new MemoryObjectStore("conformance", timeProvider));

    [Fact]
    public void Location_NamesTheStore()
    {
        Assert.Equal("memory://conformance", Store.Location);
        Assert.Equal("memory://anonymous", new MemoryObjectStore().Location);
    }
}

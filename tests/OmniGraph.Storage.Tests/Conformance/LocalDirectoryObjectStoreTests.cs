using OmniGraph.Testing.IO;
using OmniGraph.Testing.Storage.Conformance;

namespace OmniGraph.Storage.Tests.Conformance;

/// <summary>The conformance suite against <see cref="LocalDirectoryObjectStore"/>, each test in a fresh directory.</summary>
public sealed class LocalDirectoryObjectStoreTests : ObjectStoreConformanceTests, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override Task<IObjectStore> CreateStoreAsync(TimeProvider timeProvider) =>
        Task.FromResult<IObjectStore>(new LocalDirectoryObjectStore(new LocalObjectStoreOptions { RootPath = _directory.Combine("store") }, timeProvider: timeProvider));

    public void Dispose() => _directory.Dispose();
}

using OmniGraph.Testing.IO;
using OmniGraph.Testing.Storage.Conformance;

namespace OmniGraph.Storage.Tests.Conformance;

/// <summary>
/// The conformance suite against <see cref="LocalDirectoryObjectStore"/> with named temporary files only: what a store
/// on a file system without unnamed files (<c>O_TMPFILE</c>) does.
/// </summary>
public sealed class LocalDirectoryNamedTemporaryFilesTests : ObjectStoreConformanceTests, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override Task<IObjectStore> CreateStoreAsync(TimeProvider timeProvider) =>
        Task.FromResult<IObjectStore>(new LocalDirectoryObjectStore(new LocalObjectStoreOptions { RootPath = _directory.Combine("store"), UnnamedTemporaryFiles = false }, timeProvider: timeProvider));

    public void Dispose() => _directory.Dispose();
}

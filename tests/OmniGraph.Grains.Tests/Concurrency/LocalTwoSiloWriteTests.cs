using OmniGraph.Storage;
using OmniGraph.Testing.IO;

namespace OmniGraph.Grains.Tests.Concurrency;

/// <summary>The two-silo write races on one local directory.</summary>
public sealed class LocalTwoSiloWriteTests : TwoSiloWriteTests
{
    private readonly TempDirectory _directory = new();

    protected override (IObjectStore A, IObjectStore B) CreateStores() =>
        (new LocalDirectoryObjectStore(_directory.Path), new LocalDirectoryObjectStore(_directory.Path));

    protected override void ReleaseStores() => _directory.Dispose();
}

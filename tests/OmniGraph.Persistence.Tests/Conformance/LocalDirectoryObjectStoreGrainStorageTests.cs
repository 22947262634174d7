using OmniGraph.Storage;
using Orleans.Storage;

namespace OmniGraph.Persistence.Tests.Conformance;

/// <summary>The conformance suite against <see cref="ObjectStoreGrainStorage"/> over <see cref="LocalDirectoryObjectStore"/> in a temporary directory.</summary>
public sealed class LocalDirectoryObjectStoreGrainStorageTests : GrainStorageTestRunner, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"og-grainstate-{Guid.NewGuid():N}");

    public LocalDirectoryObjectStoreGrainStorageTests()
    {
        Storage = MemoryObjectStoreGrainStorageTests.ProviderOver(new LocalDirectoryObjectStore(_root));
    }

    protected override IGrainStorage Storage { get; }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OmniGraph.Storage;
using Orleans.Storage;

namespace OmniGraph.Persistence.Tests.Conformance;

/// <summary>The conformance suite against <see cref="ObjectStoreGrainStorage"/> over <see cref="MemoryObjectStore"/>.</summary>
public sealed class MemoryObjectStoreGrainStorageTests : GrainStorageTestRunner
{
    protected override IGrainStorage Storage { get; } = ProviderOver(new MemoryObjectStore());

    /// <summary>A provider named "test" over <paramref name="store"/>, outside any silo.</summary>
    internal static ObjectStoreGrainStorage ProviderOver(IObjectStore store, string keyPrefix = "")
        => new("test", new ObjectStoreGrainStorageOptions { ObjectStore = store, KeyPrefix = keyPrefix }, new ServiceCollection().BuildServiceProvider(), NullLogger<ObjectStoreGrainStorage>.Instance);
}

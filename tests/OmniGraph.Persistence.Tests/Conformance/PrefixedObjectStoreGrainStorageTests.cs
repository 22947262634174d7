using OmniGraph.Storage;
using Orleans.Storage;

namespace OmniGraph.Persistence.Tests.Conformance;

/// <summary>The conformance suite with a key prefix (grain state sharing a store with other data).</summary>
public sealed class PrefixedObjectStoreGrainStorageTests : GrainStorageTestRunner
{
    protected override IGrainStorage Storage { get; } = MemoryObjectStoreGrainStorageTests.ProviderOver(new MemoryObjectStore(), "graphs/g1/grainstate/");
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OmniGraph.Persistence;
using OmniGraph.Persistence.Tests.Conformance;
using OmniGraph.Testing.Azure;
using Orleans.Storage;

namespace OmniGraph.Storage.Azure.Tests.Conformance;

/// <summary>The grain-storage conformance suite against <see cref="ObjectStoreGrainStorage"/> over the blob store on Azurite.</summary>
public sealed class AzureBlobGrainStorageTests : GrainStorageTestRunner, IClassFixture<AzuriteFixture>
{
    public AzureBlobGrainStorageTests(AzuriteFixture azurite)
    {
        Storage = new ObjectStoreGrainStorage(
            "test",
            new ObjectStoreGrainStorageOptions { ObjectStore = azurite.CreateStore(), KeyPrefix = "grain-state" },
            new ServiceCollection().BuildServiceProvider(),
            NullLogger<ObjectStoreGrainStorage>.Instance);
    }

    protected override IGrainStorage Storage { get; }
}

using OmniGraph.Testing.Azure;

namespace OmniGraph.Storage.Azure.Tests.Conformance;

/// <summary>
/// The object-store conformance suite against <see cref="AzureBlobObjectStore"/> on Azurite, each test in a container of
/// its own. The class has an Azurite of its own whose clock the lease-expiry tests move.
/// </summary>
public sealed class AzureBlobObjectStoreConformanceTests(ClockedAzuriteFixture azurite) : AzuriteConformanceTests(azurite)
{
    protected override Task<IObjectStore> CreateStoreAsync(TimeProvider timeProvider) => Task.FromResult(Azurite.CreateStore());

    [Fact]
    public void Location_NamesTheContainer()
    {
        var store = Assert.IsType<AzureBlobObjectStore>(Store);

        Assert.Equal($"az://{store.ContainerName}", store.Location);
        Assert.StartsWith("og-test-", store.ContainerName, StringComparison.Ordinal);
    }
}

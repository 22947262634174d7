using OmniGraph.Testing.Azure;

namespace OmniGraph.Storage.Azure.Tests.Conformance;

/// <summary>
/// The conformance suite against a store opened by location, <c>az://CONTAINER/graphs/g1</c>, through the provider: a
/// prefixed view of a container whose neighbours outside the prefix the view must never see or touch.
/// </summary>
public sealed class AzureBlobPrefixedConformanceTests(ClockedAzuriteFixture azurite) : AzuriteConformanceTests(azurite)
{
    private const string ViewPrefix = "graphs/g1/";

    protected override int MaxKeyBytes => ObjectKey.MaxKeyBytes - ViewPrefix.Length;

    protected override async Task<IObjectStore> CreateStoreAsync(TimeProvider timeProvider)
    {
        var registry = new ObjectStoreProviderRegistry();
        AzureBlobObjectStoreProvider.Register(
            options =>
            {
                options.ConnectionString = Azurite.Server.ConnectionString;
                options.RetryDelay = TimeSpan.FromMilliseconds(20);
            },
            registry);
        var container = AzuriteStores.NewContainerName("prefixed");
        var whole = ObjectStoreUri.Open($"az://{container}", registry);
        foreach (var neighbour in new[] { "graphs/g0/x", "graphs/g1", "graphs/g1-other/x", "graphs/g2/x", "a" })
        {
            await whole.PutAsync(neighbour, new byte[] { 1 }, WriteCondition.None);
        }

        return ObjectStoreUri.Open($"az://{container}/graphs/g1", registry);
    }

    [Fact]
    public void Location_IsTheCanonicalUriOfTheView()
    {
        var view = Assert.IsType<PrefixedObjectStore>(Store);
        var container = Assert.IsType<AzureBlobObjectStore>(view.Inner);

        Assert.Equal($"az://{container.ContainerName}/graphs/g1/", view.Location);
    }
}

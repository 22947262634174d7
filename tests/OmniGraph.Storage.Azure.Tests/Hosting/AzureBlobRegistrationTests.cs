using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OmniGraph.Testing.Azure;
using OmniGraph.Testing.Storage;

namespace OmniGraph.Storage.Azure.Tests.Hosting;

/// <summary>Service-collection registration: the store itself, keyed stores, and the az:// scheme for stores opened by location.</summary>
public sealed class AzureBlobRegistrationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task AddAzureBlobObjectStore_ResolvesTheConfiguredContainerAndPrefix()
    {
        var container = AzuriteStores.NewContainerName("di");
        using var services = new ServiceCollection()
            .AddLogging()
            .AddAzureBlobObjectStore(options =>
            {
                options.ConnectionString = azurite.Server.ConnectionString;
                options.ContainerName = container;
                options.Prefix = "graphs/g1";
            })
            .BuildServiceProvider();

        var store = services.GetRequiredService<IObjectStore>();
        await store.PutAsync("k", Bytes.Utf8("x"), WriteCondition.None);

        Assert.Same(store, services.GetRequiredService<IObjectStore>());
        Assert.Equal($"az://{container}/graphs/g1/", store.Location);
        Assert.Equal(["graphs/g1/k"], (await AzuriteStores.Create(azurite.Server, o => o.ContainerName = container).ListAsync("")).Objects.Select(o => o.Key));
    }

    [Fact]
    public void AddAzureBlobObjectStore_WithInvalidOptions_FailsValidationOnResolve()
    {
        using var services = new ServiceCollection()
            .AddAzureBlobObjectStore(options => options.ConnectionString = azurite.Server.ConnectionString)
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IObjectStore>());

        Assert.Contains(error.Failures, f => f.Contains("ContainerName", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddAzureBlobObjectStore_ByName_RegistersKeyedStoresSideBySide()
    {
        using var services = new ServiceCollection()
            .AddAzureBlobObjectStore("hot", options => { options.ConnectionString = azurite.Server.ConnectionString; options.ContainerName = AzuriteStores.NewContainerName("hot"); })
            .AddAzureBlobObjectStore("cold", options => { options.ConnectionString = azurite.Server.ConnectionString; options.ContainerName = AzuriteStores.NewContainerName("cold"); })
            .BuildServiceProvider();

        var hot = services.GetRequiredKeyedService<IObjectStore>("hot");
        var cold = services.GetRequiredKeyedService<IObjectStore>("cold");
        await hot.PutAsync("k", Bytes.Utf8("x"), WriteCondition.None);

        Assert.NotEqual(hot.Location, cold.Location);
        Assert.Null(await cold.GetPropertiesAsync("k"));
    }

    [Fact]
    public async Task AddAzureBlobObjectStoreProvider_MakesAzLocationsOpenThroughTheRegistryAndTheContainer()
    {
        var registry = new ObjectStoreProviderRegistry();
        var container = AzuriteStores.NewContainerName("scheme");
        using var services = new ServiceCollection()
            .AddLogging()
            .AddAzureBlobObjectStoreProvider(options => options.ConnectionString = azurite.Server.ConnectionString, registry)
            .AddObjectStore($"az://{container}/g", registry)
            .BuildServiceProvider();

        var store = services.GetRequiredService<IObjectStore>();
        await store.PutAsync("k", Bytes.Utf8("x"), WriteCondition.IfNotExists);

        var provider = Assert.Single(services.GetServices<IObjectStoreProvider>());
        Assert.Same(registry.Find("az"), provider);
        Assert.Same(provider, services.GetRequiredService<AzureBlobObjectStoreProvider>());
        Assert.Equal("x", Bytes.Text((await ObjectStoreUri.Open($"az://{container}/g", registry).GetAsync("k")).Content));
    }

    [Fact]
    public void AddAzureBlobObjectStoreProvider_Twice_KeepsOneProviderTheLatest()
    {
        var registry = new ObjectStoreProviderRegistry();
        using var services = new ServiceCollection()
            .AddAzureBlobObjectStoreProvider(options => options.ConnectionString = azurite.Server.ConnectionString, registry)
            .AddAzureBlobObjectStoreProvider(options => options.ConnectionString = azurite.Server.ConnectionString, registry)
            .BuildServiceProvider();

        var provider = Assert.Single(services.GetServices<IObjectStoreProvider>());
        Assert.Same(registry.Find("az"), provider);
    }
}

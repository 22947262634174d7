using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OmniGraph.Storage;
using Orleans.Storage;

namespace OmniGraph.Persistence.Tests.Hosting;

/// <summary>Registration by name (and as "Default") on silo builders and service collections, with validated options.</summary>
public sealed class ObjectStoreGrainStorageRegistrationTests
{
    [Fact]
    public void NamedProvider_IsKeyed_WithItsOwnOptions()
    {
        var first = new MemoryObjectStore();
        var second = new MemoryObjectStore();
        var services = new ServiceCollection().AddLogging();
        services.AddObjectStoreGrainStorage("first", o => o.ObjectStore = first);
        services.AddObjectStoreGrainStorage("second", o => o.ObjectStoreFactory = _ => second);
        using var provider = services.BuildServiceProvider();

        var firstStorage = Assert.IsType<ObjectStoreGrainStorage>(provider.GetRequiredKeyedService<IGrainStorage>("first"));
        var secondStorage = Assert.IsType<ObjectStoreGrainStorage>(provider.GetRequiredKeyedService<IGrainStorage>("second"));
        Assert.Same(first, firstStorage.Store);
        Assert.Same(second, secondStorage.Store);
        Assert.Equal("second", secondStorage.Name);
        Assert.Null(provider.GetService<IGrainStorage>());
    }

    [Fact]
    public void DefaultProvider_IsAlsoUnkeyed()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddObjectStoreGrainStorageAsDefault(o => o.ObjectStore = new MemoryObjectStore());
        using var provider = services.BuildServiceProvider();

        Assert.Same(provider.GetRequiredKeyedService<IGrainStorage>("Default"), provider.GetRequiredService<IGrainStorage>());
    }

    [Fact]
    public async Task SiloBuilderExtensions_RegisterProviders_AndValidateAtStartup()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort: FreePort(), gatewayPort: 0)
            .AddObjectStoreGrainStorage("store", o => o.ObjectStore = new MemoryObjectStore())
            .AddObjectStoreGrainStorageAsDefault(o => o.ObjectStore = new MemoryObjectStore()));
        using var host = builder.Build();
        await host.StartAsync();

        Assert.IsType<ObjectStoreGrainStorage>(host.Services.GetRequiredKeyedService<IGrainStorage>("store"));
        Assert.IsType<ObjectStoreGrainStorage>(host.Services.GetRequiredService<IGrainStorage>());
        await host.StopAsync();
    }

    [Theory]
    [InlineData("no-store", "set exactly one")]
    [InlineData("both-stores", "set exactly one")]
    [InlineData("prefix-without-slash", "must end with '/'")]
    [InlineData("prefix-traversal", "'..'")]
    public async Task InvalidOptions_FailSiloStartup(string problem, string expectedMessage)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort: FreePort(), gatewayPort: 0).AddObjectStoreGrainStorage("store", o =>
        {
            if (problem != "no-store")
            {
                o.ObjectStore = new MemoryObjectStore();
            }

            if (problem == "both-stores")
            {
                o.ObjectStoreFactory = _ => new MemoryObjectStore();
            }

            o.KeyPrefix = problem switch
            {
                "prefix-without-slash" => "grainstate",
                "prefix-traversal" => "a/../",
                _ => string.Empty,
            };
        }));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OrleansConfigurationException>(() => host.StartAsync());
        Assert.Contains("'store'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expectedMessage, error.Message, StringComparison.Ordinal);
    }

    /// <summary>A loopback port nobody listens on (the silo's; validation fails before it is bound).</summary>
    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

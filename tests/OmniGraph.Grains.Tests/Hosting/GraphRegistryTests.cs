using OmniGraph.Abstractions;
using OmniGraph.Grains.Hosting;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.Hosting;
using Orleans.Configuration;

namespace OmniGraph.Grains.Tests.Hosting;

/// <summary>The registry of graphs added at run time: one per cluster by default, compare-and-swap when shared.</summary>
public sealed class GraphRegistryTests
{
    /// <summary>
    /// Two clusters in one process (xUnit runs test collections side by side; an application may embed two engines)
    /// keep their own registries by default: the same graph id registers at different locations in each.
    /// </summary>
    [Fact]
    public async Task TwoClustersInOneProcess_KeepTheirOwnRegistries()
    {
        await using var first = await TestSilo.DeployAsync(new TestSiloOptions());
        await using var second = await TestSilo.DeployAsync(new TestSiloOptions());
        var firstLocation = $"memory://registry-tests-{Guid.NewGuid():N}";
        var secondLocation = $"memory://registry-tests-{Guid.NewGuid():N}";

        await Registry(first).RegisterAsync("g1", firstLocation);
        await Registry(second).RegisterAsync("g1", secondLocation);

        Assert.Equal(firstLocation, await Registry(first).FindAsync("g1"));
        Assert.Equal(secondLocation, await Registry(second).FindAsync("g1"));
    }

    /// <summary>
    /// Clusters that share a registry location (silos in several processes name one store) both register: a write that
    /// meets the other's newer registry re-reads it and decides again, keeping both graphs and still refusing a move.
    /// </summary>
    [Fact]
    public async Task ClustersSharingARegistry_KeepEveryRegistration()
    {
        var registry = $"memory://registry-tests-{Guid.NewGuid():N}";
        var options = () => new TestSiloOptions { ConfigureEngine = o => o.RegistryLocation = registry };
        await using var first = await TestSilo.DeployAsync(options());
        await using var second = await TestSilo.DeployAsync(options());

        // Both activations load the (empty) registry before either writes, so the second write is made on stale state.
        Assert.Empty(await Registry(first).ListAsync());
        Assert.Empty(await Registry(second).ListAsync());
        await Registry(first).RegisterAsync("g1", "memory://registry-tests-g1");
        await Registry(second).RegisterAsync("g2", "memory://registry-tests-g2");

        Assert.Equal(["g1", "g2"], (await Registry(second).ListAsync()).Keys);
        await ErrorAssert.ThrowsAsync(
            ErrorCodes.GraphAlreadyRegistered, () => Registry(second).RegisterAsync("g1", "memory://registry-tests-elsewhere"));
        Assert.Equal("memory://registry-tests-g1", await Registry(second).FindAsync("g1"));
    }

    [Theory]
    [InlineData("svc", "dev", "memory://omnigraph-registry.svc.dev")]
    [InlineData("my service", "c/1:x", "memory://omnigraph-registry.my_service.c_1_x")]
    public void DefaultLocation_IsNamedFromTheCluster(string serviceId, string clusterId, string expected) =>
        Assert.Equal(expected, RegistryLocations.DefaultFor(new ClusterOptions { ServiceId = serviceId, ClusterId = clusterId }));

    private static IGraphRegistryGrain Registry(TestCluster cluster) =>
        cluster.Client.GetGrain<IGraphRegistryGrain>(IGraphRegistryGrain.ClusterKey);
}

using Microsoft.Extensions.DependencyInjection;
using OmniGraph.Abstractions.Serialization;
using OmniGraph.Grains.FailureInjection;
using Orleans.TestingHost;

namespace OmniGraph.Testing.Hosting;

/// <summary>Starts an in-process test cluster running the engine (and whatever <see cref="TestSiloOptions"/> adds), of the options' shape.</summary>
public static class TestSilo
{
    /// <summary>Builds and deploys the cluster; the caller disposes it.</summary>
    public static async Task<TestCluster> DeployAsync(TestSiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failpoints = options.Failpoints ?? new FailpointRegistry();
        var stores = new Dictionary<string, Storage.IObjectStore>(options.Stores, StringComparer.Ordinal);
        var silos = new Dictionary<string, SiloStores>(StringComparer.Ordinal);
        var builder = new InProcessTestClusterBuilder((short)options.Shape.Silos);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((silo, siloBuilder) =>
        {
            siloBuilder.AddOmniGraph(options.ConfigureEngine);
            options.ConfigureSilo?.Invoke(siloBuilder);

            // Registered last so that they win over the engine's defaults: one failpoint registry for the whole
            // cluster, this silo's stores (killable), the test clock, and the placement of the shape.
            siloBuilder.Services.AddSingleton(failpoints);
            TestCluster.AddTo(siloBuilder.Services, TestCluster.Register(silos, silo.SiloName, stores));
            if (options.TimeProvider is { } time)
            {
                siloBuilder.Services.AddSingleton(time);
            }

            if (options.Shape.RandomPlacement)
            {
                siloBuilder.Services.AddSingleton<PlacementStrategy, RandomPlacement>();
            }
        });
        builder.ConfigureClient(static client => client.Services.AddOmniGraphSerialization());
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
            return new TestCluster(cluster, options.Shape, failpoints, silos);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }
}

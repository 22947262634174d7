using Microsoft.Extensions.DependencyInjection;
using OmniGraph.Engine.Serialization;
using OmniGraph.Grains.Hosting;
using Orleans.TestingHost;

namespace OmniGraph.Testing.Hosting;

/// <summary>Starts an in-process test cluster of one silo running the engine (and whatever <see cref="TestSiloOptions"/> adds).</summary>
public static class TestSilo
{
    /// <summary>Builds and deploys the cluster; the caller disposes it.</summary>
    public static async Task<InProcessTestCluster> DeployAsync(TestSiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddOmniGraph(options.ConfigureEngine);
            options.ConfigureSilo?.Invoke(silo);

            // Registered last so that it wins over any default clock a feature registers.
            if (options.TimeProvider is { } time)
            {
                silo.Services.AddSingleton(time);
            }
        });
        builder.ConfigureClient(static client => client.Services.AddOmniGraphSerialization());
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.TestingHost;

namespace Orleans.InProcess.Tests.Infrastructure;

/// <summary>Builds one-silo test clusters with the test services every test grain may use.</summary>
public static class TestClusters
{
    /// <summary>Name of the <see cref="TestGrainStorage"/> provider registered in every test cluster.</summary>
    public const string StorageName = "test";

    /// <summary>
    /// Deploys a cluster with a <see cref="TestProbe"/>, a <see cref="TestGrainStorage"/> (named <see cref="StorageName"/>
    /// and also registered as "Default"), and whatever <paramref name="configure"/> adds.
    /// </summary>
    public static async Task<InProcessTestCluster> DeployAsync(
        TestProbe probe,
        TestGrainStorage? storage = null,
        Action<ISiloBuilder>? configure = null)
    {
        storage ??= new TestGrainStorage();
        var builder = new InProcessTestClusterBuilder();
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(probe);
            silo.Services.AddSingleton(storage);
            silo.Services.AddGrainStorage(StorageName, (services, _) => services.GetRequiredService<TestGrainStorage>());
            silo.Services.AddGrainStorage("Default", (services, _) => services.GetRequiredService<TestGrainStorage>());
            configure?.Invoke(silo);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>A grain key unique to the calling test.</summary>
    public static string UniqueKey(string prefix = "g") => $"{prefix}-{Guid.NewGuid():N}";
}

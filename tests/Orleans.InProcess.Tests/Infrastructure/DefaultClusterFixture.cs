using Orleans.TestingHost;

namespace Orleans.InProcess.Tests.Infrastructure;

/// <summary>
/// One cluster shared by the tests that need no special configuration (each uses its own grain keys, so they never
/// see each other's activations). Tests about time, timeouts, storage failures or shutdown deploy their own.
/// </summary>
public sealed class DefaultClusterFixture : IAsyncLifetime
{
    public TestProbe Probe { get; } = new();

    public TestGrainStorage Storage { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory GrainFactory => Cluster.GrainFactory;

    public async Task InitializeAsync() => Cluster = await TestClusters.DeployAsync(Probe, Storage);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

/// <summary>The collection sharing <see cref="DefaultClusterFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class DefaultClusterCollection : ICollectionFixture<DefaultClusterFixture>
{
    public const string Name = "DefaultCluster";
}

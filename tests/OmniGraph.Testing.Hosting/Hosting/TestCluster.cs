using Microsoft.Extensions.DependencyInjection;
using OmniGraph.Grains.FailureInjection;
using Orleans.TestingHost;

namespace OmniGraph.Testing.Hosting;

/// <summary>
/// An in-process Orleans test cluster running the engine (<see cref="TestSilo.DeployAsync"/>): its silos, the external
/// client the tests call through (every argument and result is serialized, as from a client process), the failpoints
/// every silo shares, and crashes that stop a silo's I/O as a real crash would.
/// </summary>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly Dictionary<string, SiloStores> _silos;

    internal TestCluster(InProcessTestCluster cluster, ClusterShape shape, FailpointRegistry failpoints, Dictionary<string, SiloStores> silos)
    {
        Cluster = cluster;
        Shape = shape;
        Failpoints = failpoints;
        _silos = silos;
    }

    /// <summary>The Orleans test cluster.</summary>
    public InProcessTestCluster Cluster { get; }

    /// <summary>The cluster's shape.</summary>
    public ClusterShape Shape { get; }

    /// <summary>The failpoints, armed for every silo at once.</summary>
    public FailpointRegistry Failpoints { get; }

    /// <summary>The cluster client.</summary>
    public IClusterClient Client => Cluster.Client;

    /// <summary>The silos running now.</summary>
    public IReadOnlyList<InProcessSiloHandle> Silos => Cluster.Silos;

    /// <summary>The services of silo <paramref name="index"/> (silo-level checks; grain calls go through <see cref="Client"/>).</summary>
    public IServiceProvider SiloServices(int index = 0) => Cluster.Silos[index].ServiceProvider;

    /// <summary>A crash of <paramref name="silo"/>: its stores fail every call from now on, then Orleans kills it (no deactivation runs).</summary>
    public async Task KillSiloAsync(InProcessSiloHandle silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        _silos[silo.Name].Kill();
        await Cluster.KillSiloAsync(silo);
    }

    /// <summary>A crash of every silo (the whole "process").</summary>
    public async Task KillAllAsync()
    {
        foreach (var silo in Cluster.Silos.ToList())
        {
            await KillSiloAsync(silo);
        }
    }

    /// <summary>The silo an activation of <paramref name="grain"/> lives on, or <c>null</c> when it is not active.</summary>
    public SiloAddress? SiloOf(IAddressable grain)
    {
        ArgumentNullException.ThrowIfNull(grain);
        return Cluster.TryGetGrainContext(grain.GetGrainId(), out var context) ? context.Address.SiloAddress : null;
    }

    /// <summary>
    /// Deactivates <paramref name="grain"/> (wherever it lives), waits until it is gone, then collects garbage so that
    /// its next activation starts cold: a table grain's fragments stay shareable with the silo's other grains
    /// (<c>SharedFragments</c> holds them weakly) until they are collected, and a test that deactivates a grain means
    /// its next read to come from the store (a damaged or missing object must then be noticed).
    /// </summary>
    public async Task DeactivateAsync(IAddressable grain)
    {
        await Cluster.DeactivateAsync(grain);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
    }

    /// <summary>Stops <paramref name="silo"/> gracefully (activations deactivate).</summary>
    public Task StopSiloAsync(InProcessSiloHandle silo) => Cluster.StopSiloAsync(silo);

    /// <summary>Starts one more silo with the same configuration.</summary>
    public Task<InProcessSiloHandle> StartSiloAsync() => Cluster.StartAdditionalSiloAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Failpoints.DisarmAll();
        if (_silos.Values.All(static s => s.Killed))
        {
            // Killed silos are gone; only the client is left to stop.
            await Cluster.StopClusterClientAsync();
        }

        await Cluster.DisposeAsync();
    }

    internal static SiloStores Register(Dictionary<string, SiloStores> silos, string siloName, IReadOnlyDictionary<string, Storage.IObjectStore> stores)
    {
        lock (silos)
        {
            var entry = new SiloStores(siloName, stores);
            silos[siloName] = entry;
            return entry;
        }
    }

    internal static void AddTo(IServiceCollection services, SiloStores stores) => services.AddSingleton<Grains.Hosting.IObjectStoreFactory>(stores);
}

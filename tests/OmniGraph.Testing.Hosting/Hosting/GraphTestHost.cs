using Microsoft.Extensions.DependencyInjection;
using OmniGraph.Engine;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Grains.Hosting;
using OmniGraph.Storage;
using Orleans.TestingHost;

namespace OmniGraph.Testing.Hosting;

/// <summary>
/// One silo (an in-process test cluster) serving graph <see cref="GraphId"/> on a given store. Two hosts on the same
/// store (or the same directory) are two "processes" as far as the graph is concerned: separate activations, separate
/// caches. Each test project derives its host from this one, registering the feature it tests through
/// <see cref="TestSiloOptions.ConfigureSilo"/> and adding that feature's helpers; reads of stored state live in
/// <c>GraphTestHost.Reads.cs</c>.
/// </summary>
public abstract partial class GraphTestHost : IAsyncDisposable
{
    /// <summary>The id of the graph every test host serves.</summary>
    public const string GraphId = "g";

    private bool _killed;

    /// <summary>Wraps a cluster started by <see cref="DeployAsync"/> for <paramref name="store"/>.</summary>
    protected GraphTestHost(InProcessTestCluster cluster, IObjectStore store)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(store);
        Cluster = cluster;
        Store = store;
        Client = new GraphClient(cluster.Client, GraphId);
        Failpoints = cluster.Silos[0].ServiceProvider.GetRequiredService<FailpointRegistry>();
    }

    /// <summary>The test cluster (for deactivations and silo-level checks).</summary>
    public InProcessTestCluster Cluster { get; }

    /// <summary>The store the graph lives on.</summary>
    public IObjectStore Store { get; }

    /// <summary>The client of the graph.</summary>
    public IGraphClient Client { get; }

    /// <summary>This silo's failpoints (disarmed when the host is disposed).</summary>
    public FailpointRegistry Failpoints { get; }

    /// <summary>The graph's manifest grain.</summary>
    public IManifestGrain Manifest => Client.Manifest;

    /// <summary>The table grain of <paramref name="table"/> on <paramref name="branch"/>.</summary>
    public ITableBranchGrain Table(string table, string branch = BranchNames.Main) => Client.GetTable(table, branch);

    /// <summary>The head snapshot of a branch.</summary>
    public Task<GraphSnapshot> HeadAsync(string branch = BranchNames.Main) => Client.ResolveSnapshotAsync(SnapshotTarget.Head(branch));

    /// <summary>A write of whole batches to <c>main</c>.</summary>
    public Task<GraphWriteResult> WriteAsync(params TableWrite[] tables) =>
        Client.WriteAsync(new GraphWriteRequest(BranchNames.Main, [.. tables]));

    /// <summary>A crash: activations vanish without deactivating, nothing more reaches the store from this silo.</summary>
    public async Task KillAsync()
    {
        _killed = true;
        await Cluster.KillSiloAsync(Cluster.Silos[0]);
    }

    /// <summary>Disarms the failpoints and stops the silo gracefully, unless it was killed.</summary>
    public async ValueTask DisposeAsync()
    {
        Failpoints.DisarmAll();
        if (!_killed)
        {
            await Cluster.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Deploys a silo serving <see cref="GraphId"/> on <paramref name="store"/>, with the engine settings and features of <paramref name="options"/>.</summary>
    protected static Task<InProcessTestCluster> DeployAsync(IObjectStore store, TestSiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var configureEngine = options.ConfigureEngine;
        return TestSilo.DeployAsync(new TestSiloOptions
        {
            ConfigureEngine = engine =>
            {
                configureEngine?.Invoke(engine);
                engine.AddGraph(GraphId, store);
            },
            ConfigureSilo = options.ConfigureSilo,
            TimeProvider = options.TimeProvider,
        });
    }

    /// <summary>Initialises the graph of a started host with <paramref name="schema"/>; a failure stops the host.</summary>
    protected static async Task<THost> InitializeAsync<THost>(THost host, string schema)
        where THost : GraphTestHost
    {
        ArgumentNullException.ThrowIfNull(host);
        try
        {
            await host.Client.InitializeAsync(schema);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }
}

using OmniGraph.Abstractions;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Storage;

namespace OmniGraph.Testing.Hosting;

/// <summary>
/// An in-process test cluster (one silo unless the shape says otherwise) serving graph <see cref="GraphId"/> on a given
/// store, called through the cluster's external client. Two hosts on the same store (or the same directory) are two
/// "processes" as far as the graph is concerned: separate activations, separate caches. Each test project derives its host from this one, registering the feature it tests through
/// <see cref="TestSiloOptions.ConfigureSilo"/> and adding that feature's helpers; reads of stored state live in
/// <c>GraphTestHost.Reads.cs</c>.
/// </summary>
public abstract partial class GraphTestHost : IAsyncDisposable
{
    /// <summary>The id of the graph every test host serves.</summary>
    public const string GraphId = "g";

    /// <summary>Wraps a cluster started by <see cref="DeployAsync"/> for <paramref name="store"/>.</summary>
    protected GraphTestHost(TestCluster cluster, IObjectStore store)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(store);
        Cluster = cluster;
        Store = store;
        Client = new GraphClient(cluster.Client, GraphId);
        Failpoints = cluster.Failpoints;
    }

    /// <summary>The test cluster (for deactivations, crashes and silo-level checks).</summary>
    public TestCluster Cluster { get; }

    /// <summary>The store the graph lives on.</summary>
    public IObjectStore Store { get; }

    /// <summary>The client of the graph.</summary>
    public IGraphClient Client { get; }

    /// <summary>The cluster's failpoints: armed once, they fire on whichever silo runs the step (disarmed when the host is disposed).</summary>
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

    /// <summary>
    /// A crash of the whole cluster: activations vanish without deactivating, and nothing more reaches the store from
    /// any silo (grain code still running in this process fails at its next store call, as it would have died).
    /// </summary>
    public Task KillAsync() => Cluster.KillAllAsync();

    /// <summary>Disarms the failpoints and stops the cluster (gracefully, unless it was killed).</summary>
    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Deploys a cluster serving <see cref="GraphId"/> on <paramref name="store"/>, with the engine settings, features
    /// and shape of <paramref name="options"/>. The silos address the store by a location of its own (a
    /// <c>memory://</c> name), which the test cluster maps to this instance.
    /// </summary>
    protected static Task<TestCluster> DeployAsync(IObjectStore store, TestSiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var location = $"memory://test-graph-{Guid.NewGuid():N}";
        var configureEngine = options.ConfigureEngine;
        var deploy = new TestSiloOptions
        {
            ConfigureEngine = engine =>
            {
                configureEngine?.Invoke(engine);
                engine.AddGraph(GraphId, location);
            },
            ConfigureSilo = options.ConfigureSilo,
            TimeProvider = options.TimeProvider,
            Shape = options.Shape,
            Failpoints = options.Failpoints,
        };
        foreach (var (key, value) in options.Stores)
        {
            deploy.Stores[key] = value;
        }

        deploy.Stores[location] = store;
        return TestSilo.DeployAsync(deploy);
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

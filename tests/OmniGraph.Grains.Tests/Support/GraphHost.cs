using Microsoft.Extensions.DependencyInjection;
using OmniGraph.Engine;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Grains.Hosting;
using OmniGraph.Storage;
using Orleans.TestingHost;

namespace OmniGraph.Grains.Tests.Support;

/// <summary>
/// One silo (an in-process test cluster) serving graph <c>g</c> on a given store. Two hosts on the same store (or the
/// same directory) are two "processes" as far as the graph is concerned: separate activations, separate caches.
/// </summary>
internal sealed class GraphHost : IAsyncDisposable
{
    public const string GraphId = "g";

    private bool _killed;

    private GraphHost(InProcessTestCluster cluster, IObjectStore store)
    {
        Cluster = cluster;
        Store = store;
        Client = new GraphClient(cluster.Client, GraphId);
        Failpoints = cluster.ServiceProvider.GetRequiredService<FailpointRegistry>();
    }

    public InProcessTestCluster Cluster { get; }

    public IObjectStore Store { get; }

    public IGraphClient Client { get; }

    public FailpointRegistry Failpoints { get; }

    public IManifestGrain Manifest => Client.Manifest;

    public static async Task<GraphHost> StartAsync(IObjectStore store, Action<OmniGraphOptions>? configure = null, TimeProvider? time = null)
    {
        var builder = new InProcessTestClusterBuilder();
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddOmniGraph(options =>
            {
                configure?.Invoke(options);
                options.AddGraph(GraphId, store);
            });
            if (time is not null)
            {
                silo.Services.AddSingleton(time);
            }
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new GraphHost(cluster, store);
    }

    /// <summary>Starts a host and initialises the graph.</summary>
    public static async Task<GraphHost> InitAsync(IObjectStore store, string schema = TestSchemas.Social, Action<OmniGraphOptions>? configure = null)
    {
        var host = await StartAsync(store, configure);
        await host.Client.InitializeAsync(schema);
        return host;
    }

    /// <summary>A crash: activations vanish without deactivating, nothing more reaches the store from this silo.</summary>
    public async Task KillAsync()
    {
        _killed = true;
        await Cluster.KillSiloAsync(Cluster.Primary);
    }

    public ITableBranchGrain Table(string table, string branch = BranchNames.Main) => Client.GetTable(table, branch);

    public Task<GraphSnapshot> HeadAsync(string branch = BranchNames.Main) => Client.ResolveSnapshotAsync(SnapshotTarget.Head(branch));

    /// <summary>A write of whole batches in one mode.</summary>
    public Task<GraphWriteResult> WriteAsync(params TableWrite[] tables) =>
        Client.WriteAsync(new GraphWriteRequest(BranchNames.Main, [.. tables]));

    /// <summary>The live values of one column of a table at the head (or at a snapshot).</summary>
    public async Task<List<string?>> ColumnAsync(string table, string column, GraphSnapshot? snapshot = null)
    {
        snapshot ??= await HeadAsync();
        var version = snapshot.GetTable(table);
        var scan = await Client.GetTable(table, version.ChainBranch).ScanAsync(version, [column]);
        return Rows.Strings(scan.Batches, column);
    }

    public async ValueTask DisposeAsync()
    {
        Failpoints.DisarmAll();
        if (!_killed)
        {
            await Cluster.DisposeAsync();
        }
    }
}

using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OmniGraph.Arrow;
using OmniGraph.Engine;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Grains.Hosting;
using OmniGraph.Loading.Hosting;
using OmniGraph.Storage;
using Orleans.TestingHost;

namespace OmniGraph.Loading.Tests.Support;

/// <summary>
/// One silo (an in-process test cluster) running the engine and the loading feature for graph <c>g</c> on a store.
/// Two hosts on the same store are two "processes" as far as the graph is concerned.
/// </summary>
internal sealed class LoadingHost : IAsyncDisposable
{
    public const string GraphId = "g";

    private bool _killed;

    private LoadingHost(InProcessTestCluster cluster, IObjectStore store)
    {
        Cluster = cluster;
        Store = store;
        Client = new GraphClient(cluster.Client, GraphId);
        Failpoints = cluster.ServiceProvider.GetRequiredService<FailpointRegistry>();
    }

    public FailpointRegistry Failpoints { get; }

    public InProcessTestCluster Cluster { get; }

    public IObjectStore Store { get; }

    public IGraphClient Client { get; }

    public static async Task<LoadingHost> StartAsync(IObjectStore store, Action<OmniGraphLoadingOptions>? loading = null, Action<OmniGraphOptions>? engine = null, Action<OmniGraph.Ingest.JsonlIntakeOptions>? intake = null)
    {
        var builder = new InProcessTestClusterBuilder();
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddOmniGraph(options =>
            {
                engine?.Invoke(options);
                options.AddGraph(GraphId, store);
            });
            silo.AddOmniGraphLoading(loading, intake);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new LoadingHost(cluster, store);
    }

    /// <summary>Starts a host on a fresh memory store and initialises the graph with <paramref name="schema"/>.</summary>
    public static Task<LoadingHost> InitAsync(string schema) => InitAsync(new MemoryObjectStore(), schema);

    /// <summary>Starts a host on <paramref name="store"/> and initialises the graph with <paramref name="schema"/>.</summary>
    public static async Task<LoadingHost> InitAsync(IObjectStore store, string schema, Action<OmniGraphLoadingOptions>? loading = null, Action<OmniGraph.Ingest.JsonlIntakeOptions>? intake = null)
    {
        var host = await StartAsync(store, loading, intake: intake);
        await host.Client.InitializeAsync(schema);
        return host;
    }

    /// <summary>A load of JSONL text.</summary>
    public Task<LoadOutput> LoadAsync(GraphLoadMode mode, string jsonl, string branch = BranchNames.Main) =>
        Client.LoadJsonlAsync(jsonl, mode, branch);

    /// <summary>A load of JSONL lines.</summary>
    public Task<LoadOutput> LoadLinesAsync(GraphLoadMode mode, params string[] lines) =>
        Client.LoadJsonlAsync(string.Join('\n', lines) + "\n", mode);

    /// <summary>The head snapshot of a branch.</summary>
    public Task<GraphSnapshot> HeadAsync(string branch = BranchNames.Main) => Client.ResolveSnapshotAsync(SnapshotTarget.Head(branch));

    /// <summary>The live values of one column of a table (<c>node:Person</c>) at the head, as text, in storage order.</summary>
    public async Task<List<string?>> ColumnAsync(string table, string column, GraphSnapshot? snapshot = null)
    {
        snapshot ??= await HeadAsync();
        var version = snapshot.GetTable(table);
        var scan = await Client.GetTable(table, version.ChainBranch).ScanAsync(version, [column]);
        var values = new List<string?>();
        foreach (var batch in scan.Batches)
        {
            var data = batch.Column(column);
            for (var i = 0; i < data.Length; i++)
            {
                values.Add(data.IsNull(i) ? null : CellText(data, i));
            }
        }

        return values;
    }

    /// <summary>The column's values keyed by the row id, sorted by id.</summary>
    public async Task<SortedDictionary<string, string?>> ValuesByIdAsync(string table, string column)
    {
        var ids = await ColumnAsync(table, "id");
        var values = await ColumnAsync(table, column);
        var result = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            result.Add(ids[i]!, values[i]);
        }

        return result;
    }

    /// <summary>The export of a branch as text.</summary>
    public async Task<string> ExportAsync(string branch = BranchNames.Main, params string[] types)
    {
        using var output = new MemoryStream();
        await Client.ExportAsync(output, branch, types);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    /// <summary>The keys under <c>recovery/</c> (sidecars left behind).</summary>
    public async Task<IReadOnlyList<string>> SidecarsAsync()
    {
        var page = await Store.ListAsync("recovery/");
        return [.. page.Objects.Select(static o => o.Key)];
    }

    /// <summary>A crash: activations vanish, nothing more reaches the store from this silo.</summary>
    public async Task KillAsync()
    {
        _killed = true;
        await Cluster.KillSiloAsync(Cluster.Primary);
    }

    public async ValueTask DisposeAsync()
    {
        Failpoints.DisarmAll();
        if (!_killed)
        {
            await Cluster.DisposeAsync();
        }
    }

    private static string CellText(ArrowColumn column, int row) => column switch
    {
        Utf8Column text => text.GetString(row),
        PrimitiveColumn<int> ints => ints.GetValue(row).ToString(System.Globalization.CultureInfo.InvariantCulture),
        PrimitiveColumn<long> longs => longs.GetValue(row).ToString(System.Globalization.CultureInfo.InvariantCulture),
        PrimitiveColumn<double> doubles => doubles.GetValue(row).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        BooleanColumn booleans => booleans.GetValue(row) ? "true" : "false",
        _ => column.Slice(row, 1).ToString(),
    };
}

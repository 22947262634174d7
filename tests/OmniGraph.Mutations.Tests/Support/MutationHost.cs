using Microsoft.Extensions.DependencyInjection;
using OmniGraph.Arrow;
using OmniGraph.Engine;
using OmniGraph.Grains.FailureInjection;
using OmniGraph.Grains.Hosting;
using OmniGraph.Loading.Hosting;
using OmniGraph.Mutations.Hosting;
using OmniGraph.Storage;
using Orleans.TestingHost;

namespace OmniGraph.Mutations.Tests.Support;

/// <summary>
/// One silo (an in-process test cluster) serving graph <c>g</c> with the engine, loads (for fixtures) and mutations.
/// Two hosts on the same directory are two processes as far as the graph is concerned.
/// </summary>
internal sealed class MutationHost : IAsyncDisposable
{
    public const string GraphId = "g";

    private bool _killed;

    private MutationHost(InProcessTestCluster cluster, IObjectStore store)
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

    public static async Task<MutationHost> StartAsync(IObjectStore store, Action<OmniGraphOptions>? engine = null, Action<OmniGraphMutationOptions>? mutations = null)
    {
        var builder = new InProcessTestClusterBuilder();
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddOmniGraph(options =>
            {
                engine?.Invoke(options);
                options.AddGraph(GraphId, store);
            });
            silo.AddOmniGraphLoading();
            silo.AddOmniGraphMutations(mutations);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new MutationHost(cluster, store);
    }

    /// <summary>A fresh graph with <paramref name="schema"/>, optionally loaded with <paramref name="overwriteData"/>.</summary>
    public static async Task<MutationHost> InitAsync(string schema, string? overwriteData = null, IObjectStore? store = null, Action<OmniGraphOptions>? engine = null)
    {
        var host = await StartAsync(store ?? new MemoryObjectStore(), engine);
        await host.Client.InitializeAsync(schema);
        if (overwriteData is not null)
        {
            await host.LoadAsync(overwriteData, GraphLoadMode.Overwrite);
        }

        return host;
    }

    /// <summary>"STD": FX-TEST with FX-TEST-DATA loaded in overwrite mode.</summary>
    public static Task<MutationHost> StandardAsync() => InitAsync(Fixtures.TestSchema, Fixtures.TestData);

    public Task<LoadOutput> LoadAsync(string jsonl, GraphLoadMode mode, string branch = BranchNames.Main) =>
        Client.LoadJsonlAsync(jsonl, mode, branch);

    /// <summary>Runs query <paramref name="name"/> of <paramref name="source"/> (FX-M by default) with params given as JSON.</summary>
    public Task<ChangeOutput> MutateAsync(string? name, string? parameters = null, string source = Fixtures.MutationQueries, string branch = BranchNames.Main, string? expectedHead = null, string? actor = null) =>
        Client.MutateAsync(source, name, parameters, branch, expectedHead, actor);

    /// <summary>Runs a single-query source.</summary>
    public Task<ChangeOutput> RunAsync(string source, string? parameters = null, string? expectedHead = null) =>
        Client.MutateAsync(source, null, parameters, BranchNames.Main, expectedHead);

    public Task<GraphSnapshot> HeadAsync(string branch = BranchNames.Main) => Client.ResolveSnapshotAsync(SnapshotTarget.Head(branch));

    /// <summary>Every live row of a table at the head (or <paramref name="snapshot"/>), in id order.</summary>
    public async Task<IReadOnlyList<Row>> RowsAsync(string table, GraphSnapshot? snapshot = null)
    {
        snapshot ??= await HeadAsync();
        var version = snapshot.GetTable(table);
        var scan = await Client.GetTable(table, version.ChainBranch).ScanAsync(version, []);
        var rows = new List<Row>();
        foreach (var batch in scan.Batches)
        {
            for (var i = 0; i < batch.Length; i++)
            {
                rows.Add(Row.Read(batch, i));
            }
        }

        rows.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        return rows;
    }

    /// <summary>The row with id <paramref name="id"/>, or <c>null</c>.</summary>
    public async Task<Row?> FindAsync(string table, string id) =>
        (await RowsAsync(table)).FirstOrDefault(r => r.Id == id);

    /// <summary>Node ids of a table, sorted.</summary>
    public async Task<List<string>> IdsAsync(string table) => [.. (await RowsAsync(table)).Select(static r => r.Id)];

    /// <summary>Edges of an edge table as "src->dst", sorted.</summary>
    public async Task<List<string>> EdgesAsync(string table) =>
        [.. (await RowsAsync(table)).Select(static r => $"{r.Source}->{r.Target}").Order(StringComparer.Ordinal)];

    /// <summary>The targets of the edges of <paramref name="table"/> leaving <paramref name="source"/>, sorted.</summary>
    public async Task<List<string>> TargetsAsync(string table, string source) =>
        [.. (await RowsAsync(table)).Where(r => r.Source == source).Select(static r => r.Target!).Order(StringComparer.Ordinal)];

    /// <summary>A crash: activations vanish without deactivating, nothing more reaches the store from this silo.</summary>
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

    /// <summary>One stored row: id, endpoints for edges, and the property cells rendered as text (null stays null).</summary>
    internal sealed record Row(string Id, string? Source, string? Target, IReadOnlyDictionary<string, string?> Cells)
    {
        public string? this[string property] => Cells[property];

        public static Row Read(RecordBatch batch, int row)
        {
            var cells = new Dictionary<string, string?>(StringComparer.Ordinal);
            string? source = null, target = null;
            for (var c = 1; c < batch.ColumnCount; c++)
            {
                var name = batch.Schema.Fields[c].Name;
                var text = Render(batch.Column(c), row);
                if (name == "src" && c == 1)
                {
                    source = text;
                }
                else if (name == "dst" && c == 2)
                {
                    target = text;
                }
                else
                {
                    cells[name] = text;
                }
            }

            return new Row(((Utf8Column)batch.Column(0)).GetString(row), source, target, cells);
        }

        private static string? Render(ArrowColumn column, int row)
        {
            if (column.IsNull(row))
            {
                return null;
            }

            return column switch
            {
                Utf8Column text => text.GetString(row),
                BinaryColumn bytes => Convert.ToBase64String(bytes.GetBytes(row)),
                BooleanColumn flags => flags.GetValue(row) ? "true" : "false",
                PrimitiveColumn<int> ints => ints.GetValue(row).ToString(System.Globalization.CultureInfo.InvariantCulture),
                PrimitiveColumn<long> longs => longs.GetValue(row).ToString(System.Globalization.CultureInfo.InvariantCulture),
                PrimitiveColumn<uint> uints => uints.GetValue(row).ToString(System.Globalization.CultureInfo.InvariantCulture),
                PrimitiveColumn<ulong> ulongs => ulongs.GetValue(row).ToString(System.Globalization.CultureInfo.InvariantCulture),
                PrimitiveColumn<float> floats => floats.GetValue(row).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                PrimitiveColumn<double> doubles => doubles.GetValue(row).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                FixedSizeListColumn vectors => "[" + string.Join(",", vectors.GetVector(row).ToArray().Select(static f => f.ToString("R", System.Globalization.CultureInfo.InvariantCulture))) + "]",
                ListColumn list => "[" + string.Join(",", Enumerable.Range(0, list.GetValues(row).Length).Select(i => Render(list.GetValues(row), i))) + "]",
                _ => throw new NotSupportedException(column.Type.ToString()),
            };
        }
    }
}

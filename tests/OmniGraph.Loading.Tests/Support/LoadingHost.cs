using Microsoft.Extensions.DependencyInjection;
using System.Text;
using OmniGraph.Abstractions;
using OmniGraph.Grains.Hosting;
using OmniGraph.Ingest;
using OmniGraph.Loading.Hosting;
using OmniGraph.Search.Embeddings;
using OmniGraph.Storage;
using OmniGraph.Testing.Hosting;

namespace OmniGraph.Loading.Tests.Support;

/// <summary>A <see cref="GraphTestHost"/> running the engine and the loading feature.</summary>
internal sealed class LoadingHost : GraphTestHost
{
    private LoadingHost(TestCluster cluster, IObjectStore store)
        : base(cluster, store)
    {
    }

    public static async Task<LoadingHost> StartAsync(
        IObjectStore store,
        Action<OmniGraphLoadingOptions>? loading = null,
        Action<OmniGraphOptions>? engine = null,
        Action<JsonlIntakeOptions>? intake = null,
        Action<EmbeddingOptions>? embeddings = null) =>
        new(await DeployAsync(store, new TestSiloOptions
        {
            ConfigureEngine = engine,
            ConfigureSilo = silo =>
            {
                silo.AddOmniGraphLoading(loading, intake);
                if (embeddings is not null)
                {
                    silo.Services.AddOmniGraphEmbeddings(embeddings);
                }
            },
        }), store);

    /// <summary>Starts a host on a fresh memory store and initialises the graph with <paramref name="schema"/>.</summary>
    public static Task<LoadingHost> InitAsync(string schema) => InitAsync(new MemoryObjectStore(), schema);

    /// <summary>Starts a host on <paramref name="store"/> and initialises the graph with <paramref name="schema"/>.</summary>
    public static async Task<LoadingHost> InitAsync(IObjectStore store, string schema, Action<OmniGraphLoadingOptions>? loading = null, Action<JsonlIntakeOptions>? intake = null, Action<EmbeddingOptions>? embeddings = null) =>
        await InitializeAsync(await StartAsync(store, loading, intake: intake, embeddings: embeddings), schema);

    /// <summary>A load of JSONL text.</summary>
    public Task<LoadOutput> LoadAsync(GraphLoadMode mode, string jsonl, string branch = BranchNames.Main) =>
        Client.LoadJsonlAsync(jsonl, mode, branch);

    /// <summary>A load of JSONL lines.</summary>
    public Task<LoadOutput> LoadLinesAsync(GraphLoadMode mode, params string[] lines) =>
        Client.LoadJsonlAsync(string.Join('\n', lines) + "\n", mode);

    /// <summary>The export of a branch as text.</summary>
    public async Task<string> ExportAsync(string branch = BranchNames.Main, params string[] types)
    {
        using var output = new MemoryStream();
        await Client.ExportAsync(output, branch, types);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}

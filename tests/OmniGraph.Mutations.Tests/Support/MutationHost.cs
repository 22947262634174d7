using Microsoft.Extensions.DependencyInjection;
using OmniGraph.Abstractions;
using OmniGraph.Grains.Hosting;
using OmniGraph.Mutations.Hosting;
using OmniGraph.Search.Embeddings;
using OmniGraph.Storage;
using OmniGraph.Testing.Fixtures;
using OmniGraph.Testing.Hosting;

namespace OmniGraph.Mutations.Tests.Support;

/// <summary>A <see cref="GraphTestHost"/> running the engine, loads (for fixtures) and mutations.</summary>
internal sealed class MutationHost : GraphTestHost
{
    private MutationHost(TestCluster cluster, IObjectStore store)
        : base(cluster, store)
    {
    }

    public static async Task<MutationHost> StartAsync(
        IObjectStore store,
        Action<OmniGraphOptions>? engine = null,
        Action<OmniGraphMutationOptions>? mutations = null,
        Action<EmbeddingOptions>? embeddings = null,
        Action<ISiloBuilder>? silo = null)
    {
        var options = new TestSiloOptions
        {
            ConfigureEngine = engine,
            ConfigureSilo = builder =>
            {
                builder.AddOmniGraphLoading();
                builder.AddOmniGraphMutations(mutations);
                if (embeddings is not null)
                {
                    builder.Services.AddOmniGraphEmbeddings(embeddings);
                }

                silo?.Invoke(builder);
            },
        };
        return new(await DeployAsync(store, options), store);
    }

    /// <summary>A fresh graph with <paramref name="schema"/>, optionally loaded with <paramref name="overwriteData"/>.</summary>
    public static async Task<MutationHost> InitAsync(
        string schema,
        string? overwriteData = null,
        IObjectStore? store = null,
        Action<OmniGraphOptions>? engine = null,
        Action<EmbeddingOptions>? embeddings = null,
        Action<ISiloBuilder>? silo = null)
    {
        var host = await InitializeAsync(await StartAsync(store ?? new MemoryObjectStore(), engine, embeddings: embeddings, silo: silo), schema);
        if (overwriteData is not null)
        {
            await host.LoadAsync(overwriteData, GraphLoadMode.Overwrite);
        }

        return host;
    }

    /// <summary>"STD": FX-TEST with FX-TEST-DATA loaded in overwrite mode.</summary>
    public static Task<MutationHost> StandardAsync() => InitAsync(AcceptanceFixtures.TestSchema, AcceptanceFixtures.TestData);

    public Task<LoadOutput> LoadAsync(string jsonl, GraphLoadMode mode, string branch = BranchNames.Main) =>
        Client.LoadJsonlAsync(jsonl, mode, branch);

    /// <summary>Runs query <paramref name="name"/> of <paramref name="source"/> (FX-M by default) with params given as JSON.</summary>
    public Task<ChangeOutput> MutateAsync(string? name, string? parameters = null, string source = AcceptanceFixtures.MutationQueries, string branch = BranchNames.Main, string? expectedHead = null, string? actor = null) =>
        Client.MutateAsync(source, name, parameters, branch, expectedHead, actor);

    /// <summary>Runs a single-query source.</summary>
    public Task<ChangeOutput> RunAsync(string source, string? parameters = null, string? expectedHead = null) =>
        Client.MutateAsync(source, null, parameters, BranchNames.Main, expectedHead);
}

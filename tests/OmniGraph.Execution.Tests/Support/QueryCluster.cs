using Microsoft.Extensions.DependencyInjection;
using OmniGraph.Abstractions;
using OmniGraph.Search.Embeddings;
using OmniGraph.Testing.Hosting;

namespace OmniGraph.Execution.Tests.Support;

/// <summary>
/// One silo (an in-process test cluster) with the engine, loading, mutations and query execution, shared by every test: each test
/// creates its own graph (a fresh memory store, registered under a new id with the cluster's graph registry), so tests
/// never see each other's data.
/// </summary>
public sealed class QueryCluster : IAsyncLifetime
{
    private TestCluster? _cluster;
    private int _graphs;

    internal TestCluster Cluster => _cluster ?? throw new InvalidOperationException("the cluster is not started");

    /// <summary>A new graph with <paramref name="schema"/>, optionally loaded with <paramref name="data"/> (overwrite).</summary>
    internal async Task<TestGraph> NewGraphAsync(string schema, string? data = null)
    {
        var graphId = $"g{Interlocked.Increment(ref _graphs)}";
        await Cluster.Client.GetGrain<IGraphRegistryGrain>(IGraphRegistryGrain.ClusterKey).RegisterAsync(graphId, $"memory://query-tests-{Guid.NewGuid():N}-{graphId}");
        var client = new GraphClient(Cluster.Client, graphId);
        await client.InitializeAsync(schema);
        var graph = new TestGraph(client);
        if (data is not null)
        {
            await graph.LoadAsync(data);
        }

        return graph;
    }

    public async Task InitializeAsync() =>
        _cluster = await TestSilo.DeployAsync(new TestSiloOptions
        {
            ConfigureSilo = static silo =>
            {
                silo.AddOmniGraphLoading();
                silo.AddOmniGraphExecution();

                // `nearest($v.p, "text")` embeds with the deterministic offline provider (spec §2.6.1), never the network.
                silo.Services.AddOmniGraphEmbeddings(static o => o.Provider = EmbeddingProviderKind.Mock);
                silo.AddOmniGraphMutations();
            },
        });

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

/// <summary>The tests that share one <see cref="QueryCluster"/>.</summary>
[CollectionDefinition(Name)]
public sealed class QueryClusterCollection : ICollectionFixture<QueryCluster>
{
    public const string Name = "query cluster";
}

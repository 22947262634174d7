using OmniGraph.Grains.Hosting;
using OmniGraph.Storage;
using OmniGraph.Testing.Hosting;

namespace OmniGraph.Grains.Tests.Support;

/// <summary>The engine alone in a <see cref="GraphTestHost"/>; graphs start with <see cref="TestSchemas.Social"/> unless told otherwise.</summary>
internal sealed class GraphHost : GraphTestHost
{
    private GraphHost(TestCluster cluster, IObjectStore store)
        : base(cluster, store)
    {
    }

    public static async Task<GraphHost> StartAsync(IObjectStore store, Action<OmniGraphOptions>? configure = null, TimeProvider? time = null) =>
        new(await DeployAsync(store, new TestSiloOptions { ConfigureEngine = configure, TimeProvider = time }), store);

    /// <summary>Starts a host and initialises the graph.</summary>
    public static async Task<GraphHost> InitAsync(IObjectStore store, string schema = TestSchemas.Social, Action<OmniGraphOptions>? configure = null) =>
        await InitializeAsync(await StartAsync(store, configure), schema);
}

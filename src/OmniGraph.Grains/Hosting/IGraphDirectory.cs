namespace OmniGraph.Grains.Hosting;

/// <summary>
/// Where each graph lives, as every silo of the cluster sees it: graph id → object store. A graph is configured in
/// <see cref="OmniGraphOptions.Graphs"/> (identical on every silo) or registered at run time with
/// <see cref="OmniGraph.Abstractions.IGraphRegistryGrain"/>. Everything of a graph, grain state included, is in its store.
/// </summary>
public interface IGraphDirectory
{
    /// <summary>The store of <paramref name="graphId"/>, opened on first use.</summary>
    /// <exception cref="OmniGraphException">Code <c>graph_not_found</c>: the graph is neither configured nor registered.</exception>
    ValueTask<IObjectStore> GetStoreAsync(string graphId, CancellationToken cancellationToken = default);
}

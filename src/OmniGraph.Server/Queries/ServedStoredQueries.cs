using OmniGraph.Grains.Hosting;

namespace OmniGraph.Server.Queries;

/// <summary>The stored-query catalogue of each served graph, in the graph's own store (read on each use: an add or a remove by <c>omnigraph queries</c> is seen at once).</summary>
internal sealed class ServedStoredQueries(IGraphDirectory graphs)
{
    /// <summary>The catalogue of graph <paramref name="graphId"/> (a served graph).</summary>
    public async Task<StoredQueryCatalog> ForAsync(string graphId, CancellationToken cancellationToken) =>
        new(await graphs.GetStoreAsync(graphId, cancellationToken).ConfigureAwait(false));
}

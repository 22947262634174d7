using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace OmniGraph.Grains.Hosting;

/// <summary>
/// A silo's view of the cluster's graph directory: graphs configured in <see cref="OmniGraphOptions"/> resolve without a
/// call; any other graph is looked up once in the cluster's <see cref="IGraphRegistryGrain"/>. A store is opened once per
/// graph and silo (<see cref="IObjectStoreFactory"/>) and kept: a graph's location never changes.
/// </summary>
public sealed class GraphDirectory(IOptions<OmniGraphOptions> options, IObjectStoreFactory stores, IGrainFactory grains) : IGraphDirectory
{
    private readonly ConcurrentDictionary<string, Lazy<IObjectStore>> _stores = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async ValueTask<IObjectStore> GetStoreAsync(string graphId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graphId);
        if (_stores.TryGetValue(graphId, out var known))
        {
            return known.Value;
        }

        var location = options.Value.Graphs.TryGetValue(graphId, out var configured)
            ? configured
            : await grains.GetGrain<IGraphRegistryGrain>(IGraphRegistryGrain.ClusterKey).FindAsync(graphId, cancellationToken).ConfigureAwait(false)
                ?? throw EngineErrors.GraphNotFound(graphId);
        return _stores.GetOrAdd(graphId, _ => new Lazy<IObjectStore>(() => stores.Open(location))).Value;
    }
}

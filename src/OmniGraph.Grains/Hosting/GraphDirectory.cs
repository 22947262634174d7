using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmniGraph.Engine;
using OmniGraph.Storage;

namespace OmniGraph.Grains.Hosting;

/// <summary>
/// The silo's graph directory: graphs configured in <see cref="OmniGraphOptions"/> (locations are opened on first use,
/// a local path or <c>file://</c> URI as a <see cref="LocalDirectoryObjectStore"/>) plus graphs registered at run time.
/// </summary>
public sealed class GraphDirectory : IGraphDirectory
{
    private readonly ConcurrentDictionary<string, Lazy<IObjectStore>> _stores = new(StringComparer.Ordinal);

    /// <summary>Creates the directory from the options.</summary>
    public GraphDirectory(IOptions<OmniGraphOptions> options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (graphId, location) in options.Value.Graphs)
        {
            _stores[graphId] = new Lazy<IObjectStore>(() => ObjectStoreUri.Open(location, loggerFactory, timeProvider));
        }

        foreach (var (graphId, store) in options.Value.GraphStores)
        {
            _stores[graphId] = new Lazy<IObjectStore>(store);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<string> GraphIds => [.. _stores.Keys.Order(StringComparer.Ordinal)];

    /// <inheritdoc />
    public IObjectStore GetStore(string graphId)
    {
        ArgumentNullException.ThrowIfNull(graphId);
        return _stores.TryGetValue(graphId, out var store) ? store.Value : throw EngineErrors.GraphNotFound(graphId);
    }

    /// <inheritdoc />
    public void Register(string graphId, IObjectStore store)
    {
        GraphGrainKeys.ValidateGraphId(graphId);
        ArgumentNullException.ThrowIfNull(store);
        _stores[graphId] = new Lazy<IObjectStore>(store);
    }
}

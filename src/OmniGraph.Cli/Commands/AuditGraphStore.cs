using OmniGraph.Cli.Infrastructure;
using OmniGraph.Abstractions;
using OmniGraph.Storage;

namespace OmniGraph.Cli.Commands;

/// <summary>
/// The <c>audit</c> commands read a graph's store directly — no silo, no recovery, nothing written — so they stay light
/// and can inspect a graph another process (a server) is using.
/// </summary>
internal static class AuditGraphStore
{
    /// <summary>The graph's format stamp: a directory without it holds no graph.</summary>
    private const string StampKey = "graph.json";

    /// <summary>Opens the graph's store read-only in effect (its root is never created).</summary>
    /// <exception cref="OmniGraphException">Code <c>graph_not_initialized</c>: No graph is there.</exception>
    public static async Task<IObjectStore> OpenAsync(GraphTarget target, CancellationToken cancellationToken)
    {
        IObjectStore store;
        if (target.IsLocal)
        {
            if (!Directory.Exists(target.Location))
            {
                throw EngineErrors.GraphNotInitialized(target.Uri);
            }

            store = new LocalDirectoryObjectStore(new LocalObjectStoreOptions { RootPath = target.Location, CreateRootIfMissing = false });
        }
        else
        {
            // A blob store is only read here: a missing container lists and reads as empty.
            store = ObjectStoreUri.Open(target.Location);
        }

        if (await store.GetPropertiesAsync(StampKey, cancellationToken) is null)
        {
            throw EngineErrors.GraphNotInitialized(target.Uri);
        }

        return store;
    }
}

using OmniGraph.Persistence;
using Orleans.Storage;

namespace OmniGraph.Grains.Hosting;

/// <summary>
/// The grain storage of the engine's grains: each grain's state lives in the store of the graph its key names, under
/// <c>state/</c>, keyed without the graph id (<c>state/head-tablebranch/node:Person@main.json</c>,
/// <c>state/registry-manifest/graph.json</c>). A graph directory is therefore self-contained: copy it, open it under any
/// graph id, and its heads and branch registry come with it. Reads and writes are those of the store's provider
/// (<see cref="StoreGrainStorages"/>: <see cref="ObjectStoreGrainStorage"/>, or Orleans' Azure Blob grain storage on the
/// blob store; ETag compare-and-swap, durable), with the engine's strict JSON either way.
/// </summary>
public sealed class GraphGrainStorage : IGrainStorage
{
    /// <summary>The provider name engine grains use in <c>[PersistentState(stateName, ProviderName)]</c>.</summary>
    public const string ProviderName = "omnigraph";

    /// <summary>The local key of a graph-wide grain (one whose key is just the graph id).</summary>
    public const string GraphWideKey = "graph";

    private readonly IGraphDirectory _directory;
    private readonly StoreGrainStorages _storages;

    /// <summary>Creates the provider.</summary>
    public GraphGrainStorage(IGraphDirectory directory, StoreGrainStorages storages)
    {
        _directory = directory;
        _storages = storages;
    }

    /// <inheritdoc />
    /// <exception cref="CorruptObjectException">The record is damaged (unreadable bytes or not the state's JSON): one code for every damaged stored object.</exception>
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        IGrainStorage inner;
        GrainId local;
        try
        {
            (inner, local) = await RouteAsync(grainId);
        }
        catch (OmniGraphException unknown) when (unknown.Code == ErrorCodes.GraphNotFound)
        {
            // A grain of a graph nobody knows reads no state; its activation then refuses the graph with this typed
            // error (Orleans would wrap a failing state read in an OrleansException).
            return;
        }

        try
        {
            await inner.ReadStateAsync(stateName, local, grainState);
        }
        catch (GrainStateCorruptException corrupt)
        {
            throw new CorruptObjectException(corrupt.Key, corrupt.InnerException?.Message ?? corrupt.Message, corrupt);
        }
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var (inner, local) = await RouteAsync(grainId);
        await inner.WriteStateAsync(stateName, local, grainState);
    }

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var (inner, local) = await RouteAsync(grainId);
        await inner.ClearStateAsync(stateName, local, grainState);
    }

    /// <summary>The object key of a state of a grain (for tests and tools).</summary>
    public static string KeyOf(string stateName, GrainId grainId)
    {
        var (_, local) = Split(grainId);
        return GrainStateKeys.For(stateName, local, GraphObjectKeys.GrainStatePrefix);
    }

    private async ValueTask<(IGrainStorage Inner, GrainId Local)> RouteAsync(GrainId grainId)
    {
        var (graphId, local) = Split(grainId);
        var store = await _directory.GetStoreAsync(graphId);
        return (_storages.For(ProviderName, store, GraphObjectKeys.GrainStatePrefix, GrainStateJsonContext.Default.Options), local);
    }

    private static (string GraphId, GrainId Local) Split(GrainId grainId)
    {
        var key = grainId.Key.ToString();
        var graphId = GraphGrainKeys.GraphIdOf(key);
        var local = key.Length > graphId.Length + 1 ? key[(graphId.Length + 1)..] : GraphWideKey;
        return (graphId, GrainId.Create(grainId.Type, local));
    }
}

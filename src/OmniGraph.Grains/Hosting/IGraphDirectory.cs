using OmniGraph.Storage;

namespace OmniGraph.Grains.Hosting;

/// <summary>Where each graph of a silo lives: graph id → object store. Everything of a graph, grain state included, is in its store.</summary>
public interface IGraphDirectory
{
    /// <summary>The store of <paramref name="graphId"/>.</summary>
    /// <exception cref="OmniGraphException">Code <c>graph_not_found</c>: The graph is not registered.</exception>
    IObjectStore GetStore(string graphId);

    /// <summary>Registers (or replaces) a graph at run time; the embedded host registers the graph it opens.</summary>
    void Register(string graphId, IObjectStore store);

    /// <summary>Registered graph ids, sorted.</summary>
    IReadOnlyList<string> GraphIds { get; }
}

using System.Collections.Immutable;
using Orleans.Concurrency;

namespace OmniGraph.Abstractions;

/// <summary>
/// The cluster's registry of graphs added at run time (key: <see cref="ClusterKey"/>; one activation in the cluster):
/// graph id → store location. Graphs configured in the silos' options (<c>OmniGraphOptions.Graphs</c>, identical on
/// every silo) need no registration; a graph registered here is found by every silo's graph directory. Registrations are
/// kept in the store at <c>OmniGraphOptions.RegistryLocation</c>.
/// </summary>
public interface IGraphRegistryGrain : IGrainWithStringKey
{
    /// <summary>The key of the registry grain.</summary>
    const string ClusterKey = "cluster";

    /// <summary>
    /// Registers <paramref name="graphId"/> at <paramref name="location"/> (a path, <c>file://</c> or <c>memory://</c>
    /// URI). Registering the same location again is a no-op; a graph's location never changes once registered.
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>graph_already_registered</c>: the graph is registered at another location; <c>invalid_store_uri</c>: the location cannot be parsed.</exception>
    Task RegisterAsync(string graphId, string location, CancellationToken cancellationToken = default);

    /// <summary>The location of <paramref name="graphId"/>, or <c>null</c> when it is not registered.</summary>
    [ReadOnly]
    Task<string?> FindAsync(string graphId, CancellationToken cancellationToken = default);

    /// <summary>Every registered graph with its location, by id.</summary>
    [ReadOnly]
    Task<ImmutableSortedDictionary<string, string>> ListAsync(CancellationToken cancellationToken = default);
}

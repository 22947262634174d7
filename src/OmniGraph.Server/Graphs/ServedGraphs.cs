using System.Collections.Concurrent;
using System.Collections.Immutable;
using OmniGraph.Storage;

namespace OmniGraph.Server.Graphs;

/// <summary>
/// The graphs a server serves: the child folders of its store root with a valid id, found once at start
/// (<see cref="Discover"/>; serving is static, a graph added later is served after a restart), each opened before the
/// listener binds (<see cref="ServedGraphsOpener"/>). A folder that does not open (no graph in it, damaged beyond what
/// opening heals) is quarantined: logged, absent from <c>GET /graphs</c>, and its routes answer 404 like an unknown id.
/// </summary>
public sealed class ServedGraphs(IGraphClientFactory clients)
{
    private readonly ConcurrentDictionary<string, ServedGraph> _open = new(StringComparer.Ordinal);

    /// <summary>The graphs found at start, by id, with their folders (opened or not).</summary>
    public ImmutableSortedDictionary<string, string> Configured { get; private set; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>The graphs that opened, sorted by id.</summary>
    public IReadOnlyList<ServedGraph> All => [.. _open.Values.OrderBy(static g => g.Id, StringComparer.Ordinal)];

    /// <summary>
    /// The graph folders under <paramref name="root"/>, by id: each child directory whose name is a valid graph id.
    /// Other entries are returned in <paramref name="skipped"/> with the reason.
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>file_not_found</c>: the root is not a directory.</exception>
    public static ImmutableSortedDictionary<string, string> Discover(string root, out IReadOnlyList<(string Name, string Reason)> skipped)
    {
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full))
        {
            throw new OmniGraphException(ErrorCodes.FileNotFound, $"the store root '{ErrorText.Quote(root)}' is not a directory", ErrorDetails.Of(ErrorDetail.Location.With(full)));
        }

        var graphs = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var ignored = new List<(string, string)>();
        foreach (var directory in Directory.EnumerateDirectories(full).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(directory);
            if (GraphIds.IsValid(name))
            {
                graphs.Add(name, directory);
            }
            else
            {
                ignored.Add((name, "not a valid graph id (1 to 64 letters, digits or hyphens, not a reserved word)"));
            }
        }

        skipped = ignored;
        return graphs.ToImmutable();
    }

    /// <summary>
    /// The graphs under <paramref name="root"/>: a directory (as <see cref="Discover"/>), or a store location such as
    /// <c>az://CONTAINER/PREFIX</c>, whose graphs are the folders directly under it (listed by hierarchy, one request per
    /// page of folders), each served at <c>{root}/{id}</c>.
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>file_not_found</c>: a directory root is missing; <c>invalid_store_uri</c>: the location is not one this process can open; <c>store_unavailable</c>: the store failed.</exception>
    public static async Task<(ImmutableSortedDictionary<string, string> Graphs, IReadOnlyList<(string Name, string Reason)> Skipped)> DiscoverAsync(string root, CancellationToken cancellationToken = default)
    {
        var location = ObjectStoreUri.Parse(root);
        if (location.Kind == ObjectStoreKind.LocalDirectory)
        {
            var found = Discover(root.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? location.Address : root, out var skippedFolders);
            return (found, skippedFolders);
        }

        var canonical = location.ToString().TrimEnd('/');
        var store = ObjectStoreUri.Open(canonical);
        var graphs = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var ignored = new List<(string, string)>();
        foreach (var name in await store.ListFoldersAsync(string.Empty, cancellationToken).ConfigureAwait(false))
        {
            if (GraphIds.IsValid(name))
            {
                graphs.Add(name, $"{canonical}/{name}");
            }
            else
            {
                ignored.Add((name, "not a valid graph id (1 to 64 letters, digits or hyphens, not a reserved word)"));
            }
        }

        return (graphs.ToImmutable(), ignored);
    }

    /// <summary>Sets the graphs found at start (before they are opened).</summary>
    internal void Configure(ImmutableSortedDictionary<string, string> graphs) => Configured = graphs;

    /// <summary>Marks <paramref name="id"/> as opened and served.</summary>
    internal void MarkOpen(string id) =>
        _open[id] = new ServedGraph(id, Configured[id], new GrainGraphService(clients.GetClient(id), new Uri(Configured[id]).AbsoluteUri));

    /// <summary>Whether <paramref name="id"/> is a graph being served (open).</summary>
    public bool IsServed(string id) => _open.ContainsKey(id);

    /// <summary>The served graph <paramref name="id"/>.</summary>
    /// <exception cref="OmniGraphException">Code <c>invalid_graph_id</c> (400) or <c>graph_not_found</c> (404).</exception>
    public ServedGraph Get(string id)
    {
        GraphIds.Validate(id);
        return _open.TryGetValue(id, out var graph) ? graph : throw new OmniGraphException(
            ErrorCodes.GraphNotFound, $"graph '{id}' not found", ErrorDetails.Of(ErrorDetail.GraphId.With(id)));
    }
}

/// <summary>One served graph.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Location">Its folder.</param>
/// <param name="Service">Its operations, through the co-hosted silo's grains.</param>
public sealed record ServedGraph(string Id, string Location, IGraphService Service);

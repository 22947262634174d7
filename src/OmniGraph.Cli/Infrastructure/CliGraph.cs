using OmniGraph.Client.Http;
using OmniGraph.Abstractions;
using OmniGraph.Grains.Hosting;
using OmniGraph.Security;

namespace OmniGraph.Cli.Infrastructure;

/// <summary>
/// The graph a command works on, reached one of two ways behind one interface (<see cref="Service"/>): the engine
/// embedded in this process on a local directory (<c>--store</c>, a positional URI), or a server over HTTP
/// (<c>--server URL --graph ID</c>). Commands are written once against <see cref="IGraphService"/>; outputs and exit
/// codes are the same either way.
/// </summary>
internal sealed class CliGraph : IAsyncDisposable
{
    private readonly OmniGraphEmbedded? _embedded;
    private readonly IDisposable? _http;

    private CliGraph(IGraphService service, string uri, OmniGraphEmbedded? embedded, IDisposable? http)
    {
        Service = service;
        Uri = uri;
        _embedded = embedded;
        _http = http;
    }

    /// <summary>The graph's operations.</summary>
    public IGraphService Service { get; }

    /// <summary>The graph as outputs name it: the URI or path given, or the server's graph URL.</summary>
    public string Uri { get; }

    /// <summary>Whether the graph is reached through a server (the actor then comes from the bearer token).</summary>
    public bool IsServed => _http is not null;

    /// <summary>The embedded engine's client, for a command that works on local graphs only.</summary>
    /// <param name="command">The command, named in the usage error.</param>
    /// <exception cref="OmniGraphException">Code <c>usage</c>: the graph is on a server.</exception>
    public IGraphClient LocalClient(string command) =>
        _embedded?.Client ?? throw CliErrors.Usage($"{command} works on a local graph (--store URI or a positional URI); it is not served over --server yet");

    /// <summary>Opens the local graph at <paramref name="target"/> in an embedded engine.</summary>
    /// <param name="target">The graph.</param>
    /// <param name="policy">A policy bundle to bind to it (<c>--policy</c>), or <c>null</c>.</param>
    /// <param name="cancellationToken">Stops the opening.</param>
    public static async Task<CliGraph> OpenEmbeddedAsync(GraphTarget target, PolicyBundle? policy, CancellationToken cancellationToken)
    {
        OmniGraphEmbedded embedded = await EmbeddedGraph.OpenAsync(target, policy, cancellationToken).ConfigureAwait(false);
        return new CliGraph(new GrainGraphService(embedded.Client, target.Uri), target.Uri, embedded, null);
    }

    /// <summary>Addresses graph <paramref name="graphId"/> on the server at <paramref name="server"/> (nothing is sent yet).</summary>
    public static CliGraph OpenServed(Uri server, string graphId, string? bearerToken)
    {
        var client = new OmniGraphHttpClient(server, bearerToken);
        var graph = client.Graph(graphId);
        return new CliGraph(graph, graph.Address.AbsoluteUri, null, client);
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_embedded is not null)
        {
            await _embedded.DisposeAsync().ConfigureAwait(false);
        }
    }
}

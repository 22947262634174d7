using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace OmniGraph.Grains.Hosting;

/// <summary>
/// The engine embedded in the application's process (Garnet-style): an in-process silo serving one graph on a local
/// directory (or any store), and a typed <see cref="IGraphClient"/> to it. What the CLI starts per command, so start-up
/// is kept short: an empty host, no configuration sources, no logging unless asked.
/// </summary>
/// <example><code>
/// await using var graph = await OmniGraphEmbedded.InitAsync("/data/social", File.ReadAllText("schema.pg"));
/// var snapshot = await graph.Client.GetSnapshotAsync();
/// </code></example>
public sealed class OmniGraphEmbedded : IAsyncDisposable
{
    /// <summary>The graph id used when none is configured.</summary>
    public const string DefaultGraphId = "default";

    /// <summary>Starts tried when another process takes the free port between the probe and the bind.</summary>
    private const int MaxStartAttempts = 5;

    private readonly IHost _host;
    private readonly CancellationToken _stopAtOnceWhen;

    private OmniGraphEmbedded(IHost host, string location, IGraphClient client, CancellationToken stopAtOnceWhen)
    {
        _host = host;
        _stopAtOnceWhen = stopAtOnceWhen;
        Location = location;
        Client = client;
    }

    /// <summary>Where the graph lives.</summary>
    public string Location { get; }

    /// <summary>The client of the graph.</summary>
    public IGraphClient Client { get; }

    /// <summary>The silo's services (grain factory, failpoint registry, write coordinator).</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>Opens an existing graph.</summary>
    /// <exception cref="OmniGraphException">Code <c>graph_not_initialized</c>: There is no graph at <paramref name="location"/>.</exception>
    /// <exception cref="InvalidObjectStoreUriException">The location cannot be parsed.</exception>
    public static async Task<OmniGraphEmbedded> OpenAsync(string location, Action<EmbeddedGraphOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        var embedded = await StartAsync(location, createRoot: false, configure, cancellationToken).ConfigureAwait(false);
        try
        {
            // Activation stamps-checks and heals; an uninitialised root fails here with a typed error. No head is resolved:
            // a graph whose head cannot be served must still open, for `recovery status` and `repair`.
            await embedded.Client.ListBranchesAsync(cancellationToken).ConfigureAwait(false);
            return embedded;
        }
        catch
        {
            await embedded.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Creates a graph with <paramref name="schemaSource"/> at <paramref name="location"/> and opens it.</summary>
    /// <exception cref="OmniGraphException">Code <c>already_initialized</c>: The location already holds a graph.</exception>
    public static async Task<OmniGraphEmbedded> InitAsync(string location, string schemaSource, Action<EmbeddedGraphOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schemaSource);
        var embedded = await StartAsync(location, createRoot: true, configure, cancellationToken).ConfigureAwait(false);
        try
        {
            await embedded.Client.InitializeAsync(schemaSource, cancellationToken).ConfigureAwait(false);
            return embedded;
        }
        catch
        {
            await embedded.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Stops the silo: gracefully (activations deactivate, head hints are persisted), or at once when
    /// <see cref="EmbeddedGraphOptions.StopAtOnceWhen"/> has been cancelled (a cancelled token makes Orleans stop the
    /// silo without deactivating).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(_stopAtOnceWhen.IsCancellationRequested ? _stopAtOnceWhen : CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            if (_host is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                _host.Dispose();
            }
        }
    }

    private static async Task<OmniGraphEmbedded> StartAsync(string location, bool createRoot, Action<EmbeddedGraphOptions>? configure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        var options = new EmbeddedGraphOptions();
        configure?.Invoke(options);
        GraphGrainKeys.ValidateGraphId(options.GraphId);
        var parsed = ObjectStoreUri.Parse(location);
        if (parsed.Kind == ObjectStoreKind.LocalDirectory && !createRoot && !Directory.Exists(parsed.Address))
        {
            throw EngineErrors.GraphNotInitialized(parsed.ToString());
        }

        // A port another process takes between the probe and the bind fails the start: try again on another one.
        for (var attempt = 1; ; attempt++)
        {
            var host = BuildHost(options, location, FreeLoopbackPort());
            try
            {
                await host.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (attempt < MaxStartAttempts && IsAddressInUse(exception))
            {
                host.Dispose();
                continue;
            }
            catch
            {
                host.Dispose();
                throw;
            }

            var client = host.Services.GetRequiredService<IGraphClientFactory>().GetClient(options.GraphId);
            return new OmniGraphEmbedded(host, parsed.ToString(), client, options.StopAtOnceWhen);
        }
    }

    /// <summary>
    /// One silo on an empty host, lean: loopback on a free port, no gateway (the graph client lives in the silo), a
    /// cluster of its own (two processes on one graph are two one-silo clusters that meet only in the store, whose
    /// compare-and-swap keeps them correct), no configuration sources, no logging unless asked, and no hold on the
    /// process's signals or exit (<see cref="EmbeddedHostLifetime"/>).
    /// </summary>
    private static IHost BuildHost(EmbeddedGraphOptions options, string location, int siloPort)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        builder.Services.AddLogging(logging =>
        {
            logging.ClearProviders();
            options.ConfigureLogging?.Invoke(logging);
        });
        builder.Services.Configure<SiloMessagingOptions>(messaging => messaging.ResponseTimeout = options.CallTimeout);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort: siloPort, gatewayPort: 0, serviceId: "omnigraph-embedded", clusterId: $"omnigraph-{Environment.ProcessId}-{siloPort}");
            silo.AddOmniGraph(engine =>
            {
                options.ConfigureEngine?.Invoke(engine);
                engine.AddGraph(options.GraphId, location);
            });
            options.ConfigureSilo?.Invoke(silo);
        });
        return builder.Build();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsAddressInUse(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }

        return false;
    }
}

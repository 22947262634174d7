using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OmniGraph.Server.Hosting;

/// <summary>
/// The OmniGraph server as an object (Garnet-style): an ASP.NET Core front-end and an Orleans silo in one process,
/// serving the graphs under a store root over HTTP (docs/server.md). <c>omnigraph serve</c> runs one; a test or an
/// application can start one too. <see cref="StartAsync"/> returns once every graph has opened and the listener is
/// bound; <see cref="StopAsync"/> stops gracefully (requests in flight finish, then the silo deactivates its grains).
/// </summary>
/// <example><code>
/// await using var server = await OmniGraphServer.StartAsync(new OmniGraphServerOptions { StoreRoot = "/data", Bind = "127.0.0.1:0", Unauthenticated = true });
/// Console.WriteLine(server.BaseAddress);
/// </code></example>
public sealed class OmniGraphServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _stopped;

    private OmniGraphServer(WebApplication app, IPEndPoint listenAddress)
    {
        _app = app;
        ListenAddress = listenAddress;
    }

    /// <summary>The bound address (with the port the system picked when 0 was asked for).</summary>
    public IPEndPoint ListenAddress { get; }

    /// <summary>
    /// The silo's gateway for Orleans clients (<c>services.AddOmniGraphClient</c>), or <c>null</c> when the server was
    /// started without one (<see cref="OmniGraphServerOptions.GatewayPort"/>).
    /// </summary>
    public IPEndPoint? GatewayAddress
    {
        get
        {
            var port = _app.Services.GetRequiredService<IOptions<Orleans.Configuration.EndpointOptions>>().Value.GatewayPort;
            return port == 0 ? null : new IPEndPoint(_app.Services.GetRequiredService<IOptions<OmniGraphServerOptions>>().Value.AdvertisedAddress, port);
        }
    }

    /// <summary>The server's base URL, <c>http://ip:port/</c>.</summary>
    public Uri BaseAddress => new($"http://{ListenAddress}/");

    /// <summary>The server's services (the silo's grain factory, the served graphs).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The graphs being served.</summary>
    public ServedGraphs Graphs => _app.Services.GetRequiredService<ServedGraphs>();

    /// <summary>Cancelled when the server begins to stop.</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <summary>Starts a server: discovers the graphs, starts the silo, opens every graph, then binds the listener.</summary>
    /// <exception cref="OmniGraphException">The options are unusable (<c>usage</c>), the store root is missing (<c>file_not_found</c>), or the address cannot be bound.</exception>
    public static async Task<OmniGraphServer> StartAsync(OmniGraphServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var app = await OmniGraphServerBuilder.BuildAsync(options, cancellationToken).ConfigureAwait(false);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = BoundAddress(app);
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<OmniGraphServer>();
            ServerLog.Listening(logger, address.ToString(), OmniGraphServerBuilder.AuthModeName(app.Services), app.Services.GetRequiredService<IOptions<OmniGraphServerOptions>>().Value.StoreRoot);
            if (app.Services.GetRequiredService<ServerAccess>().Mode == ServerAuthMode.Open && !IPAddress.IsLoopback(address.Address))
            {
                ServerLog.OpenModeExposed(logger, address.ToString());
            }
            return new OmniGraphServer(app, address);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops gracefully: new connections are refused, requests in flight finish (up to the shutdown timeout), then the silo stops.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            var options = _app.Services.GetRequiredService<IOptions<OmniGraphServerOptions>>().Value;
            ServerLog.Stopping(_app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<OmniGraphServer>(), options.ShutdownTimeout);
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops (if not yet stopped) and releases everything.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static IPEndPoint BoundAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        var first = addresses.FirstOrDefault() ?? throw new InvalidOperationException("the server reports no bound address");
        var uri = new Uri(first);
        return new IPEndPoint(IPAddress.Parse(uri.Host.Trim('[', ']')), uri.Port);
    }
}

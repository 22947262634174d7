using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace Orleans.Hosting;

/// <summary>Clustering configuration for a silo.</summary>
public static class CoreHostingExtensions
{
    /// <summary>
    /// Configures a single-host development cluster. Accepted for parity with Orleans; the in-process runtime opens
    /// no sockets, so the ports and endpoint are only recorded in <see cref="EndpointOptions"/> and
    /// <see cref="ClusterOptions"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="siloPort"/> is not a valid port (Orleans rejects 0 too).</exception>
    public static ISiloBuilder UseLocalhostClustering(
        this ISiloBuilder builder,
        int siloPort = EndpointOptions.DEFAULT_SILO_PORT,
        int gatewayPort = EndpointOptions.DEFAULT_GATEWAY_PORT,
        IPEndPoint? primarySiloEndpoint = null,
        string serviceId = ClusterOptions.DevelopmentServiceId,
        string clusterId = ClusterOptions.DevelopmentClusterId)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfLessThan(siloPort, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(siloPort, IPEndPoint.MaxPort);
        ArgumentOutOfRangeException.ThrowIfNegative(gatewayPort);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(gatewayPort, IPEndPoint.MaxPort);
        _ = primarySiloEndpoint;
        builder.Services.Configure<EndpointOptions>(options =>
        {
            options.AdvertisedIPAddress = IPAddress.Loopback;
            options.SiloPort = siloPort;
            options.GatewayPort = gatewayPort;
        });
        builder.Services.Configure<ClusterOptions>(options =>
        {
            options.ServiceId ??= serviceId;
            options.ClusterId ??= clusterId;
        });
        return builder;
    }
}

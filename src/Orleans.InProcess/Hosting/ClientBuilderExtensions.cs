using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace Orleans.Hosting;

/// <summary>Clustering configuration for a client.</summary>
public static class ClientBuilderExtensions
{
    /// <summary>
    /// Points the client at a local development cluster. Accepted for parity with Orleans; the in-process client is
    /// co-hosted with its silo and needs no gateway.
    /// </summary>
    public static IClientBuilder UseLocalhostClustering(
        this IClientBuilder builder,
        int gatewayPort = EndpointOptions.DEFAULT_GATEWAY_PORT,
        string serviceId = ClusterOptions.DevelopmentServiceId,
        string clusterId = ClusterOptions.DevelopmentClusterId)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfLessThan(gatewayPort, 1);
        builder.Services.Configure<ClusterOptions>(options =>
        {
            options.ServiceId ??= serviceId;
            options.ClusterId ??= clusterId;
        });
        return builder;
    }
}

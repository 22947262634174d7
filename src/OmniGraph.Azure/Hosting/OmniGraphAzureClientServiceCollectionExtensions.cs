using Microsoft.Extensions.Options;
using OmniGraph.Azure;
using Orleans.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Orleans clients of an OmniGraph cluster whose membership lives in Azure Table storage.</summary>
public static class OmniGraphAzureClientServiceCollectionExtensions
{
    /// <summary>
    /// An OmniGraph client (<c>AddOmniGraphClient</c>) that finds the cluster's gateways in its Azure membership table
    /// instead of a static list: application services join the same cluster as the <c>omnigraph serve --clustering azure</c>
    /// silos.
    /// </summary>
    public static IServiceCollection AddOmniGraphAzureClient(
        this IServiceCollection services,
        Action<OmniGraph.Client.Cluster.OmniGraphClusterClientOptions> configure,
        Action<AzureTableClusteringOptions> clustering)
    {
        ArgumentNullException.ThrowIfNull(clustering);
        return services.AddOmniGraphClient(configure, client => client.UseOmniGraphAzureClustering(clustering));
    }

    /// <summary>
    /// Points an Orleans client at the gateways listed in the cluster's membership table (no static list), refreshed as
    /// often as <see cref="FastFailover.GatewayListRefresh"/>.
    /// </summary>
    public static IClientBuilder UseOmniGraphAzureClustering(this IClientBuilder builder, Action<AzureTableClusteringOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        AzureTableClusteringRegistration.AddOptions(builder.Services, configure);
        builder.UseAzureStorageClustering(static table => table.Configure<IOptions<AzureTableClusteringOptions>>(static (orleans, ours) => AzureTableClusteringRegistration.CopyTable(ours.Value, orleans)));
        builder.Services.Configure<GatewayOptions>(FastFailover.Apply);
        return builder;
    }
}

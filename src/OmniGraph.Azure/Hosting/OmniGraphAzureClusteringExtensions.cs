using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OmniGraph.Azure;
using Orleans.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Silos and clients of an OmniGraph cluster whose membership lives in Azure Table storage.</summary>
public static class OmniGraphAzureClusteringExtensions
{
    /// <summary>
    /// Joins the silo to the cluster whose membership is in the table <paramref name="configure"/> names (Orleans' Azure
    /// Table clustering), with the <see cref="FastFailover"/> membership settings. The silo's endpoints (ports, advertised
    /// address) and <see cref="ClusterOptions"/> are configured by the caller. The options are validated at start.
    /// </summary>
    public static ISiloBuilder UseOmniGraphAzureClustering(this ISiloBuilder builder, Action<AzureTableClusteringOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        AddOptions(builder.Services, configure);
        builder.UseAzureStorageClustering(static table => table.Configure<IOptions<AzureTableClusteringOptions>>(static (orleans, ours) => CopyTable(ours.Value, orleans)));
        builder.Services.Configure<ClusterMembershipOptions>(FastFailover.Apply);
        return builder;
    }

    /// <summary>
    /// Points an Orleans client at the gateways listed in the cluster's membership table (no static list), refreshed as
    /// often as <see cref="FastFailover.GatewayListRefresh"/>.
    /// </summary>
    public static IClientBuilder UseOmniGraphAzureClustering(this IClientBuilder builder, Action<AzureTableClusteringOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        AddOptions(builder.Services, configure);
        builder.UseAzureStorageClustering(static table => table.Configure<IOptions<AzureTableClusteringOptions>>(static (orleans, ours) => CopyTable(ours.Value, orleans)));
        builder.Services.Configure<GatewayOptions>(FastFailover.Apply);
        return builder;
    }

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

    /// <summary>Our table settings onto Orleans' (silo membership and client gateway list share the shape).</summary>
    private static void CopyTable(AzureTableClusteringOptions ours, Orleans.Clustering.AzureStorage.AzureStorageOperationOptions orleans)
    {
        orleans.TableServiceClient = ours.CreateClient();
        orleans.TableName = ours.TableName;
    }

    private static void AddOptions(IServiceCollection services, Action<AzureTableClusteringOptions> configure)
    {
        services.AddOptions<AzureTableClusteringOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureTableClusteringOptions>, AzureTableClusteringOptionsValidator>());
    }
}

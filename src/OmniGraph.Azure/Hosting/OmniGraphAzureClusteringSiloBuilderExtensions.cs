using Microsoft.Extensions.Options;
using OmniGraph.Azure;
using Orleans.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Silos of an OmniGraph cluster whose membership lives in Azure Table storage.</summary>
public static class OmniGraphAzureClusteringSiloBuilderExtensions
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
        AzureTableClusteringRegistration.AddOptions(builder.Services, configure);
        builder.UseAzureStorageClustering(static table => table.Configure<IOptions<AzureTableClusteringOptions>>(static (orleans, ours) => AzureTableClusteringRegistration.CopyTable(ours.Value, orleans)));
        builder.Services.Configure<ClusterMembershipOptions>(FastFailover.Apply);
        return builder;
    }
}

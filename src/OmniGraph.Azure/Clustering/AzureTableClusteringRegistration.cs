using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OmniGraph.Azure;

/// <summary>What silos and clients on Azure Table clustering register alike.</summary>
internal static class AzureTableClusteringRegistration
{
    /// <summary>Our table settings onto Orleans' (silo membership and client gateway list share the shape).</summary>
    public static void CopyTable(AzureTableClusteringOptions ours, Orleans.Clustering.AzureStorage.AzureStorageOperationOptions orleans)
    {
        orleans.TableServiceClient = ours.CreateClient();
        orleans.TableName = ours.TableName;
    }

    /// <summary>The clustering options, validated at start.</summary>
    public static void AddOptions(IServiceCollection services, Action<AzureTableClusteringOptions> configure)
    {
        services.AddOptions<AzureTableClusteringOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureTableClusteringOptions>, AzureTableClusteringOptionsValidator>());
    }
}

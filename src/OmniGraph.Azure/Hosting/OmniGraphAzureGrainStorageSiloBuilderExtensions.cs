using Microsoft.Extensions.DependencyInjection.Extensions;
using OmniGraph.Azure;
using OmniGraph.Persistence;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Keeps the engine's grain state on the blob store with Orleans' Azure Blob grain storage.</summary>
public static class OmniGraphAzureGrainStorageSiloBuilderExtensions
{
    /// <summary>
    /// Every graph (and the graph registry) whose store is on the blob store (<c>az://</c>) keeps its grains' state through
    /// Orleans' <c>AzureBlobGrainStorage</c>, on the store's own container client and beside the graph
    /// (<c>{prefix}/state/...</c>), as the engine's explicit JSON. Graphs on a local directory or in memory keep the
    /// project's own provider. Call on the silo's services next to <c>AddOmniGraph</c>.
    /// </summary>
    public static IServiceCollection AddOmniGraphAzureBlobGrainStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStoreGrainStorageSelector, AzureBlobGrainStorageSelector>());
        return services;
    }

    /// <summary>The same registration on a silo builder.</summary>
    public static ISiloBuilder AddOmniGraphAzureBlobGrainStorage(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOmniGraphAzureBlobGrainStorage();
        return builder;
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OmniGraph.Abstractions.Serialization;
using OmniGraph.Grains.Access;
using OmniGraph.Grains.Hosting;
using OmniGraph.Grains.Maintenance;
using OmniGraph.Grains.Manifest;
using OmniGraph.Grains.Merging;
using OmniGraph.Grains.Promotion;
using OmniGraph.Grains.Schema;
using OmniGraph.Grains.SchemaEvolution;
using OmniGraph.Grains.Writes;
using OmniGraph.Persistence;
using OmniGraph.Tables.Versions;
using Orleans.Runtime.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the OmniGraph storage engine to a silo.</summary>
public static class OmniGraphSiloBuilderExtensions
{
    /// <summary>
    /// Registers the engine: its grains' services, the graph directory (graph id → object store), the grain storage that
    /// keeps each graph's grain state inside that graph's own store, the write coordinator, the failpoint registry and
    /// the options with their validator.
    /// </summary>
    /// <example><code>silo.AddOmniGraph(options => options.AddGraph("social", "/var/lib/omnigraph/social"));</code></example>
    public static ISiloBuilder AddOmniGraph(this ISiloBuilder builder, Action<OmniGraphOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOmniGraph(configure);
        return builder;
    }

    /// <summary>The same registrations on a service collection that hosts a silo.</summary>
    public static IServiceCollection AddOmniGraph(this IServiceCollection services, Action<OmniGraphOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<OmniGraphOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.AddOmniGraphSerialization();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OmniGraphOptions>, OmniGraphOptionsValidator>());
        services.AddTransient<IConfigurationValidator, OmniGraphConfigurationValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IObjectStoreFactory, ObjectStoreFactory>();
        services.TryAddSingleton<IGraphDirectory, GraphDirectory>();
        services.TryAddSingleton<SchemaCatalogCache>();
        services.TryAddSingleton<SharedFragments>();
        services.TryAddSingleton<FailpointRegistry>();
        services.TryAddSingleton<GraphWriteCoordinator>();
        services.TryAddSingleton<BranchMergeCoordinator>();
        services.TryAddSingleton<PromotionCoordinator>();
        services.TryAddSingleton<SchemaApplyCoordinator>();
        services.TryAddSingleton<OptimizeCoordinator>();
        services.TryAddSingleton<GraphWriteAccess>();
        services.AddOmniGraphAudit();
        if (!services.Any(static d => d.ServiceType == typeof(CommitCompletions)))
        {
            services.AddSingleton<CommitCompletions>();
            services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(static provider => provider.GetRequiredService<CommitCompletions>());
        }

        services.TryAddSingleton<IGraphClientFactory, GraphClientFactory>();
        services.TryAddSingleton<StoreGrainStorages>();
        if (!services.Any(static d => d.ServiceType == typeof(Orleans.Storage.IGrainStorage) && Equals(d.ServiceKey, GraphGrainStorage.ProviderName)))
        {
            services.AddGrainStorage(GraphGrainStorage.ProviderName, static (provider, _) => ActivatorUtilities.CreateInstance<GraphGrainStorage>(provider));
            services.AddGrainStorage(GraphRegistryGrain.StorageName, static (provider, name) => ActivatorUtilities.CreateInstance<RegistryGrainStorage>(provider, name));
        }

        return services;
    }
}

using Microsoft.Extensions.Options;
using OmniGraph.Persistence;
using Orleans.Providers;
using Orleans.Runtime.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="ObjectStoreGrainStorage"/> providers on a service collection.</summary>
public static class ObjectStoreGrainStorageServiceCollectionExtensions
{
    /// <summary>Registers the grain storage provider used by states that name no provider ("Default").</summary>
    public static IServiceCollection AddObjectStoreGrainStorageAsDefault(this IServiceCollection services, Action<ObjectStoreGrainStorageOptions> configureOptions)
        => services.AddObjectStoreGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configureOptions);

    /// <summary>Registers grain storage provider <paramref name="name"/> (what <c>[PersistentState(stateName, name)]</c> uses).</summary>
    public static IServiceCollection AddObjectStoreGrainStorage(this IServiceCollection services, string name, Action<ObjectStoreGrainStorageOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(configureOptions);
        return services.AddObjectStoreGrainStorage(name, optionsBuilder => optionsBuilder.Configure(configureOptions));
    }

    /// <summary>Registers the "Default" grain storage provider, configuring its options through an <see cref="OptionsBuilder{TOptions}"/>.</summary>
    public static IServiceCollection AddObjectStoreGrainStorageAsDefault(this IServiceCollection services, Action<OptionsBuilder<ObjectStoreGrainStorageOptions>>? configureOptions = null)
        => services.AddObjectStoreGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configureOptions);

    /// <summary>Registers grain storage provider <paramref name="name"/>, configuring its options through an <see cref="OptionsBuilder{TOptions}"/>.</summary>
    public static IServiceCollection AddObjectStoreGrainStorage(this IServiceCollection services, string name, Action<OptionsBuilder<ObjectStoreGrainStorageOptions>>? configureOptions = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        configureOptions?.Invoke(services.AddOptions<ObjectStoreGrainStorageOptions>(name));
        services.AddTransient<IConfigurationValidator>(sp => new ObjectStoreGrainStorageOptionsValidator(
            sp.GetRequiredService<IOptionsMonitor<ObjectStoreGrainStorageOptions>>().Get(name), name));
        return services.AddGrainStorage(name, ObjectStoreGrainStorageFactory.Create);
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmniGraph.Storage;
using OmniGraph.Storage.Azure;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Azure Blob object store, and the <c>az://</c> scheme for stores opened by location.</summary>
public static class AzureBlobObjectStoreServiceCollectionExtensions
{
    /// <summary>Registers an <see cref="AzureBlobObjectStore"/> as the default <see cref="IObjectStore"/>; its options are validated when the host starts.</summary>
    public static IServiceCollection AddAzureBlobObjectStore(this IServiceCollection services, Action<AzureBlobObjectStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        AddStoreOptions(services, Options.Options.DefaultName, configure);
        services.TryAddSingleton(provider => Create(provider, Options.Options.DefaultName));
        return services;
    }

    /// <summary>Registers an <see cref="AzureBlobObjectStore"/> as the <see cref="IObjectStore"/> keyed <paramref name="name"/>, configured through named options.</summary>
    public static IServiceCollection AddAzureBlobObjectStore(this IServiceCollection services, string name, Action<AzureBlobObjectStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        AddStoreOptions(services, name, configure);
        services.TryAddKeyedSingleton(name, (provider, _) => Create(provider, name));
        return services;
    }

    /// <summary>
    /// Makes <c>az://CONTAINER/PREFIX</c> locations open Azure Blob stores of the account <paramref name="configure"/>
    /// describes: registers an <see cref="AzureBlobObjectStoreProvider"/> in <paramref name="registry"/>
    /// (<see cref="ObjectStoreProviderRegistry.Default"/> when <c>null</c>, which <see cref="ObjectStoreUri.Open(string, ILoggerFactory?, TimeProvider?)"/>
    /// and every component opening graphs by location consult) and in the container as an
    /// <see cref="IObjectStoreProvider"/>. The options are checked now: invalid ones throw
    /// <see cref="OptionsValidationException"/> at registration.
    /// </summary>
    public static IServiceCollection AddAzureBlobObjectStoreProvider(
        this IServiceCollection services,
        Action<AzureBlobAccountOptions>? configure = null,
        ObjectStoreProviderRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var provider = AzureBlobObjectStoreProvider.Register(configure, registry);
        services.RemoveAll<AzureBlobObjectStoreProvider>();
        services.AddSingleton(provider);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IObjectStoreProvider, AzureBlobObjectStoreProvider>(static services => services.GetRequiredService<AzureBlobObjectStoreProvider>()));
        return services;
    }

    private static void AddStoreOptions(IServiceCollection services, string name, Action<AzureBlobObjectStoreOptions> configure)
    {
        services.AddOptions<AzureBlobObjectStoreOptions>(name).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureBlobObjectStoreOptions>, AzureBlobObjectStoreOptionsValidator>());
    }

    private static IObjectStore Create(IServiceProvider provider, string name) => AzureBlobObjectStore.Create(
        provider.GetRequiredService<IOptionsMonitor<AzureBlobObjectStoreOptions>>().Get(name),
        provider.GetService<ILoggerFactory>());
}

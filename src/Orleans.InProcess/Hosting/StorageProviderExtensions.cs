using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Providers;
using Orleans.Storage;

namespace Orleans.Runtime.Hosting;

/// <summary>Registers grain storage providers by name.</summary>
public static class StorageProviderExtensions
{
    /// <summary>
    /// Registers <typeparamref name="T"/> as the <see cref="IGrainStorage"/> keyed <paramref name="name"/> (what
    /// <c>[PersistentState(stateName, name)]</c> resolves). The provider named "Default" is also registered unkeyed,
    /// for states that name no provider.
    /// </summary>
    public static IServiceCollection AddGrainStorage<T>(this IServiceCollection collection, string name, Func<IServiceProvider, string, T> implementationFactory)
        where T : IGrainStorage
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(implementationFactory);
        collection.AddKeyedSingleton<IGrainStorage>(name, (services, _) => implementationFactory(services, name));
        if (string.Equals(name, ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, StringComparison.Ordinal))
        {
            collection.TryAddSingleton<IGrainStorage>(services => services.GetRequiredKeyedService<IGrainStorage>(name));
        }

        return collection;
    }
}

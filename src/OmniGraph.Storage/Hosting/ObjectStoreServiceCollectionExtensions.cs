using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmniGraph.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers an <see cref="IObjectStore"/>. The unkeyed overloads register the default store; the overloads
/// taking a <c>name</c> register a keyed store (resolve it with <c>GetRequiredKeyedService&lt;IObjectStore&gt;(name)</c>)
/// configured through named options, so one host can keep several stores side by side.
/// </summary>
public static class ObjectStoreServiceCollectionExtensions
{
    /// <summary>Registers a <see cref="LocalDirectoryObjectStore"/> as the default <see cref="IObjectStore"/>.</summary>
    public static IServiceCollection AddLocalObjectStore(this IServiceCollection services, Action<LocalObjectStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        AddLocalOptions(services, Options.Options.DefaultName, configure);
        services.TryAddSingleton<IObjectStore>(provider => CreateLocal(provider, Options.Options.DefaultName));
        return services;
    }

    /// <summary>Registers a <see cref="LocalDirectoryObjectStore"/> as the <see cref="IObjectStore"/> keyed <paramref name="name"/>.</summary>
    public static IServiceCollection AddLocalObjectStore(this IServiceCollection services, string name, Action<LocalObjectStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        AddLocalOptions(services, name, configure);
        services.TryAddKeyedSingleton<IObjectStore>(name, (provider, _) => CreateLocal(provider, name));
        return services;
    }

    /// <summary>Registers a <see cref="MemoryObjectStore"/> as the default <see cref="IObjectStore"/>.</summary>
    public static IServiceCollection AddMemoryObjectStore(this IServiceCollection services, Action<MemoryObjectStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddMemoryOptions(services, Options.Options.DefaultName, configure);
        services.TryAddSingleton<IObjectStore>(provider => CreateMemory(provider, Options.Options.DefaultName));
        return services;
    }

    /// <summary>Registers a <see cref="MemoryObjectStore"/> as the <see cref="IObjectStore"/> keyed <paramref name="name"/>.</summary>
    public static IServiceCollection AddMemoryObjectStore(this IServiceCollection services, string name, Action<MemoryObjectStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        AddMemoryOptions(services, name, configure);
        services.TryAddKeyedSingleton<IObjectStore>(name, (provider, _) => CreateMemory(provider, name));
        return services;
    }

    /// <summary>
    /// Registers the store a location string names (a path, <c>file://</c> or <c>memory://</c> URI, or a scheme a
    /// provider in <see cref="ObjectStoreProviderRegistry.Default"/> handles; see <see cref="ObjectStoreUri"/>) as the
    /// default <see cref="IObjectStore"/>. The location is parsed now, so a bad one fails at registration.
    /// </summary>
    public static IServiceCollection AddObjectStore(this IServiceCollection services, string location) =>
        services.AddObjectStore(location, ObjectStoreProviderRegistry.Default);

    /// <summary>
    /// Registers the store a location string names as the default <see cref="IObjectStore"/>, resolving provider
    /// schemes through <paramref name="providers"/>. The location is parsed now, so a bad one fails at registration;
    /// a provider's store is opened when it is first resolved.
    /// </summary>
    public static IServiceCollection AddObjectStore(this IServiceCollection services, string location, ObjectStoreProviderRegistry providers)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(providers);
        var parsed = ObjectStoreUri.Parse(location, providers);
        switch (parsed.Kind)
        {
            case ObjectStoreKind.LocalDirectory:
                return services.AddLocalObjectStore(options => options.RootPath = parsed.Address);
            case ObjectStoreKind.Memory:
                return services.AddMemoryObjectStore(options => options.Name = parsed.Address);
            default:
                services.TryAddSingleton<IObjectStore>(provider => ObjectStoreUri.Open(
                    parsed.Address,
                    providers,
                    provider.GetService<ILoggerFactory>(),
                    provider.GetService<TimeProvider>()));
                return services;
        }
    }

    private static void AddLocalOptions(IServiceCollection services, string name, Action<LocalObjectStoreOptions> configure)
    {
        services.AddOptions<LocalObjectStoreOptions>(name).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LocalObjectStoreOptions>, LocalObjectStoreOptionsValidator>());
    }

    private static void AddMemoryOptions(IServiceCollection services, string name, Action<MemoryObjectStoreOptions>? configure)
    {
        var builder = services.AddOptions<MemoryObjectStoreOptions>(name);
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MemoryObjectStoreOptions>, MemoryObjectStoreOptionsValidator>());
    }

    private static LocalDirectoryObjectStore CreateLocal(IServiceProvider provider, string name) => new(
        provider.GetRequiredService<IOptionsMonitor<LocalObjectStoreOptions>>().Get(name),
        provider.GetService<ILogger<LocalDirectoryObjectStore>>(),
        provider.GetService<TimeProvider>());

    private static MemoryObjectStore CreateMemory(IServiceProvider provider, string name)
    {
        var options = provider.GetRequiredService<IOptionsMonitor<MemoryObjectStoreOptions>>().Get(name);
        return options.Name is { } shared
            ? NamedMemoryObjectStores.GetOrCreate(shared)
            : new MemoryObjectStore(name == Options.Options.DefaultName ? null : name, provider.GetService<TimeProvider>());
    }
}

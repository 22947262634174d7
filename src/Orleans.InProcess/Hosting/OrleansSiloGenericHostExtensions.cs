using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.InProcess;
using Orleans.InProcess.Hosting;
using Orleans.InProcess.Persistence;
using Orleans.InProcess.Timers;
using Orleans.Runtime;
using Orleans.Timers;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Hosts a silo in a generic host, the Orleans way (<c>builder.UseOrleans(silo =&gt; ...)</c>). With the in-process
/// runtime the silo lives in this process only: no sockets, no membership, no directory. The co-hosted
/// <see cref="IClusterClient"/> and <see cref="IGrainFactory"/> are registered for the rest of the application.
/// Calling it several times configures the same silo.
/// </summary>
public static class OrleansSiloGenericHostExtensions
{
    /// <summary>Adds a silo to the host.</summary>
    public static HostApplicationBuilder UseOrleans(this HostApplicationBuilder hostAppBuilder, Action<ISiloBuilder> configureDelegate)
    {
        ArgumentNullException.ThrowIfNull(hostAppBuilder);
        AddOrleansCore(hostAppBuilder.Services, hostAppBuilder.Configuration, configureDelegate);
        return hostAppBuilder;
    }

    /// <summary>Adds a silo to the host.</summary>
    public static IHostApplicationBuilder UseOrleans(this IHostApplicationBuilder hostAppBuilder, Action<ISiloBuilder> configureDelegate)
    {
        ArgumentNullException.ThrowIfNull(hostAppBuilder);
        AddOrleansCore(hostAppBuilder.Services, hostAppBuilder.Configuration, configureDelegate);
        return hostAppBuilder;
    }

    /// <summary>Adds a silo to the host.</summary>
    public static IHostBuilder UseOrleans(this IHostBuilder hostBuilder, Action<HostBuilderContext, ISiloBuilder> configureDelegate)
    {
        ArgumentNullException.ThrowIfNull(hostBuilder);
        ArgumentNullException.ThrowIfNull(configureDelegate);
        return hostBuilder.ConfigureServices((context, services) =>
            AddOrleansCore(services, context.Configuration, silo => configureDelegate(context, silo)));
    }

    /// <summary>Adds a silo to the host.</summary>
    public static IHostBuilder UseOrleans(this IHostBuilder hostBuilder, Action<ISiloBuilder> configureDelegate)
    {
        ArgumentNullException.ThrowIfNull(configureDelegate);
        return hostBuilder.UseOrleans((_, silo) => configureDelegate(silo));
    }

    /// <summary>Adds a silo to a service collection (the host must run its hosted services).</summary>
    public static IServiceCollection AddOrleans(this IServiceCollection services, Action<ISiloBuilder> configureDelegate)
    {
        ArgumentNullException.ThrowIfNull(services);
        var configuration = services.LastOrDefault(static d => d.ServiceType == typeof(IConfiguration))?.ImplementationInstance as IConfiguration
            ?? new ConfigurationBuilder().Build();
        AddOrleansCore(services, configuration, configureDelegate);
        return services;
    }

    private static void AddOrleansCore(IServiceCollection services, IConfiguration configuration, Action<ISiloBuilder> configureDelegate)
    {
        ArgumentNullException.ThrowIfNull(configureDelegate);
        var marker = services.LastOrDefault(static d => d.ServiceType == typeof(SiloBuilderMarker))?.ImplementationInstance as SiloBuilderMarker;
        if (marker is null)
        {
            marker = new SiloBuilderMarker(new SiloBuilder(services, configuration));
            services.AddSingleton(marker);
            AddRuntimeServices(services);
        }

        configureDelegate(marker.Builder);
    }

    private static void AddRuntimeServices(IServiceCollection services)
    {
        services.AddLogging();
        services.AddOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<GrainCollectionOptions>();
        services.AddOptions<SiloMessagingOptions>();
        services.AddOptions<InProcessRuntimeOptions>();
        services.AddTransient<IConfigurationValidator, GrainCollectionOptionsValidator>();
        services.AddTransient<IConfigurationValidator, MessagingOptionsValidator>();
        services.AddTransient<IConfigurationValidator, InProcessRuntimeOptionsValidator>();

        services.TryAddSingleton<InProcessRuntime>();
        services.TryAddSingleton<InProcessClusterClient>();
        services.TryAddSingleton<IClusterClient>(static sp => sp.GetRequiredService<InProcessClusterClient>());
        services.TryAddSingleton<IGrainFactory>(static sp => sp.GetRequiredService<InProcessClusterClient>());
        services.TryAddSingleton<IPersistentStateFactory, PersistentStateFactory>();
        services.TryAddSingleton<ITimerRegistry, GrainTimerRegistry>();
        services.AddHostedService<InProcessSiloHost>();
    }

    /// <summary>Remembers the silo builder of a service collection so repeated calls configure the same silo.</summary>
    private sealed class SiloBuilderMarker(SiloBuilder builder)
    {
        public SiloBuilder Builder { get; } = builder;
    }
}

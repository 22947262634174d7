using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmniGraph.Security;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the security pieces the server wires in: the bearer tokens and the audit log factory.</summary>
public static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AuditLogFactory"/> with <see cref="AuditLogOptions"/> (validated at start) and the system
    /// <see cref="TimeProvider"/> unless one is registered.
    /// </summary>
    public static IServiceCollection AddOmniGraphAudit(this IServiceCollection services, Action<AuditLogOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<AuditLogOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuditLogOptions>, AuditLogOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AuditLogFactory>();
        return services;
    }

    /// <summary>
    /// Registers the <see cref="BearerTokenRegistry"/> loaded once, at first use, from the sources
    /// <paramref name="readSources"/> gives (the process environment when <c>null</c>); the log names the sources used
    /// and warns about ignored ones, never a token. A bad source fails the resolution with an <see cref="OmniGraph.OmniGraphException"/> (<c>auth_*</c>).
    /// </summary>
    public static IServiceCollection AddOmniGraphBearerTokens(this IServiceCollection services, Func<BearerTokenSources>? readSources = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(provider =>
        {
            var sources = readSources?.Invoke() ?? BearerTokenSources.FromEnvironment(Environment.GetEnvironmentVariable);
            var registry = BearerTokenLoader.Load(sources);
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BearerTokenRegistry));
            SecurityLog.TokensLoaded(logger, registry.Count, registry.Sources.Count == 0 ? "no source" : string.Join(" + ", registry.Sources));
            foreach (var ignored in registry.IgnoredSources)
            {
                SecurityLog.TokenSourceIgnored(logger, ignored, BearerTokenSources.TokensFileVariable);
            }

            return registry;
        });
        return services;
    }
}

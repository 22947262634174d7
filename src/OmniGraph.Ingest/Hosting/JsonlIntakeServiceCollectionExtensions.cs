using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OmniGraph.Ingest;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the JSONL intake.</summary>
public static class JsonlIntakeServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="JsonlIntakeOptions"/> (validated on start by <see cref="JsonlIntakeOptionsValidator"/>) and a
    /// singleton <see cref="JsonlIntakeFactory"/> that creates one <see cref="JsonlIntake"/> per load.
    /// </summary>
    public static IServiceCollection AddJsonlIntake(this IServiceCollection services, Action<JsonlIntakeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<JsonlIntakeOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JsonlIntakeOptions>, JsonlIntakeOptionsValidator>());
        services.TryAddSingleton<JsonlIntakeFactory>();
        return services;
    }
}

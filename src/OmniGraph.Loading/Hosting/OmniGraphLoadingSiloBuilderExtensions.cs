using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OmniGraph.Ingest;
using OmniGraph.Loading.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds loads (<c>ILoadSessionGrain</c>) and exports (<c>IGraphExportGrain</c>) to a silo that runs the engine.</summary>
public static class OmniGraphLoadingSiloBuilderExtensions
{
    /// <summary>
    /// Registers the loading grains, the JSONL intake (<see cref="JsonlIntakeFactory"/>, configurable with
    /// <paramref name="configureIntake"/>), the embedding provider (<c>AddOmniGraphEmbeddings</c>, from the environment)
    /// and <see cref="OmniGraphLoadingOptions"/> with their validator. Call after
    /// <c>silo.AddOmniGraph(...)</c>; the embedded host takes it through <c>EmbeddedGraphOptions.ConfigureSilo</c>.
    /// </summary>
    /// <example><code>silo.AddOmniGraph(o => o.AddGraph("social", "/data/social")).AddOmniGraphLoading();</code></example>
    public static ISiloBuilder AddOmniGraphLoading(
        this ISiloBuilder builder,
        Action<OmniGraphLoadingOptions>? configure = null,
        Action<JsonlIntakeOptions>? configureIntake = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<OmniGraphLoadingOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OmniGraphLoadingOptions>, OmniGraphLoadingOptionsValidator>());
        builder.Services.AddJsonlIntake(configureIntake);

        // A load that leaves out a required @embed vector computes it through the configured provider (docs/search.md §5).
        builder.Services.AddOmniGraphEmbeddings();
        return builder;
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OmniGraph.Mutations.Execution;
using OmniGraph.Mutations.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds mutations (<c>insert</c>/<c>update</c>/<c>delete</c> queries, <see cref="OmniGraph.Abstractions.IMutationGrain"/>) to a silo that hosts the OmniGraph engine.</summary>
public static class OmniGraphMutationsSiloBuilderExtensions
{
    /// <summary>
    /// Registers the mutation grain, its executor, the query compiler (if not registered yet) and
    /// <see cref="OmniGraphMutationOptions"/> with their validator. Call after <c>AddOmniGraph</c>.
    /// </summary>
    /// <example><code>silo.AddOmniGraph(o => o.AddGraph("social", "/data/social")).AddOmniGraphMutations();</code></example>
    public static ISiloBuilder AddOmniGraphMutations(this ISiloBuilder builder, Action<OmniGraphMutationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOmniGraphMutations(configure);
        return builder;
    }

    /// <summary>The service registrations of <see cref="AddOmniGraphMutations(ISiloBuilder, Action{OmniGraphMutationOptions}?)"/> (the grain class is registered by the silo builder overload).</summary>
    public static IServiceCollection AddOmniGraphMutations(this IServiceCollection services, Action<OmniGraphMutationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<OmniGraphMutationOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OmniGraphMutationOptions>, OmniGraphMutationOptionsValidator>());
        services.AddOmniGraphQueryCompiler();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MutationExecutor>();

        // An insert that leaves out an @embed vector computes it through the configured provider (docs/search.md §5).
        services.AddOmniGraphEmbeddings();
        return services;
    }
}

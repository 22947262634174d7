using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OmniGraph.Execution.Hosting;
using OmniGraph.Execution.Planning;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds read-query execution (the query grain, the compiler and the plan cache) to a silo that runs the engine.</summary>
public static class OmniGraphExecutionSiloBuilderExtensions
{
    /// <summary>
    /// Registers the query grain's assembly, the query compiler (<c>AddOmniGraphQueryCompiler</c>), the plan cache,
    /// the embedding provider (<c>AddOmniGraphEmbeddings</c>, from the environment) and <see cref="QueryExecutionOptions"/>
    /// with its validator. Call after <c>AddOmniGraph</c>.
    /// </summary>
    /// <example><code>silo.AddOmniGraph(o => o.AddGraph("social", "/data/social")).AddOmniGraphExecution();</code></example>
    public static ISiloBuilder AddOmniGraphExecution(this ISiloBuilder builder, Action<QueryExecutionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOmniGraphExecution(configure);
        return builder;
    }

    /// <summary>The service registrations of <see cref="AddOmniGraphExecution(ISiloBuilder, Action{QueryExecutionOptions}?)"/>.</summary>
    public static IServiceCollection AddOmniGraphExecution(this IServiceCollection services, Action<QueryExecutionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<QueryExecutionOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QueryExecutionOptions>, QueryExecutionOptionsValidator>());
        services.AddOmniGraphQueryCompiler();

        // `nearest($v.p, "text")` embeds its query through the configured provider (docs/search.md §5).
        services.AddOmniGraphEmbeddings();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<QueryPlanCache>();
        return services;
    }
}

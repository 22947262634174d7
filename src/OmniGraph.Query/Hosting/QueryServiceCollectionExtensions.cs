using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OmniGraph.Query;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the query compiler.</summary>
public static class QueryServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="QueryCompiler"/> configured by <see cref="QueryCompilerOptions"/> (validated
    /// at start).
    /// </summary>
    public static IServiceCollection AddOmniGraphQueryCompiler(this IServiceCollection services, Action<QueryCompilerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<QueryCompilerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<QueryCompilerOptions>, QueryCompilerOptionsValidator>());
        services.TryAddSingleton(static provider => new QueryCompiler(provider.GetRequiredService<IOptions<QueryCompilerOptions>>()));
        return services;
    }
}

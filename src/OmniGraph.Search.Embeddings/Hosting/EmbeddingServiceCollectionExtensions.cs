using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmniGraph.Search.Embeddings;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the embedder.</summary>
public static class EmbeddingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="EmbeddingOptions"/> (read from the environment, then <paramref name="configure"/>; validated on
    /// start by <see cref="EmbeddingOptionsValidator"/>) and a singleton <see cref="TextEmbedder"/>. When the application
    /// registers its own <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> of strings, that client is used (any .NET
    /// embedding client plugs in); otherwise the configured provider's, made at the first embedding.
    /// </summary>
    public static IServiceCollection AddOmniGraphEmbeddings(this IServiceCollection services, Action<EmbeddingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<EmbeddingOptions>().Configure(static options => EmbeddingEnvironment.Read(Environment.GetEnvironmentVariable, options));
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmbeddingOptions>, EmbeddingOptionsValidator>());
        services.TryAddSingleton(static provider =>
        {
            var options = provider.GetRequiredService<IOptions<EmbeddingOptions>>().Value;
            var logger = provider.GetService<ILogger<TextEmbedder>>();
            return provider.GetService<IEmbeddingGenerator<string, Embedding<float>>>() is { } generator
                ? new TextEmbedder(generator, options, logger)
                : TextEmbedder.Create(options, httpClient: null, logger);
        });
        return services;
    }
}

using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OmniGraph;
using OmniGraph.Search.Embeddings;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the embedder.</summary>
public static class EmbeddingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="EmbeddingOptions"/> (read from the environment, then <paramref name="configure"/>; checked by
    /// <see cref="EmbeddingOptionsValidator"/>) and a singleton <see cref="TextEmbedder"/>. When the application
    /// registers its own <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> of strings, that client is used (any .NET
    /// embedding client plugs in); otherwise the configured provider's, made at the first embedding.
    /// </summary>
    /// <remarks>
    /// The options are deliberately not validated on start: embeddings are an optional feature of a silo, so a bad
    /// <c>OMNIGRAPH_EMBED_*</c> value must not stop it from serving everything else. The embedder is then
    /// <see cref="TextEmbedder.Unusable"/>: the first call that needs an embedding fails with
    /// <see cref="EmbeddingErrorCodes.ConfigInvalid"/> naming the variable (and the problem is logged once).
    /// </remarks>
    public static IServiceCollection AddOmniGraphEmbeddings(this IServiceCollection services, Action<EmbeddingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<EmbeddingOptions>().Configure(static options => EmbeddingEnvironment.Read(Environment.GetEnvironmentVariable, options));
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmbeddingOptions>, EmbeddingOptionsValidator>());
        services.TryAddSingleton(static provider =>
        {
            var logger = provider.GetService<ILogger<TextEmbedder>>();
            EmbeddingOptions options;
            try
            {
                options = provider.GetRequiredService<IOptions<EmbeddingOptions>>().Value;
            }
            catch (OmniGraphException error) when (error.Code == EmbeddingErrorCodes.ConfigInvalid)
            {
                return TextEmbedder.Unusable(error.Message, logger);
            }
            catch (OptionsValidationException error)
            {
                return TextEmbedder.Unusable("The embedding options are not usable: " + string.Join(" ", error.Failures), logger);
            }

            return provider.GetService<IEmbeddingGenerator<string, Embedding<float>>>() is { } generator
                ? new TextEmbedder(generator, options, logger)
                : TextEmbedder.Create(options, httpClient: null, logger);
        });
        return services;
    }
}

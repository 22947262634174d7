using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Embeddings;

namespace OmniGraph.Search.Embeddings;

/// <summary>Makes the <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> that <see cref="EmbeddingOptions"/> describe.</summary>
public static class EmbeddingGenerators
{
    /// <summary>
    /// The mock, or an OpenAI-compatible HTTP client (OpenAI's .NET SDK behind Microsoft.Extensions.AI) for the other
    /// providers. The SDK's own retries are off: <see cref="TextEmbedder"/> retries, with the configured backoff and
    /// deadline, whatever generator it is given.
    /// </summary>
    /// <param name="options">The configuration (validated here).</param>
    /// <param name="httpClient">The HTTP client to send with (null = the SDK's own); its timeout should not be below the per-request timeout.</param>
    /// <exception cref="OmniGraphException"><see cref="EmbeddingErrorCodes.Unavailable"/>: the provider needs a key and none is configured.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are out of range.</exception>
    public static IEmbeddingGenerator<string, Embedding<float>> Create(EmbeddingOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        EmbeddingOptionsValidator.ThrowIfInvalid(options);
        if (options.Provider == EmbeddingProviderKind.Mock)
        {
            return new MockEmbeddingGenerator();
        }

        var defaults = EmbeddingProviderDefaults.For(options.Provider);
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            throw new OmniGraphException(
                EmbeddingErrorCodes.Unavailable,
                $"No embedding provider is configured: the {defaults.Name} provider needs an API key; set {defaults.KeyVariablesText} " +
                $"(or {EmbeddingEnvironment.MockVariable}=1 for the offline mock).");
        }

        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = options.ResolvedBaseUrl,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),

            // The embedder cancels a request at its own per-request timeout; the SDK's must not fire first.
            NetworkTimeout = options.RequestTimeout + TimeSpan.FromSeconds(5),
        };
        if (httpClient is not null)
        {
            clientOptions.Transport = new HttpClientPipelineTransport(httpClient);
        }

        return new EmbeddingClient(options.ResolvedModel, new ApiKeyCredential(options.ApiKey), clientOptions).AsIEmbeddingGenerator();
    }
}

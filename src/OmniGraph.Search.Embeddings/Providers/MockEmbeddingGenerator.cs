using System.Text;
using Microsoft.Extensions.AI;

namespace OmniGraph.Search.Embeddings;

/// <summary>
/// The deterministic, offline embedding provider of the spec (§2.6.1), for tests and demos: the same text always gives
/// the same unit vector, different texts give unrelated ones. seed = FNV-1a-64 of the UTF-8 text; for each component,
/// seed = xorshift64(seed) and value = (float)(seed / 2^64−1) · 2 − 1; then the vector is L2-normalized. The dimension
/// is the request's <see cref="EmbeddingGenerationOptions.Dimensions"/> (required: the engine always asks for N).
/// </summary>
public sealed class MockEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The model name the mock reports.</summary>
    public const string ModelName = "mock";

    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    private readonly EmbeddingGeneratorMetadata _metadata = new("omnigraph-mock", providerUri: null, ModelName);

    /// <summary>The vector of <paramref name="text"/> with <paramref name="dimensions"/> components.</summary>
    public static float[] Embed(string text, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        var seed = FnvOffset;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            seed = (seed ^ b) * FnvPrime;
        }

        var vector = new float[dimensions];
        double sumOfSquares = 0;
        for (var i = 0; i < dimensions; i++)
        {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            vector[i] = ((float)(seed / (double)ulong.MaxValue) * 2) - 1;
            sumOfSquares += (double)vector[i] * vector[i];
        }

        var norm = (float)Math.Sqrt(sumOfSquares);
        for (var i = 0; i < dimensions; i++)
        {
            vector[i] /= norm;
        }

        return vector;
    }

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        cancellationToken.ThrowIfCancellationRequested();
        var dimensions = options?.Dimensions ?? throw new ArgumentException("The mock embedding provider needs the requested dimension (EmbeddingGenerationOptions.Dimensions).", nameof(options));
        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            embeddings.Add(new Embedding<float>(Embed(value, dimensions)) { ModelId = ModelName });
        }

        return Task.FromResult(embeddings);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(_metadata) ? _metadata : serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}

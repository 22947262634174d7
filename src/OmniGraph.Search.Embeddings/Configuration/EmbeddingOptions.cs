using System.ComponentModel.DataAnnotations;

namespace OmniGraph.Search.Embeddings;

/// <summary>
/// How text is embedded: the provider, its endpoint, model and key, and the bounds of a call (per-request timeout,
/// retries with exponential backoff, overall deadline). <see cref="EmbeddingEnvironment.Read()"/> fills it from the
/// environment; unset values take the provider's defaults (<see cref="EmbeddingProviderDefaults"/>).
/// </summary>
public sealed class EmbeddingOptions
{
    /// <summary>The provider (default: OpenAI-compatible, OpenRouter).</summary>
    public EmbeddingProviderKind Provider { get; set; } = EmbeddingProviderKind.OpenAiCompatible;

    /// <summary>The API base URL (the client posts to <c>{BaseUrl}/embeddings</c>); null = the provider's default.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The model; null = the provider's default.</summary>
    public string? Model { get; set; }

    /// <summary>The bearer key; null = none (then every provider but the mock is unavailable).</summary>
    public string? ApiKey { get; set; }

    /// <summary>The longest one HTTP request may take before it is abandoned and retried.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", MinimumIsExclusive = true)]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a failed request (network error, timeout, 408, 429, 5xx); 0 = one attempt only.</summary>
    [Range(0, EmbeddingOptionsValidator.MaxRetriesCeiling)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The wait before the first retry; each further retry doubles it (with ±20% jitter), up to <see cref="MaxBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", MinimumIsExclusive = true)]
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between two attempts (a provider's Retry-After is honoured up to it).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", MinimumIsExclusive = true)]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>The longest a whole embedding call (every batch, attempt and wait) may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", MinimumIsExclusive = true)]
    public TimeSpan Deadline { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Texts sent in one request.</summary>
    [Range(1, EmbeddingOptionsValidator.MaxBatchSizeCeiling)]
    public int MaxBatchSize { get; set; } = 64;

    /// <summary>The model actually used: <see cref="Model"/> or the provider's default.</summary>
    public string ResolvedModel => Model ?? EmbeddingProviderDefaults.For(Provider).Model;

    /// <summary>The base URL actually used: <see cref="BaseUrl"/> or the provider's default (null for the mock).</summary>
    public Uri? ResolvedBaseUrl => BaseUrl ?? EmbeddingProviderDefaults.For(Provider).BaseUrl;
}

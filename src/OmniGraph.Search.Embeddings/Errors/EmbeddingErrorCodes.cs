namespace OmniGraph.Search.Embeddings;

/// <summary>
/// The stable error codes of embedding (carried by <see cref="OmniGraphException"/>; never rename one). Every code is
/// documented in docs/search.md.
/// </summary>
public static class EmbeddingErrorCodes
{
    /// <summary>No embedding provider is usable: the configured provider needs an API key and none is set.</summary>
    public const string Unavailable = ErrorCodes.EmbeddingUnavailable;

    /// <summary>The embedding configuration (environment or options) holds a value that cannot be used.</summary>
    public const string ConfigInvalid = ErrorCodes.EmbeddingConfigInvalid;

    /// <summary>A text to embed is empty or too long, or the requested dimension is out of range.</summary>
    public const string InputInvalid = ErrorCodes.EmbeddingInputInvalid;

    /// <summary>The provider refused the request (a 4xx other than 408/429) or kept failing after every retry.</summary>
    public const string ProviderError = ErrorCodes.EmbeddingProviderError;

    /// <summary>The deadline of the whole embedding call passed before the provider answered.</summary>
    public const string Timeout = ErrorCodes.EmbeddingTimeout;

    /// <summary>The provider answered with the wrong number of vectors, the wrong dimension, or non-finite or zero vectors.</summary>
    public const string InvalidResponse = ErrorCodes.EmbeddingInvalidResponse;

    /// <summary>The property's <c>@embed(..., model="M")</c> names another model than the configured one.</summary>
    public const string ModelMismatch = ErrorCodes.EmbeddingModelMismatch;

    /// <summary>Every code above, for the catalogue test and the docs.</summary>
    public static IReadOnlyList<string> All { get; } = [Unavailable, ConfigInvalid, InputInvalid, ProviderError, Timeout, InvalidResponse, ModelMismatch];
}

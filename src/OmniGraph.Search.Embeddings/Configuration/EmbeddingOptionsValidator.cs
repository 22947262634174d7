using Microsoft.Extensions.Options;

namespace OmniGraph.Search.Embeddings;

/// <summary>Checks <see cref="EmbeddingOptions"/> before an embedder is built from them.</summary>
public sealed class EmbeddingOptionsValidator : IValidateOptions<EmbeddingOptions>
{
    /// <summary>The most retries accepted.</summary>
    public const int MaxRetriesCeiling = 10;

    /// <summary>The largest batch accepted (OpenAI's limit on inputs per request is 2,048).</summary>
    public const int MaxBatchSizeCeiling = 2_048;

    /// <summary>Validates <paramref name="options"/> and throws <see cref="OptionsValidationException"/> when it is not usable.</summary>
    public static void ThrowIfInvalid(EmbeddingOptions options)
    {
        var result = new EmbeddingOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(EmbeddingOptions), result.Failures);
        }
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, EmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The plain ranges are data annotations, checked by the generated validator; the rules below need code.
        var ranges = new EmbeddingOptionsRangeValidator().Validate(name, options);
        var failures = new List<string>(ranges.Failed ? ranges.Failures : []);
        if (!Enum.IsDefined(options.Provider))
        {
            failures.Add($"{nameof(EmbeddingOptions.Provider)} {options.Provider} is not a known provider.");
        }

        if (options.BaseUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"{nameof(EmbeddingOptions.BaseUrl)} must be an absolute http(s) URL (got {url}).");
        }

        if (options.Model is { } model && string.IsNullOrWhiteSpace(model))
        {
            failures.Add($"{nameof(EmbeddingOptions.Model)} must not be blank (leave it null for the provider's default).");
        }

        if (options.MaxBackoff < options.InitialBackoff)
        {
            failures.Add($"{nameof(EmbeddingOptions.MaxBackoff)} ({options.MaxBackoff}) must not be below {nameof(EmbeddingOptions.InitialBackoff)} ({options.InitialBackoff}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

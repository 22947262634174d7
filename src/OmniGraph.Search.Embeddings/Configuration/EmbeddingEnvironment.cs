using System.Globalization;

namespace OmniGraph.Search.Embeddings;

/// <summary>
/// Reads <see cref="EmbeddingOptions"/> from environment variables (the spec's §2.6.1 names, plus the call bounds):
/// <list type="table">
/// <item><term><c>OMNIGRAPH_EMBEDDINGS_MOCK</c></term><description><c>1</c>/<c>true</c> forces the mock, whatever else is set.</description></item>
/// <item><term><c>OMNIGRAPH_EMBED_PROVIDER</c></term><description><c>openai-compatible</c> (default), <c>openai</c>, <c>gemini</c>, <c>mock</c>.</description></item>
/// <item><term><c>OMNIGRAPH_EMBED_BASE_URL</c>, <c>OMNIGRAPH_EMBED_MODEL</c></term><description>override the provider's endpoint and model.</description></item>
/// <item><term><c>OPENROUTER_API_KEY</c>, <c>OPENAI_API_KEY</c>, <c>GEMINI_API_KEY</c></term><description>the key, read per provider (<see cref="EmbeddingProviderDefaults.KeyVariables"/>).</description></item>
/// <item><term><c>OMNIGRAPH_EMBED_TIMEOUT_SECONDS</c>, <c>OMNIGRAPH_EMBED_RETRIES</c>, <c>OMNIGRAPH_EMBED_DEADLINE_SECONDS</c></term><description>per-request timeout, retries, overall deadline.</description></item>
/// </list>
/// </summary>
public static class EmbeddingEnvironment
{
    public const string MockVariable = "OMNIGRAPH_EMBEDDINGS_MOCK";
    public const string ProviderVariable = "OMNIGRAPH_EMBED_PROVIDER";
    public const string BaseUrlVariable = "OMNIGRAPH_EMBED_BASE_URL";
    public const string ModelVariable = "OMNIGRAPH_EMBED_MODEL";
    public const string TimeoutVariable = "OMNIGRAPH_EMBED_TIMEOUT_SECONDS";
    public const string RetriesVariable = "OMNIGRAPH_EMBED_RETRIES";
    public const string DeadlineVariable = "OMNIGRAPH_EMBED_DEADLINE_SECONDS";

    /// <summary>The options the process environment describes.</summary>
    /// <exception cref="OmniGraphException"><see cref="EmbeddingErrorCodes.ConfigInvalid"/>: a variable holds an unusable value.</exception>
    public static EmbeddingOptions Read() => Read(Environment.GetEnvironmentVariable);

    /// <summary>Fills <paramref name="options"/> from <paramref name="variable"/> (a lookup by name; null or blank = unset).</summary>
    /// <exception cref="OmniGraphException"><see cref="EmbeddingErrorCodes.ConfigInvalid"/>: a variable holds an unusable value.</exception>
    public static EmbeddingOptions Read(Func<string, string?> variable, EmbeddingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(variable);
        options ??= new EmbeddingOptions();
        string? Get(string name) => variable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        if (Get(ProviderVariable) is { } provider)
        {
            options.Provider = ParseProvider(provider);
        }

        if (Get(MockVariable) is { } mock && ParseFlag(MockVariable, mock))
        {
            options.Provider = EmbeddingProviderKind.Mock;
        }

        if (Get(BaseUrlVariable) is { } baseUrl)
        {
            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw Invalid(BaseUrlVariable, baseUrl, "an absolute http(s) URL");
            }

            options.BaseUrl = uri;
        }

        options.Model = Get(ModelVariable) ?? options.Model;
        options.ApiKey = EmbeddingProviderDefaults.For(options.Provider).KeyVariables.Select(Get).FirstOrDefault(static key => key is not null) ?? options.ApiKey;
        if (Get(TimeoutVariable) is { } timeout)
        {
            options.RequestTimeout = ParseSeconds(TimeoutVariable, timeout);
        }

        if (Get(RetriesVariable) is { } retries)
        {
            options.MaxRetries = int.TryParse(retries, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= EmbeddingOptionsValidator.MaxRetriesCeiling
                ? count
                : throw Invalid(RetriesVariable, retries, $"a whole number from 0 to {EmbeddingOptionsValidator.MaxRetriesCeiling}");
        }

        if (Get(DeadlineVariable) is { } deadline)
        {
            options.Deadline = ParseSeconds(DeadlineVariable, deadline);
        }

        return options;
    }

    /// <summary>The provider named <paramref name="name"/> (as <see cref="EmbeddingProviderDefaults.Name"/>, case-insensitive).</summary>
    /// <exception cref="OmniGraphException"><see cref="EmbeddingErrorCodes.ConfigInvalid"/>.</exception>
    public static EmbeddingProviderKind ParseProvider(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var i = 0; i < EmbeddingProviderDefaults.All.Count; i++)
        {
            if (string.Equals(EmbeddingProviderDefaults.All[i].Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return (EmbeddingProviderKind)i;
            }
        }

        throw Invalid(ProviderVariable, name, "one of " + string.Join(", ", EmbeddingProviderDefaults.All.Select(static d => d.Name)));
    }

    private static bool ParseFlag(string name, string value) => value.ToUpperInvariant() switch
    {
        "1" or "TRUE" or "YES" => true,
        "0" or "FALSE" or "NO" => false,
        _ => throw Invalid(name, value, "1 or 0"),
    };

    private static TimeSpan ParseSeconds(string name, string value) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 86_400
            ? TimeSpan.FromSeconds(seconds)
            : throw Invalid(name, value, "a number of seconds above 0 and at most 86400");

    private static OmniGraphException Invalid(string name, string value, string expected) =>
        new(EmbeddingErrorCodes.ConfigInvalid, $"{name}='{ErrorText.Quote(value)}' is not usable; expected {expected}.");
}

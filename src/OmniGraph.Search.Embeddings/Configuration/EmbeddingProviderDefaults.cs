namespace OmniGraph.Search.Embeddings;

/// <summary>Per provider: its default endpoint and model, and the environment variables its key is read from (in order).</summary>
public sealed record EmbeddingProviderDefaults(string Name, Uri? BaseUrl, string Model, IReadOnlyList<string> KeyVariables)
{
    private static readonly EmbeddingProviderDefaults s_openAiCompatible = new(
        "openai-compatible", new Uri("https://openrouter.ai/api/v1"), "openai/text-embedding-3-large", ["OPENROUTER_API_KEY", "OPENAI_API_KEY"]);

    private static readonly EmbeddingProviderDefaults s_openAi = new(
        "openai", new Uri("https://api.openai.com/v1"), "text-embedding-3-large", ["OPENAI_API_KEY"]);

    private static readonly EmbeddingProviderDefaults s_gemini = new(
        "gemini", new Uri("https://generativelanguage.googleapis.com/v1beta/openai"), "gemini-embedding-001", ["GEMINI_API_KEY"]);

    private static readonly EmbeddingProviderDefaults s_mock = new("mock", null, "mock", []);

    /// <summary>Every provider, in <see cref="EmbeddingProviderKind"/> order.</summary>
    public static IReadOnlyList<EmbeddingProviderDefaults> All { get; } = [s_openAiCompatible, s_openAi, s_gemini, s_mock];

    /// <summary>The defaults of <paramref name="provider"/>.</summary>
    public static EmbeddingProviderDefaults For(EmbeddingProviderKind provider) => provider switch
    {
        EmbeddingProviderKind.OpenAiCompatible => s_openAiCompatible,
        EmbeddingProviderKind.OpenAi => s_openAi,
        EmbeddingProviderKind.Gemini => s_gemini,
        EmbeddingProviderKind.Mock => s_mock,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown embedding provider."),
    };

    /// <summary>"OPENROUTER_API_KEY or OPENAI_API_KEY": how a missing key is named in errors.</summary>
    public string KeyVariablesText => string.Join(" or ", KeyVariables);
}

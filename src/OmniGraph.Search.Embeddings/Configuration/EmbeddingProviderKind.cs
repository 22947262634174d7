namespace OmniGraph.Search.Embeddings;

/// <summary>Which embedding service answers (<c>OMNIGRAPH_EMBED_PROVIDER</c>).</summary>
public enum EmbeddingProviderKind
{
    /// <summary>An OpenAI-compatible <c>/embeddings</c> endpoint; OpenRouter by default (<c>openai-compatible</c>).</summary>
    OpenAiCompatible = 0,

    /// <summary>OpenAI itself (<c>openai</c>).</summary>
    OpenAi = 1,

    /// <summary>Google Gemini through its OpenAI-compatible endpoint (<c>gemini</c>).</summary>
    Gemini = 2,

    /// <summary>The deterministic, offline mock (<c>mock</c>, or <c>OMNIGRAPH_EMBEDDINGS_MOCK=1</c>).</summary>
    Mock = 3,
}

namespace OmniGraph.Search.Embeddings.Tests;

public sealed class EmbeddingEnvironmentTests
{
    [Fact]
    public void Nothing_Set_MeansOpenRouterWithoutAKey_WhichIsUnavailable()
    {
        var options = Read([]);

        Assert.Equal(EmbeddingProviderKind.OpenAiCompatible, options.Provider);
        Assert.Equal(new Uri("https://openrouter.ai/api/v1"), options.ResolvedBaseUrl);
        Assert.Equal("openai/text-embedding-3-large", options.ResolvedModel);
        Assert.Null(options.ApiKey);
        var error = Errors.Expect(EmbeddingErrorCodes.Unavailable, () => EmbeddingGenerators.Create(options));
        Assert.Contains("OPENROUTER_API_KEY or OPENAI_API_KEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MockFlag_WinsOverEverything()
    {
        var options = Read(new() { ["OMNIGRAPH_EMBEDDINGS_MOCK"] = "1", ["OMNIGRAPH_EMBED_PROVIDER"] = "openai" });

        Assert.Equal(EmbeddingProviderKind.Mock, options.Provider);
        Assert.IsType<MockEmbeddingGenerator>(EmbeddingGenerators.Create(options));
        Assert.Equal(EmbeddingProviderKind.OpenAi, Read(new() { ["OMNIGRAPH_EMBEDDINGS_MOCK"] = "0", ["OMNIGRAPH_EMBED_PROVIDER"] = "openai" }).Provider);
    }

    [Fact]
    public void Keys_AreReadPerProvider()
    {
        Dictionary<string, string> keys = new() { ["OPENROUTER_API_KEY"] = "router", ["OPENAI_API_KEY"] = "openai", ["GEMINI_API_KEY"] = "gemini" };

        Assert.Equal("router", Read(keys).ApiKey);
        Assert.Equal("openai", Read(new() { ["OPENAI_API_KEY"] = "openai" }).ApiKey);
        Assert.Equal("openai", Read(new(keys) { ["OMNIGRAPH_EMBED_PROVIDER"] = "OpenAI" }).ApiKey);
        var gemini = Read(new(keys) { ["OMNIGRAPH_EMBED_PROVIDER"] = "gemini" });
        Assert.Equal("gemini", gemini.ApiKey);
        Assert.Equal("gemini-embedding-001", gemini.ResolvedModel);
        Assert.Contains("GEMINI_API_KEY", Errors.Expect(EmbeddingErrorCodes.Unavailable, () => EmbeddingGenerators.Create(Read(new() { ["OMNIGRAPH_EMBED_PROVIDER"] = "gemini" }))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EndpointModelAndBounds_AreRead()
    {
        var options = Read(new()
        {
            ["OMNIGRAPH_EMBED_BASE_URL"] = "http://127.0.0.1:8080/v1",
            ["OMNIGRAPH_EMBED_MODEL"] = "nomic-embed-text",
            ["OMNIGRAPH_EMBED_TIMEOUT_SECONDS"] = "2.5",
            ["OMNIGRAPH_EMBED_RETRIES"] = "0",
            ["OMNIGRAPH_EMBED_DEADLINE_SECONDS"] = "20",
        });

        Assert.Equal(new Uri("http://127.0.0.1:8080/v1"), options.ResolvedBaseUrl);
        Assert.Equal("nomic-embed-text", options.ResolvedModel);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.RequestTimeout);
        Assert.Equal(0, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(20), options.Deadline);
    }

    [Theory]
    [InlineData("OMNIGRAPH_EMBED_PROVIDER", "cohere")]
    [InlineData("OMNIGRAPH_EMBEDDINGS_MOCK", "maybe")]
    [InlineData("OMNIGRAPH_EMBED_BASE_URL", "ftp://example/v1")]
    [InlineData("OMNIGRAPH_EMBED_BASE_URL", "not a url")]
    [InlineData("OMNIGRAPH_EMBED_TIMEOUT_SECONDS", "0")]
    [InlineData("OMNIGRAPH_EMBED_TIMEOUT_SECONDS", "-3")]
    [InlineData("OMNIGRAPH_EMBED_RETRIES", "-1")]
    [InlineData("OMNIGRAPH_EMBED_RETRIES", "11")]
    [InlineData("OMNIGRAPH_EMBED_DEADLINE_SECONDS", "soon")]
    public void UnusableValues_AreTypedConfigErrors_NamingTheVariable(string variable, string value)
    {
        var error = Errors.Expect(EmbeddingErrorCodes.ConfigInvalid, () => Read(new() { [variable] = value }));

        Assert.Contains(variable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BlankValues_AreUnset()
    {
        Assert.Equal(EmbeddingProviderKind.OpenAiCompatible, Read(new() { ["OMNIGRAPH_EMBED_PROVIDER"] = "  ", ["OPENROUTER_API_KEY"] = "" }).Provider);
    }

    private static EmbeddingOptions Read(Dictionary<string, string> variables) =>
        EmbeddingEnvironment.Read(name => variables.GetValueOrDefault(name));
}

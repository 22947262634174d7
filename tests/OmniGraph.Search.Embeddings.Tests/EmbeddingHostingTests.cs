using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OmniGraph.Search.Embeddings.Tests;

public sealed class EmbeddingHostingTests
{
    [Fact]
    public async Task AddOmniGraphEmbeddings_GivesAnEmbedderForTheConfiguredProvider()
    {
        await using var provider = new ServiceCollection()
            .AddOmniGraphEmbeddings(static o => o.Provider = EmbeddingProviderKind.Mock)
            .BuildServiceProvider();

        var embedder = provider.GetRequiredService<TextEmbedder>();

        Assert.Same(embedder, provider.GetRequiredService<TextEmbedder>());
        Assert.Equal(MockEmbeddingGenerator.Embed("q", 6), await embedder.EmbedQueryAsync("q", 6));
    }

    [Fact]
    public async Task ARegisteredGenerator_PlugsIn()
    {
        await using var provider = new ServiceCollection()
            .AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new MockEmbeddingGenerator())
            .AddOmniGraphEmbeddings(static o => o.Provider = EmbeddingProviderKind.OpenAi)
            .BuildServiceProvider();

        var embedder = provider.GetRequiredService<TextEmbedder>();

        Assert.Equal("mock", embedder.Model);
        Assert.Equal(3, (await embedder.EmbedQueryAsync("q", 3)).Length);
    }

    [Fact]
    public void InvalidOptions_FailValidation()
    {
        using var provider = new ServiceCollection()
            .AddOmniGraphEmbeddings(static o => o.MaxRetries = 99)
            .BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EmbeddingOptions>>().Value);
    }
}

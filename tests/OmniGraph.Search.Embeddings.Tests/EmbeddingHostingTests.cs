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
    public async Task ABadEnvironmentValue_DoesNotStopStart_AndFailsTheEmbeddingTyped()
    {
        // What AddOmniGraphEmbeddings does with the process environment, with OMNIGRAPH_EMBED_RETRIES=many.
        await using var provider = new ServiceCollection()
            .AddOmniGraphEmbeddings(static o => EmbeddingEnvironment.Read(static name => name == EmbeddingEnvironment.RetriesVariable ? "many" : null, o))
            .BuildServiceProvider();

        // A host runs the start validators before it serves; none may fail on an embedding setting.
        provider.GetService<IStartupValidator>()?.Validate();
        var embedder = provider.GetRequiredService<TextEmbedder>();

        var error = await Errors.ExpectAsync(EmbeddingErrorCodes.ConfigInvalid, () => embedder.EmbedQueryAsync("q", 3));
        Assert.Contains("OMNIGRAPH_EMBED_RETRIES='many' is not usable", error.Message, StringComparison.Ordinal);
        Errors.Expect(EmbeddingErrorCodes.ConfigInvalid, embedder.EnsureAvailable);
        Errors.Expect(EmbeddingErrorCodes.ConfigInvalid, () => embedder.EnsureModel(null));
    }

    [Fact]
    public async Task OptionsOutOfRange_DoNotStopStart_AndFailTheEmbeddingTyped()
    {
        await using var provider = new ServiceCollection()
            .AddOmniGraphEmbeddings(static o => o.MaxRetries = 99)
            .BuildServiceProvider();

        provider.GetService<IStartupValidator>()?.Validate();
        var embedder = provider.GetRequiredService<TextEmbedder>();

        var error = await Errors.ExpectAsync(EmbeddingErrorCodes.ConfigInvalid, () => embedder.EmbedAsync(["a", "b"], 4));
        Assert.Contains("MaxRetries: The field EmbeddingOptions.MaxRetries must be between 0 and 10.", error.Message, StringComparison.Ordinal);
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

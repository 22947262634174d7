using Microsoft.Extensions.AI;

namespace OmniGraph.Search.Embeddings.Tests;

/// <summary>The embedder over in-process generators: input checks, model check, answer checks, retry classification.</summary>
public sealed class TextEmbedderTests
{
    private static readonly EmbeddingOptions s_mock = new() { Provider = EmbeddingProviderKind.Mock };

    [Fact]
    public async Task Mock_EmbedsQueriesAndBatches_InOrder()
    {
        var embedder = TextEmbedder.Create(new EmbeddingOptions { Provider = EmbeddingProviderKind.Mock, MaxBatchSize = 2 });
        string[] texts = ["one", "two", "three", "four", "five"];

        var vectors = await embedder.EmbedAsync(texts, 16);

        Assert.Equal(texts.Select(static t => MockEmbeddingGenerator.Embed(t, 16)), vectors);
        Assert.Equal(MockEmbeddingGenerator.Embed("one", 16), await embedder.EmbedQueryAsync("one", 16));
        Assert.Equal("mock", embedder.Model);
    }

    [Fact]
    public async Task ModelNamedByEmbed_MustBeTheConfiguredOne()
    {
        var embedder = TextEmbedder.Create(s_mock);

        var error = await Errors.ExpectAsync(EmbeddingErrorCodes.ModelMismatch, () => embedder.EmbedQueryAsync("q", 4, requiredModel: "openai/text-embedding-3-large"));

        Assert.Contains("openai/text-embedding-3-large", error.Message, StringComparison.Ordinal);
        Assert.Contains("'mock'", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, (await embedder.EmbedQueryAsync("q", 4, requiredModel: "mock")).Length);
        embedder.EnsureModel(null);
    }

    [Theory]
    [InlineData("", 4)]
    [InlineData("  ", 4)]
    [InlineData("text", 0)]
    [InlineData("text", 65_537)]
    public async Task BadInput_IsRefusedBeforeAnyCall(string text, int dimensions)
    {
        var counting = new ScriptedGenerator(static (_, _) => throw new InvalidOperationException("must not be called"));
        var embedder = new TextEmbedder(counting, s_mock);

        await Errors.ExpectAsync(EmbeddingErrorCodes.InputInvalid, () => embedder.EmbedQueryAsync(text, dimensions));
        Assert.Equal(0, counting.Calls);
    }

    [Fact]
    public async Task HugeText_IsRefused()
    {
        await Errors.ExpectAsync(EmbeddingErrorCodes.InputInvalid, () => TextEmbedder.Create(s_mock).EmbedQueryAsync(new string('x', TextEmbedder.MaxTextChars + 1), 4));
    }

    [Fact]
    public async Task Answers_AreCheckedAndNormalized()
    {
        async Task Expect(Func<int, int, float[][]> answer)
        {
            var embedder = new TextEmbedder(new ScriptedGenerator(answer), s_mock);
            await Errors.ExpectAsync(EmbeddingErrorCodes.InvalidResponse, () => embedder.EmbedAsync(["a", "b"], 3));
        }

        await Expect(static (count, dims) => [new float[dims]]);                                           // too few
        await Expect(static (count, dims) => [[1, 0, 0], [1, 0]]);                                         // wrong dimension
        await Expect(static (count, dims) => [[1, 0, 0], [0, 0, 0]]);                                      // zero
        await Expect(static (count, dims) => [[1, 0, 0], [float.NaN, 0, 1]]);                              // NaN
        await Expect(static (count, dims) => [[1, 0, 0], [float.PositiveInfinity, 0, 1]]);                 // ∞

        var scaled = new TextEmbedder(new ScriptedGenerator(static (_, _) => [[3, 0, 4], [0, 2, 0]]), s_mock);
        Assert.Equal([[0.6f, 0, 0.8f], [0, 1, 0]], await scaled.EmbedAsync(["a", "b"], 3));
    }

    [Fact]
    public async Task AFailingCustomGenerator_IsAProviderError_NotRetried()
    {
        var failing = new ScriptedGenerator(static (_, _) => throw new InvalidOperationException("model not loaded"));
        var embedder = new TextEmbedder(failing, new EmbeddingOptions { Provider = EmbeddingProviderKind.Mock, MaxRetries = 3 });

        var error = await Errors.ExpectAsync(EmbeddingErrorCodes.ProviderError, () => embedder.EmbedQueryAsync("q", 4));

        Assert.Contains("model not loaded", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, failing.Calls);
    }

    [Fact]
    public async Task NetworkErrors_AreRetried_UpToTheLimit()
    {
        var failing = new ScriptedGenerator(static (_, _) => throw new HttpRequestException("connection reset"));
        var embedder = new TextEmbedder(failing, new EmbeddingOptions { Provider = EmbeddingProviderKind.Mock, MaxRetries = 2, InitialBackoff = TimeSpan.FromMilliseconds(1) });

        await Errors.ExpectAsync(EmbeddingErrorCodes.ProviderError, () => embedder.EmbedQueryAsync("q", 4));

        Assert.Equal(3, failing.Calls);
    }

    [Fact]
    public void PluggedInGenerator_ReportsItsModel_UnlessOptionsNameOne()
    {
        var generator = new ScriptedGenerator(static (_, dims) => [new float[dims]]);

        Assert.Equal("scripted-model", new TextEmbedder(generator, new EmbeddingOptions()).Model);
        Assert.Equal("configured", new TextEmbedder(generator, new EmbeddingOptions { Model = "configured" }).Model);
    }

    [Fact]
    public void Unavailable_SurfacesAtFirstUse_NotAtCreation()
    {
        var embedder = TextEmbedder.Create(new EmbeddingOptions());

        Errors.Expect(EmbeddingErrorCodes.Unavailable, embedder.EnsureAvailable);
    }

    [Fact]
    public void Options_AreValidated()
    {
        var invalid = new EmbeddingOptions[]
        {
            new() { MaxRetries = -1 },
            new() { MaxRetries = 11 },
            new() { RequestTimeout = TimeSpan.Zero },
            new() { Deadline = TimeSpan.FromSeconds(-1) },
            new() { InitialBackoff = TimeSpan.FromSeconds(10), MaxBackoff = TimeSpan.FromSeconds(1) },
            new() { MaxBatchSize = 0 },
            new() { MaxBatchSize = 2_049 },
            new() { RequestTimeout = TimeSpan.FromDays(2) },
            new() { InitialBackoff = TimeSpan.Zero },
            new() { Model = " " },
            new() { BaseUrl = new Uri("ftp://example/") },
            new() { Provider = (EmbeddingProviderKind)42 },
        };

        Assert.All(invalid, static options => Assert.True(new EmbeddingOptionsValidator().Validate(null, options).Failed));
        Assert.All(invalid, static options => Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => TextEmbedder.Create(options)));
        Assert.True(new EmbeddingOptionsValidator().Validate(null, new EmbeddingOptions()).Succeeded);
    }

    /// <summary>A generator whose answer is a function of (texts, dimension); counts its calls.</summary>
    private sealed class ScriptedGenerator(Func<int, int, float[][]> answer) : IEmbeddingGenerator<string, Embedding<float>>
    {
        private int _calls;

        public int Calls => _calls;

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            var vectors = answer(values.Count(), options!.Dimensions!.Value);
            return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(vectors.Select(static v => new Embedding<float>(v))));
        }

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("scripted", null, "scripted-model") : null;

        public void Dispose()
        {
        }
    }
}

using System.Text.Json;
using OmniGraph.Abstractions;
using OmniGraph.Ingest;
using OmniGraph.Loading.Tests.Support;
using OmniGraph.Search.Embeddings;
using OmniGraph.Search.Embeddings.Tests;
using OmniGraph.Storage;
using OmniGraph.Testing.Errors;
using static OmniGraph.Search.Embeddings.Tests.FakeEmbeddingServer;

namespace OmniGraph.Loading.Tests.Loads;

/// <summary>
/// A JSONL load fills the required <c>@embed("src")</c> vectors its records leave out through the configured provider
/// (docs/loading.md): rows that give their vector keep it, and any provider failure writes nothing.
/// </summary>
public sealed class LoadEmbeddingTests
{
    private const string DocSchema = """
        node Doc {
            slug: String @key
            text: String?
            embedding: Vector(3) @embed("text")
        }
        """;

    private static readonly string[] s_lines =
    [
        """{"type":"Doc","data":{"slug":"a","text":"alpha"}}""",
        """{"type":"Doc","data":{"slug":"b","text":"beta","embedding":[1,0,0]}}""",
        """{"type":"Doc","data":{"slug":"c","text":"gamma","embedding":null}}""",
        """{"type":"Doc","data":{"slug":"d","text":"delta"}}""",
        """{"type":"Doc","data":{"slug":"e","text":"epsilon"}}""",
    ];

    [Fact]
    public async Task LeftOutVectors_AreComputedFromTheirSource_GivenOnesAreKept()
    {
        await using var host = await LoadingHost.InitAsync(new MemoryObjectStore(), DocSchema, embeddings: static o => o.Provider = EmbeddingProviderKind.Mock);

        await host.LoadLinesAsync(GraphLoadMode.Overwrite, s_lines);

        foreach (var (slug, text) in new[] { ("a", "alpha"), ("c", "gamma"), ("d", "delta"), ("e", "epsilon") })
        {
            AssertVector(MockEmbeddingGenerator.Embed(text, 3), await StoredAsync(host, slug));
        }

        var given = await StoredAsync(host, "b");
        Assert.Equal([1f, 0f, 0f], given);
    }

    [Fact]
    public async Task WithoutAProvider_TheLoadIsEmbeddingUnavailable_AndWritesNothing()
    {
        await using var host = await LoadingHost.InitAsync(
            new MemoryObjectStore(), DocSchema, embeddings: static o => (o.Provider, o.ApiKey) = (EmbeddingProviderKind.OpenAiCompatible, null));

        var error = await ErrorAssert.ThrowsAsync(ErrorCodes.EmbeddingUnavailable, () => host.LoadLinesAsync(GraphLoadMode.Overwrite, s_lines));

        Assert.StartsWith("load for `Doc` leaves out `embedding`, which @embed computes from `text`", error.Message, StringComparison.Ordinal);
        Assert.Contains("OPENROUTER_API_KEY or OPENAI_API_KEY", error.Message, StringComparison.Ordinal);
        Assert.Equal(("Doc", "embedding", "text"), (error.Get(ErrorDetail.TypeName), error.Get(ErrorDetail.Property), error.Get(ErrorDetail.SourceProperty)));
        await AssertNothingWrittenAsync(host);

        // Every vector given: no provider is needed.
        await host.LoadLinesAsync(GraphLoadMode.Overwrite, """{"type":"Doc","data":{"slug":"b","text":"beta","embedding":[1,0,0]}}""");
        Assert.Single(await host.RowsAsync("node:Doc"));
    }

    [Fact]
    public async Task ALeftOutVectorWhoseSourceIsNull_IsAConstraintViolationOnItsLine()
    {
        await using var host = await LoadingHost.InitAsync(new MemoryObjectStore(), DocSchema, embeddings: static o => o.Provider = EmbeddingProviderKind.Mock);

        var error = await ErrorAssert.ThrowsAsync<IngestException>(ErrorCodes.ConstraintViolation, () => host.LoadLinesAsync(
            GraphLoadMode.Overwrite, s_lines[0], """{"type":"Doc","data":{"slug":"x"}}"""));

        Assert.Equal(2, error.Line);
        Assert.Equal("embedding", error.Field);
        Assert.Contains("its @embed source 'text' is null", error.Message, StringComparison.Ordinal);
        await AssertNothingWrittenAsync(host);
    }

    [Fact]
    public async Task OverHttp_TheVectorsComeInBatches_OfTheProvidersSize()
    {
        await using var server = await StartAsync();
        await using var host = await LoadingHost.InitAsync(new MemoryObjectStore(), DocSchema, embeddings: o => Http(o, server, batch: 2));

        await host.LoadLinesAsync(GraphLoadMode.Overwrite, s_lines);

        // Four vectors to compute, two per request.
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(["alpha", "gamma", "delta", "epsilon"], server.Requests.SelectMany(static r => r.Body["input"]!.AsArray().Select(static n => n!.GetValue<string>())));
        AssertVector(MockEmbeddingGenerator.Embed("epsilon", 3), await StoredAsync(host, "e"));
    }

    [Fact]
    public async Task OverHttp_ATransientFailure_IsRetried_AndTheLoadCommits()
    {
        await using var server = await StartAsync();
        server.Then(Reply.WithStatus(503), Reply.WithStatus(429, retryAfterSeconds: 0));
        await using var host = await LoadingHost.InitAsync(new MemoryObjectStore(), DocSchema, embeddings: o => Http(o, server, batch: 64));

        await host.LoadLinesAsync(GraphLoadMode.Overwrite, s_lines);

        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(5, (await host.RowsAsync("node:Doc")).Count);
    }

    [Fact]
    public async Task OverHttp_ARefusal_FailsTheLoad_AndWritesNothing()
    {
        await using var server = await StartAsync();
        server.Then(Reply.WithStatus(401));
        await using var host = await LoadingHost.InitAsync(new MemoryObjectStore(), DocSchema, embeddings: o => Http(o, server, batch: 64));

        var error = await ErrorAssert.ThrowsAsync(EmbeddingErrorCodes.ProviderError, () => host.LoadLinesAsync(GraphLoadMode.Overwrite, s_lines));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
        await AssertNothingWrittenAsync(host);
    }

    [Fact]
    public async Task OverHttp_APassedDeadline_IsEmbeddingTimeout_AndWritesNothing()
    {
        await using var server = await StartAsync();
        server.Then(Reply.Hang, Reply.Hang, Reply.Hang, Reply.Hang);
        await using var host = await LoadingHost.InitAsync(new MemoryObjectStore(), DocSchema, embeddings: o =>
        {
            Http(o, server, batch: 64);
            o.RequestTimeout = TimeSpan.FromMilliseconds(300);
            o.Deadline = TimeSpan.FromSeconds(1);
        });

        await ErrorAssert.ThrowsAsync(EmbeddingErrorCodes.Timeout, () => host.LoadLinesAsync(GraphLoadMode.Overwrite, s_lines));

        await AssertNothingWrittenAsync(host);
    }

    private static void Http(EmbeddingOptions options, FakeEmbeddingServer server, int batch)
    {
        options.Provider = EmbeddingProviderKind.OpenAiCompatible;
        options.BaseUrl = server.BaseUrl;
        options.Model = "test-model";
        options.ApiKey = "test-key";
        options.MaxBatchSize = batch;
        options.InitialBackoff = TimeSpan.FromMilliseconds(10);
        options.MaxBackoff = TimeSpan.FromMilliseconds(50);
    }

    private static async Task<float[]> StoredAsync(LoadingHost host, string slug) =>
        JsonSerializer.Deserialize<float[]>((string)(await host.FindAsync("node:Doc", slug))!["embedding"]!)!;

    /// <summary>The embedder L2-normalizes what a provider returns (the mock's vectors are unit length to float precision).</summary>
    private static void AssertVector(float[] expected, float[] stored)
    {
        Assert.Equal(expected.Length, stored.Length);
        Assert.All(expected.Zip(stored), static pair => Assert.Equal(pair.First, pair.Second, 1e-6f));
    }

    private static async Task AssertNothingWrittenAsync(LoadingHost host)
    {
        var head = await host.HeadAsync();
        Assert.Equal(1, head.ManifestVersion);
        Assert.Empty(await host.SidecarsAsync());
        Assert.Empty(await host.RowsAsync("node:Doc"));
    }
}

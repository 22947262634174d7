using System.Net;
using System.Net.Sockets;
using static OmniGraph.Search.Embeddings.Tests.FakeEmbeddingServer;

namespace OmniGraph.Search.Embeddings.Tests;

/// <summary>The OpenAI-compatible provider (OpenAI's SDK behind Microsoft.Extensions.AI) against a fake server on loopback.</summary>
public sealed class OpenAiCompatibleProviderTests : IAsyncLifetime
{
    private FakeEmbeddingServer _server = null!;

    public async Task InitializeAsync() => _server = await StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Embeds_SendingModelDimensionsInputAndKey_AndNormalizes()
    {
        var embedder = Embedder();

        var vectors = await embedder.EmbedAsync(["alpha", "beta"], 8);

        Assert.Equal(new[] { "alpha", "beta" }.Select(static t => MockEmbeddingGenerator.Embed(t, 8)), vectors, new VectorEquality());
        var (body, authorization) = Assert.Single(_server.Requests);
        Assert.Equal("test-model", body["model"]!.GetValue<string>());
        Assert.Equal(8, body["dimensions"]!.GetValue<int>());
        Assert.Equal(new[] { "alpha", "beta" }, body["input"]!.AsArray().Select(static n => n!.GetValue<string>()));
        Assert.Equal("Bearer test-key", authorization);
    }

    [Fact]
    public async Task Batches_AreSeparateRequests_InOrder()
    {
        var embedder = Embedder(static o => o.MaxBatchSize = 2);
        string[] texts = ["a1", "b2", "c3", "d4", "e5"];

        var vectors = await embedder.EmbedAsync(texts, 4);

        Assert.Equal(3, _server.Requests.Count);
        Assert.Equal(texts.Select(static t => MockEmbeddingGenerator.Embed(t, 4)), vectors, new VectorEquality());
    }

    [Fact]
    public async Task TransientStatuses_AreRetried_ThenSucceed()
    {
        _server.Then(Reply.WithStatus(503), Reply.WithStatus(429, retryAfterSeconds: 0), Reply.WithStatus(408));

        var vector = await Embedder().EmbedQueryAsync("q", 4);

        Assert.Equal(4, _server.Requests.Count);
        Assert.Equal(MockEmbeddingGenerator.Embed("q", 4), vector, new FloatEquality());
    }

    [Fact]
    public async Task PersistentServerErrors_FailAfterTheRetries_NamingTheStatus()
    {
        _server.Then(Enumerable.Repeat(Reply.WithStatus(500), 10).ToArray());

        var error = await Errors.ExpectAsync(EmbeddingErrorCodes.ProviderError, () => Embedder(static o => o.MaxRetries = 2).EmbedQueryAsync("q", 4));

        Assert.Equal(3, _server.Requests.Count);
        Assert.Contains("500", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(400)]
    [InlineData(404)]
    public async Task ClientErrors_AreNotRetried(int status)
    {
        _server.Then(Reply.WithStatus(status));

        var error = await Errors.ExpectAsync(EmbeddingErrorCodes.ProviderError, () => Embedder().EmbedQueryAsync("q", 4));

        Assert.Single(_server.Requests);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestThatHangs_TimesOutAndIsRetried()
    {
        _server.Then(Reply.Hang);

        var vector = await Embedder(static o => o.RequestTimeout = TimeSpan.FromMilliseconds(300)).EmbedQueryAsync("q", 4);

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(4, vector.Length);
    }

    [Fact]
    public async Task TheDeadline_BoundsTheWholeCall()
    {
        _server.Then(Enumerable.Repeat(Reply.Hang, 10).ToArray());

        await Errors.ExpectAsync(EmbeddingErrorCodes.Timeout, () => Embedder(static o =>
        {
            o.RequestTimeout = TimeSpan.FromSeconds(20);
            o.Deadline = TimeSpan.FromMilliseconds(400);
        }).EmbedQueryAsync("q", 4));
    }

    [Fact]
    public async Task CallerCancellation_IsACancellation_NotAnError()
    {
        _server.Then(Reply.Hang);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Embedder().EmbedQueryAsync("q", 4, cancellationToken: cancel.Token));
    }

    [Fact]
    public async Task AWrongAnswer_IsAnInvalidResponse()
    {
        _server.Then(Reply.Changed(static vectors => [.. vectors.Select(static v => v[..^1])]), Reply.Changed(static vectors => [.. vectors.Select(static v => new float[v.Length])]));

        await Errors.ExpectAsync(EmbeddingErrorCodes.InvalidResponse, () => Embedder().EmbedQueryAsync("q", 4));
        await Errors.ExpectAsync(EmbeddingErrorCodes.InvalidResponse, () => Embedder().EmbedQueryAsync("q", 4));
    }

    [Fact]
    public async Task ARefusedConnection_IsRetried_ThenAProviderError()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var options = Options(new Uri($"http://127.0.0.1:{port}/v1"));
        options.MaxRetries = 1;

        await Errors.ExpectAsync(EmbeddingErrorCodes.ProviderError, () => TextEmbedder.Create(options).EmbedQueryAsync("q", 4));
    }

    private TextEmbedder Embedder(Action<EmbeddingOptions>? configure = null)
    {
        var options = Options(_server.BaseUrl);
        configure?.Invoke(options);
        return TextEmbedder.Create(options);
    }

    private static EmbeddingOptions Options(Uri baseUrl) => new()
    {
        Provider = EmbeddingProviderKind.OpenAiCompatible,
        BaseUrl = baseUrl,
        Model = "test-model",
        ApiKey = "test-key",
        RequestTimeout = TimeSpan.FromSeconds(10),
        InitialBackoff = TimeSpan.FromMilliseconds(10),
        MaxBackoff = TimeSpan.FromMilliseconds(50),
        Deadline = TimeSpan.FromSeconds(30),
    };

    private sealed class FloatEquality : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= 1e-6f;

        public int GetHashCode(float obj) => 0;
    }

    private sealed class VectorEquality : IEqualityComparer<float[]>
    {
        public bool Equals(float[]? x, float[]? y) => x is not null && y is not null && x.SequenceEqual(y, new FloatEquality());

        public int GetHashCode(float[] obj) => obj.Length;
    }
}

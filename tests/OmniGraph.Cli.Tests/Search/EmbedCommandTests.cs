using System.Text.Json;
using OmniGraph.Cli.Tests.Support;
using OmniGraph.Search.Embeddings;

namespace OmniGraph.Cli.Tests.Search;

/// <summary>
/// <c>omnigraph embed</c>: a type's <c>@embed</c> vectors computed from their source as one commit (the offline mock
/// provider, in a child process with <c>OMNIGRAPH_EMBEDDINGS_MOCK=1</c>), and typed refusals that write nothing.
/// </summary>
public sealed class EmbedCommandTests : IAsyncLifetime
{
    private const string Schema = """
        node Doc {
            slug: String @key
            text: String?
            embedding: Vector(3)? @embed("text")
        }
        node Tag { name: String @key }
        """;

    private const string Data = """
        {"type":"Doc","data":{"slug":"a","text":"alpha"}}
        {"type":"Doc","data":{"slug":"b","text":"beta","embedding":[1,0,0]}}
        {"type":"Doc","data":{"slug":"c"}}
        """;

    private static readonly Dictionary<string, string> s_mock = new() { ["OMNIGRAPH_EMBEDDINGS_MOCK"] = "1" };

    private readonly CliWorkspace _workspace = new();

    public async Task InitializeAsync()
    {
        await CliRun.OkAsync("init", "--schema", _workspace.Write("docs.pg", Schema), _workspace.Graph);
        await CliRun.OkAsync("load", _workspace.Graph, "--data", _workspace.Write("docs.jsonl", Data), "--mode", "overwrite", "--quiet");
    }

    public Task DisposeAsync()
    {
        _workspace.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task OnlyMissing_FillsTheNullVectors_ThenAFullRunRecomputesEveryOne_EachAsOneCommit()
    {
        var before = await CommitCountAsync();
        var missing = await EmbedAsync("--only-missing");

        Assert.Equal(0, missing.ExitCode);
        var summary = JsonSerializer.Deserialize<JsonElement>(missing.Out);
        Assert.Equal((3, 1, 1), (summary.GetProperty("rows_read").GetInt32(), summary.GetProperty("rows_embedded").GetInt32(), summary.GetProperty("rows_without_source").GetInt32()));
        Assert.Equal(["embedding"], summary.GetProperty("properties").EnumerateArray().Select(static p => p.GetString()));
        Assert.Equal(before + 1, await CommitCountAsync());
        Assert.Contains("1 of 3 rows to embed (1 without source text)", missing.Error, StringComparison.Ordinal);
        var vectors = await VectorsAsync();
        AssertVector(MockEmbeddingGenerator.Embed("alpha", 3), vectors["a"]);
        Assert.Equal([1f, 0f, 0f], vectors["b"]!);
        Assert.Null(vectors["c"]);

        var all = await EmbedAsync();

        Assert.Equal(2, JsonSerializer.Deserialize<JsonElement>(all.Out).GetProperty("rows_embedded").GetInt32());
        Assert.Equal(before + 2, await CommitCountAsync());
        AssertVector(MockEmbeddingGenerator.Embed("beta", 3), (await VectorsAsync())["b"]);

        // Nothing left to fill: no commit.
        var none = await EmbedAsync("--only-missing");
        Assert.Equal(JsonValueKind.Null, JsonSerializer.Deserialize<JsonElement>(none.Out).GetProperty("commit").ValueKind);
        Assert.Equal(before + 2, await CommitCountAsync());
    }

    [Fact]
    public async Task WithoutAProvider_IsEmbeddingUnavailable_AndWritesNothing()
    {
        var before = await CommitCountAsync();

        var result = await CliProcess.RunAsync(new Dictionary<string, string> { ["OMNIGRAPH_EMBEDDINGS_MOCK"] = "0", ["OPENROUTER_API_KEY"] = string.Empty, ["OPENAI_API_KEY"] = string.Empty },
            "embed", _workspace.Graph, "--type", "Doc", "--json", "--quiet");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("embedding_unavailable", JsonSerializer.Deserialize<JsonElement>(result.Out).GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(before, await CommitCountAsync());
    }

    [Fact]
    public async Task ATextNearestQuery_WithoutAProvider_IsEmbeddingUnavailable()
    {
        var result = await CliProcess.RunAsync(new Dictionary<string, string> { ["OMNIGRAPH_EMBEDDINGS_MOCK"] = "0", ["OPENROUTER_API_KEY"] = string.Empty, ["OPENAI_API_KEY"] = string.Empty },
            "query", "-e", """query q() { match { $d: Doc } return { $d.slug } order { nearest($d.embedding, "alpha") } limit 1 }""", "--json", "--store", _workspace.Graph);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("embedding_unavailable", JsonSerializer.Deserialize<JsonElement>(result.Out).GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("--type", "Nope", "unknown_type")]
    [InlineData("--type", "Tag", "usage")]
    public async Task ATypeWithoutEmbedVectors_IsRefusedTyped(string option, string value, string code)
    {
        var result = await CliRun.RunAsync("embed", _workspace.Graph, option, value, "--json");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(code, result.Json().GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task APropertyThatIsNotAnEmbedVector_IsAUsageError()
    {
        var result = await CliRun.RunAsync("embed", _workspace.Graph, "--type", "Doc", "--property", "text", "--json");

        Assert.Equal("usage", result.Json().GetProperty("error").GetProperty("code").GetString());
    }

    private Task<CliResult> EmbedAsync(params string[] extra) =>
        CliProcess.RunAsync(s_mock, ["embed", _workspace.Graph, "--type", "Doc", "--json", .. extra]);

    private async Task<int> CommitCountAsync() =>
        (await CliRun.OkAsync("commit", "list", "--store", _workspace.Graph, "--json")).Json().GetProperty("commits").GetArrayLength();

    private async Task<Dictionary<string, float[]?>> VectorsAsync()
    {
        var rows = (await CliRun.OkAsync("query", "-e", "query q() { match { $d: Doc } return { $d.slug, $d.embedding } }", "--json", "--store", _workspace.Graph)).Json().GetProperty("rows");
        return rows.EnumerateArray().ToDictionary(
            static r => r.GetProperty("d.slug").GetString()!,
            static r => r.GetProperty("d.embedding").ValueKind == JsonValueKind.Null ? null : r.GetProperty("d.embedding").EnumerateArray().Select(static v => v.GetSingle()).ToArray());
    }

    private static void AssertVector(float[] expected, float[]? stored)
    {
        Assert.NotNull(stored);
        Assert.Equal(expected.Length, stored.Length);
        Assert.All(expected.Zip(stored), static pair => Assert.Equal(pair.First, pair.Second, 1e-6f));
    }
}

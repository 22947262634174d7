using System.Net;
using System.Text;
using OmniGraph.Server.Tests.Support;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Server.Tests.Routes;

/// <summary>
/// Every route's bad inputs get the documented status and error envelope, and nothing is written: malformed JSON,
/// a wrong or missing content type, an oversized body, an unknown graph, a bad graph id — for every route that reads
/// a JSON body, every GET route and every bodiless write of a graph (the NDJSON load has its own cases below; the MCP
/// endpoint answers in JSON-RPC, McpToolTests).
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class BadInputTests(ServerFixture fixture)
{
    /// <summary>A stale but well-formed expected head: the conditional routes check their body before the head.</summary>
    private const string StaleHead = "01M96ZA34R9VM7C4NA5QYKZBVN";

    /// <summary>The routes that read a JSON body, with a valid body for each (on graph <c>w</c>).</summary>
    public static TheoryData<string, string> JsonRoutes => new()
    {
        { "query", $$$"""{"query": {{{Quote(AcceptanceFixtures.TestQueries)}}}, "name": "get_person", "params": {"name": "Alice"}}""" },
        { "mutate", $$$"""{"query": {{{Quote(AcceptanceFixtures.MutationQueries)}}}, "name": "insert_person", "params": {"name": "Zed", "age": 1}}""" },
        { "mutate/if-graph-commit", $$$"""{"query": {{{Quote(AcceptanceFixtures.MutationQueries)}}}, "name": "insert_person", "params": {"name": "Zed", "age": 1}}""" },
        { "load", """{"data": "{\"type\":\"Person\",\"data\":{\"name\":\"Zed\"}}\n", "mode": "merge"}""" },
        { "export", """{"branch": "main"}""" },
        { "lint", $$$"""{"query": {{{Quote(AcceptanceFixtures.TestQueries)}}}}""" },
        { "branches", """{"name": "bad-input-never"}""" },
        { "branches/merge", """{"source": "bad-input-never"}""" },
        { "promotions/preview", """{"source": "bad-input-never"}""" },
        { "promotions", $$"""{"source": "bad-input-never", "diff_digest": "{{new string('0', 64)}}"}""" },
        { "schema/apply", """{"schema_source": "node Never { id: String @key }"}""" },
        { "changes/baseline", """{"branch": "main"}""" },
        { "queries/never", """{"params": {}}""" },
        { "queries/never/if-graph-commit", """{"params": {}}""" },
    };

    /// <summary>The GET routes of a graph.</summary>
    public static TheoryData<string> GetRoutes => new()
    {
        "snapshot", "commits", "schema", "branches", "commits/01M96ZA34R9VM7C4NA5QYKZBVN", "commits/01M96ZA34R9VM7C4NA5QYKZBVN/changes",
        "diff?from=main&to=main", "changes?branch=main&start=beginning", "schema/ir", "placement", "queries",
    };

    /// <summary>The routes of a graph that take no body but a method other than GET.</summary>
    public static TheoryData<string, string> BodilessRoutes => new()
    {
        { "DELETE", "branches/bad-input-never" },
        { "POST", "promotions/01M96ZA34R9VM7C4NA5QYKZBVN/revert" },
    };

    [Theory]
    [MemberData(nameof(JsonRoutes))]
    public async Task MalformedJson_Is400AndWritesNothing(string route, string valid)
    {
        var before = await fixture.CommitCountAsync("w");
        using var response = await PostAsync($"graphs/w/{route}", ServerFixture.Json(valid[..^3]));
        await ErrorBody.AssertAsync(response, HttpStatusCode.BadRequest, "invalid_request_body");
        Assert.Equal(before, await fixture.CommitCountAsync("w"));
    }

    [Theory]
    [MemberData(nameof(JsonRoutes))]
    public async Task UnknownMember_Is400AndWritesNothing(string route, string valid)
    {
        var before = await fixture.CommitCountAsync("w");
        using var response = await PostAsync($"graphs/w/{route}", ServerFixture.Json(valid[..^1] + """, "table_keys": []}"""));
        var body = await ErrorBody.AssertAsync(response, HttpStatusCode.BadRequest, "invalid_request_body");
        Assert.Contains("table_keys", body.GetProperty("error").GetString());
        Assert.Equal(before, await fixture.CommitCountAsync("w"));
    }

    [Theory]
    [MemberData(nameof(JsonRoutes))]
    public async Task WrongOrMissingContentType_Is415AndWritesNothing(string route, string valid)
    {
        var before = await fixture.CommitCountAsync("w");
        using var wrong = await PostAsync($"graphs/w/{route}", new StringContent(valid, Encoding.UTF8, "text/plain"));
        await ErrorBody.AssertAsync(wrong, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        using var missing = await PostAsync($"graphs/w/{route}", new ByteArrayContent(Encoding.UTF8.GetBytes(valid)));
        await ErrorBody.AssertAsync(missing, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        Assert.Equal(before, await fixture.CommitCountAsync("w"));
    }

    [Theory]
    [InlineData("query", 1024 * 1024)]
    [InlineData("mutate", 1024 * 1024)]
    [InlineData("export", 1024 * 1024)]
    [InlineData("load", 32 * 1024 * 1024)]
    [InlineData("mutate/if-graph-commit", 1024 * 1024)]
    [InlineData("lint", 1024 * 1024)]
    [InlineData("branches", 1024 * 1024)]
    [InlineData("branches/merge", 1024 * 1024)]
    [InlineData("promotions/preview", 1024 * 1024)]
    [InlineData("promotions", 1024 * 1024)]
    [InlineData("schema/apply", 1024 * 1024)]
    [InlineData("changes/baseline", 1024 * 1024)]
    [InlineData("queries/never", 1024 * 1024)]
    [InlineData("queries/never/if-graph-commit", 1024 * 1024)]
    public async Task OversizedBody_Is413BeforeParsingAndWritesNothing(string route, int limit)
    {
        var before = await fixture.CommitCountAsync("w");

        // Valid JSON up to the limit, one byte over it: the byte cap is checked before any parsing.
        var padding = new string(' ', limit - 1);
        using var response = await PostAsync($"graphs/w/{route}", ServerFixture.Json("{" + padding + "}"));
        var body = await ErrorBody.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, "resource_limit");
        Assert.Equal(limit, body.GetProperty("details").GetProperty("limit").GetInt64());
        Assert.Equal(before, await fixture.CommitCountAsync("w"));
    }

    [Theory]
    [MemberData(nameof(JsonRoutes))]
    public async Task UnknownGraph_Is404(string route, string valid)
    {
        using var response = await PostAsync($"graphs/nonexistent/{route}", ServerFixture.Json(valid));
        var body = await ErrorBody.AssertAsync(response, HttpStatusCode.NotFound, "graph_not_found");
        Assert.Equal("graph 'nonexistent' not found", body.GetProperty("error").GetString());
    }

    [Theory]
    [MemberData(nameof(JsonRoutes))]
    public async Task BadGraphId_Is400(string route, string valid)
    {
        using var response = await PostAsync($"graphs/bad_name/{route}", ServerFixture.Json(valid));
        await ErrorBody.AssertAsync(response, HttpStatusCode.BadRequest, "invalid_graph_id");
    }

    [Theory]
    [MemberData(nameof(GetRoutes))]
    public async Task GetRoutes_UnknownGraphIs404_BadIdIs400_QuarantinedIs404(string route)
    {
        using (var unknown = await fixture.Http.GetAsync($"graphs/nonexistent/{route}"))
        {
            await ErrorBody.AssertAsync(unknown, HttpStatusCode.NotFound, "graph_not_found");
        }

        using (var badId = await fixture.Http.GetAsync($"graphs/bad_name/{route}"))
        {
            await ErrorBody.AssertAsync(badId, HttpStatusCode.BadRequest, "invalid_graph_id");
        }

        using var quarantined = await fixture.Http.GetAsync($"graphs/empty/{route}");
        await ErrorBody.AssertAsync(quarantined, HttpStatusCode.NotFound, "graph_not_found");
    }

    [Theory]
    [MemberData(nameof(BodilessRoutes))]
    public async Task BodilessRoutes_UnknownGraphIs404_BadIdIs400_AndWriteNothing(string method, string route)
    {
        var before = await fixture.CommitCountAsync("w");
        using (var unknown = await fixture.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"graphs/nonexistent/{route}")))
        {
            await ErrorBody.AssertAsync(unknown, HttpStatusCode.NotFound, "graph_not_found");
        }

        using (var badId = await fixture.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"graphs/bad_name/{route}")))
        {
            await ErrorBody.AssertAsync(badId, HttpStatusCode.BadRequest, "invalid_graph_id");
        }

        Assert.Equal(before, await fixture.CommitCountAsync("w"));
    }

    [Fact]
    public async Task NdjsonLoad_BadInputs_GetTheirStatusesAndWriteNothing()
    {
        var before = await fixture.CommitCountAsync("w");
        const string valid = "{\"type\":\"Person\",\"data\":{\"name\":\"Raw Ada\"}}\n";

        using (var json = await fixture.Http.PostAsync("graphs/w/load/ndjson?mode=append", ServerFixture.Json(valid)))
        {
            await ErrorBody.AssertAsync(json, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        }

        using (var badLine = await fixture.Http.PostAsync("graphs/w/load/ndjson?mode=append", ServerFixture.Ndjson(valid + "not-json\n")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badLine.StatusCode);
        }

        using (var badMode = await fixture.Http.PostAsync("graphs/w/load/ndjson?mode=upsert", ServerFixture.Ndjson(valid)))
        {
            await ErrorBody.AssertAsync(badMode, HttpStatusCode.BadRequest, "invalid_request_body");
        }

        using (var unknownParameter = await fixture.Http.PostAsync("graphs/w/load/ndjson?mode=append&max_bytes=1", ServerFixture.Ndjson(valid)))
        {
            await ErrorBody.AssertAsync(unknownParameter, HttpStatusCode.BadRequest, "invalid_request_body");
        }

        using (var missingBranch = await fixture.Http.PostAsync("graphs/w/load/ndjson?mode=append&branch=feature-typo", ServerFixture.Ndjson(valid)))
        {
            await ErrorBody.AssertAsync(missingBranch, HttpStatusCode.NotFound, "branch_not_found");
        }

        // A declared length over 32 MiB is refused before a byte of the body is read.
        var (status, text) = await RawHttp.SendAsync(
            fixture.Server.BaseAddress,
            "POST /graphs/w/load/ndjson?mode=append HTTP/1.1\r\nContent-Type: application/x-ndjson\r\nContent-Length: 33554433",
            valid);
        Assert.Equal(413, status);
        using (var body = System.Text.Json.JsonDocument.Parse(text))
        {
            Assert.Equal("resource_limit", body.RootElement.GetProperty("code").GetString());
            Assert.Equal("graph_batch_request_bytes", body.RootElement.GetProperty("details").GetProperty("resource").GetString());
        }

        Assert.Equal(before, await fixture.CommitCountAsync("w"));
    }

    [Fact]
    public async Task NdjsonLoad_StreamedPastTheLimitWithoutALength_Is413AndWritesNothing()
    {
        var before = await fixture.CommitCountAsync("w");
        var padding = new string('x', 1000);
        var content = new PushStreamContent(async stream =>
        {
            // 33 MiB of valid lines, chunked (no Content-Length): the server counts the bytes as they arrive.
            var number = 0;
            for (long written = 0; written <= 33L * 1024 * 1024;)
            {
                var line = Encoding.UTF8.GetBytes($"{{\"type\":\"Person\",\"data\":{{\"name\":\"p{number++}-{padding}\"}}}}\n");
                await stream.WriteAsync(line);
                written += line.Length;
            }
        });
        using var response = await fixture.Http.PostAsync("graphs/w/load/ndjson?mode=merge", content);
        await ErrorBody.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, "resource_limit");
        Assert.Equal(before, await fixture.CommitCountAsync("w"));
    }

    [Fact]
    public async Task BareFlatPaths_AreThe404OfTheFramework()
    {
        using var response = await fixture.Http.GetAsync("snapshot");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>POSTs <paramref name="content"/>; a conditional route also gets a well-formed (stale) expected head, so its body is what is checked.</summary>
    private Task<HttpResponseMessage> PostAsync(string path, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (path.EndsWith("/if-graph-commit", StringComparison.Ordinal))
        {
            request.Headers.TryAddWithoutValidation("Omnigraph-If-Graph-Commit", StaleHead);
        }

        return fixture.Http.SendAsync(request);
    }

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}

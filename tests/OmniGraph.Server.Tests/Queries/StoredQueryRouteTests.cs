using System.Net;
using System.Text.Json;
using OmniGraph.Server.Tests.Support;

namespace OmniGraph.Server.Tests.Queries;

/// <summary>The stored-query routes (operations.md §2.7) under tokens and a policy.</summary>
public sealed class StoredQueryRouteTests(StoredQueryFixture fixture) : IClassFixture<StoredQueryFixture>
{
    [Fact]
    public async Task Catalogue_ListsEveryQuery_WithItsToolNameKindParamsAndAnnotations()
    {
        using var rita = fixture.As("act-rita");
        using var catalogue = JsonDocument.Parse(await rita.GetStringAsync("graphs/q/queries"));
        var queries = catalogue.RootElement.GetProperty("queries").EnumerateArray().ToList();
        Assert.Equal(["add_person", "everyone", "find_person"], queries.Select(static q => q.GetProperty("name").GetString()));
        var find = queries[2];
        Assert.Equal("find_person", find.GetProperty("tool_name").GetString());
        Assert.False(find.GetProperty("mutation").GetBoolean());
        Assert.Equal("""[{"name":"name","kind":"string","nullable":false}]""", find.GetProperty("params").GetRawText());
        Assert.Equal("Find a person by name", find.GetProperty("description").GetString());
        Assert.Equal("Pass the exact name", find.GetProperty("instruction").GetString());
        Assert.False(queries[1].TryGetProperty("description", out _));
        Assert.True(queries[0].GetProperty("mutation").GetBoolean());
        Assert.Equal("""{"name":"age","kind":"int","nullable":true}""", queries[0].GetProperty("params")[1].GetRawText());

        using var zed = fixture.As("act-zed");
        using var denied = await zed.GetAsync("graphs/q/queries");
        await ErrorBody.AssertAsync(denied, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Invoke_RunsTheReadByName()
    {
        using var ivy = fixture.As("act-ivy");
        using var response = await ivy.PostAsync("graphs/q/queries/find_person", ServerFixture.Json("""{"params": {"name": "Alice"}}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var output = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("find_person", output.RootElement.GetProperty("query_name").GetString());
        Assert.Equal(1, output.RootElement.GetProperty("row_count").GetInt32());

        // No body at all: a query without parameters.
        using var everyone = await ivy.PostAsync("graphs/q/queries/everyone", content: null);
        Assert.Equal(HttpStatusCode.OK, everyone.StatusCode);
    }

    [Fact]
    public async Task AnUnknownName_AndADeniedInvoke_AreTheSame404()
    {
        using var ivy = fixture.As("act-ivy");
        using var unknown = await ivy.PostAsync("graphs/q/queries/nope", ServerFixture.Json("{}"));
        using var rita = fixture.As("act-rita");
        using var denied = await rita.PostAsync("graphs/q/queries/find_person", ServerFixture.Json("""{"params": {"name": "Alice"}}"""));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        var body = await unknown.Content.ReadAsStringAsync();
        Assert.Equal(body, await denied.Content.ReadAsStringAsync());
        Assert.Contains("stored_query_not_found", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeWithoutRead_Is403_AndAStoredMutationNeedsChange()
    {
        using var ida = fixture.As("act-ida");
        using var read = await ida.PostAsync("graphs/q/queries/find_person", ServerFixture.Json("""{"params": {"name": "Alice"}}"""));
        await ErrorBody.AssertAsync(read, HttpStatusCode.Forbidden, "forbidden");
        var before = await fixture.CommitCountAsync();
        using var write = await ida.PostAsync("graphs/q/queries/add_person", ServerFixture.Json("""{"params": {"name": "Ida"}}"""));
        await ErrorBody.AssertAsync(write, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(before, await fixture.CommitCountAsync());

        using var ivy = fixture.As("act-ivy");
        using var allowed = await ivy.PostAsync("graphs/q/queries/add_person", ServerFixture.Json("""{"params": {"name": "Ivy", "age": 33}}"""));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        using var receipt = JsonDocument.Parse(await allowed.Content.ReadAsStringAsync());
        Assert.Equal(1, receipt.RootElement.GetProperty("affected_nodes").GetInt32());
        Assert.Equal("act-ivy", receipt.RootElement.GetProperty("actor_id").GetString());
        Assert.Equal(before + 1, await fixture.CommitCountAsync());
    }

    [Theory]
    [InlineData("find_person", """{"expect_mutation": true, "params": {"name": "Alice"}}""", "query_kind_mismatch", "'find_person' is a read — use omnigraph query find_person")]
    [InlineData("add_person", """{"expect_mutation": false, "params": {"name": "X"}}""", "query_kind_mismatch", "'add_person' is a mutation — use omnigraph mutate add_person")]
    [InlineData("add_person", """{"snapshot": "1", "params": {"name": "X"}}""", "invalid_request_body", "snapshot")]
    [InlineData("find_person", """{"params": {"name": 123}}""", null, "name")]
    [InlineData("find_person", """{""", "invalid_request_body", null)]
    [InlineData("find_person", """{"actor": "act-ivy"}""", "invalid_request_body", null)]
    public async Task BadInvocations_Are400_AndWriteNothing(string name, string body, string? code, string? message)
    {
        var before = await fixture.CommitCountAsync();
        using var ivy = fixture.As("act-ivy");
        using var response = await ivy.PostAsync($"graphs/q/queries/{name}", ServerFixture.Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        if (code is not null)
        {
            Assert.Contains($"\"code\":\"{code}\"", text, StringComparison.Ordinal);
        }

        if (message is not null)
        {
            Assert.Contains(message, text, StringComparison.Ordinal);
        }

        Assert.Equal(before, await fixture.CommitCountAsync());
    }

    [Fact]
    public async Task TheConditionalRoute_TakesOnlyAStoredMutationWithAPrecondition()
    {
        using var ivy = fixture.As("act-ivy");
        using var plainWithHeader = new HttpRequestMessage(HttpMethod.Post, "graphs/q/queries/add_person") { Content = ServerFixture.Json("""{"params": {"name": "H"}}""") };
        plainWithHeader.Headers.TryAddWithoutValidation("Omnigraph-If-Graph-Commit", "01M96ZA34R9VM7C4NA5QYKZBVN");
        using (var refused = await ivy.SendAsync(plainWithHeader))
        {
            await ErrorBody.AssertAsync(refused, HttpStatusCode.BadRequest, "invalid_request_body");
        }

        using (var missing = await ivy.PostAsync("graphs/q/queries/add_person/if-graph-commit", ServerFixture.Json("""{"params": {"name": "H"}}""")))
        {
            await ErrorBody.AssertAsync(missing, HttpStatusCode.BadRequest, "invalid_request_body");
        }

        using var stale = new HttpRequestMessage(HttpMethod.Post, "graphs/q/queries/add_person/if-graph-commit") { Content = ServerFixture.Json("""{"params": {"name": "H"}}""") };
        stale.Headers.TryAddWithoutValidation("Omnigraph-If-Graph-Commit", "01M96ZA34R9VM7C4NA5QYKZBVN");
        using (var failed = await ivy.SendAsync(stale))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, failed.StatusCode);
        }

        using var commits = JsonDocument.Parse(await ivy.GetStringAsync("graphs/q/commits"));
        var head = commits.RootElement.GetProperty("commits")[0].GetProperty("graph_commit_id").GetString()!;
        using var current = new HttpRequestMessage(HttpMethod.Post, "graphs/q/queries/add_person/if-graph-commit") { Content = ServerFixture.Json("""{"params": {"name": "Hana"}}""") };
        current.Headers.TryAddWithoutValidation("Omnigraph-If-Graph-Commit", head);
        using (var applied = await ivy.SendAsync(current))
        {
            Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        }

        using var read = new HttpRequestMessage(HttpMethod.Post, "graphs/q/queries/everyone/if-graph-commit") { Content = ServerFixture.Json("{}") };
        read.Headers.TryAddWithoutValidation("Omnigraph-If-Graph-Commit", head);
        using var readRefused = await ivy.SendAsync(read);
        await ErrorBody.AssertAsync(readRefused, HttpStatusCode.BadRequest, "invalid_request_body");
    }
}

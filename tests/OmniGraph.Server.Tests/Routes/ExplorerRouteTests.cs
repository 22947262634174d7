using System.Net;
using System.Text.Json;
using OmniGraph.Server.Tests.Support;

namespace OmniGraph.Server.Tests.Routes;

/// <summary>
/// The routes the graph explorer builds on (docs/explorer.md): lint, the schema's IR, placement, and the page itself.
/// The page in a browser is tested in tests/OmniGraph.Explorer.Tests.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ExplorerRouteTests(ServerFixture fixture)
{
    private const string Queries = """
        query friends($name: String, $min: I32?) {
          match {
            $p: Person { name: $name }
            $p knows $f
            $f.age >= $min
          }
          return { $p, $f, $f.age }
        }
        query broken() {
          match { $p: Persn }
          return { $p }
        }
        """;

    [Fact]
    public async Task Lint_AnswersTheReportWithParametersNodeColumnsLinksAndPositions()
    {
        using var response = await fixture.Http.PostAsync("graphs/g/lint", ServerFixture.Json($$"""{"query": {{JsonSerializer.Serialize(Queries)}}}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = report.RootElement;
        Assert.Equal("error", root.GetProperty("status").GetString());
        Assert.Equal("graph", root.GetProperty("schema_source").GetProperty("kind").GetString());

        var friends = root.GetProperty("results")[0];
        Assert.Equal("ok", friends.GetProperty("status").GetString());
        Assert.Equal("""[{"name":"name","kind":"string","nullable":false},{"name":"min","kind":"int","nullable":true}]""", friends.GetProperty("params").GetRawText());
        var columns = friends.GetProperty("operation").GetProperty("result");
        Assert.Equal("Person", columns[0].GetProperty("node_type").GetString());
        Assert.Equal("Person", columns[1].GetProperty("node_type").GetString());
        Assert.False(columns[2].TryGetProperty("node_type", out _));
        Assert.Equal("""[{"from":"p","to":"f","edge_type":"Knows","multi_hop":false}]""", friends.GetProperty("operation").GetProperty("links").GetRawText());

        // A query that fails to type-check keeps its parameters; its finding says where.
        var broken = root.GetProperty("results")[1];
        Assert.Equal("error", broken.GetProperty("status").GetString());
        Assert.Equal(0, broken.GetProperty("params").GetArrayLength());
        var finding = Assert.Single(root.GetProperty("findings").EnumerateArray());
        Assert.Equal("T1", finding.GetProperty("code").GetString());
        Assert.Equal(10, finding.GetProperty("line").GetInt32());
        Assert.Equal(15, finding.GetProperty("column").GetInt32());
    }

    [Fact]
    public async Task Lint_AParseFailureIsAFindingWithItsPosition()
    {
        using var response = await fixture.Http.PostAsync("graphs/g/lint", ServerFixture.Json("""{"query": "query q() {\n  match { $p: }\n}", "branch": "main"}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var finding = Assert.Single(report.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("Q000", finding.GetProperty("code").GetString());
        Assert.Equal(2, finding.GetProperty("line").GetInt32());
    }

    [Theory]
    [InlineData("""{}""", HttpStatusCode.BadRequest, "invalid_request_body")]
    [InlineData("""{"query": "query q() { match { $p: Person } return { $p } }", "snapshot": "x"}""", HttpStatusCode.BadRequest, "invalid_request_body")]
    [InlineData("""{"query": "query q() { match { $p: Person } return { $p } }", "branch": ""}""", HttpStatusCode.BadRequest, "invalid_request_body")]
    [InlineData("""{"query": "query q() { match { $p: Person } return { $p } }", "branch": "nope"}""", HttpStatusCode.NotFound, "branch_not_found")]
    public async Task Lint_BadInput_IsATypedError(string body, HttpStatusCode status, string code)
    {
        using var response = await fixture.Http.PostAsync("graphs/g/lint", ServerFixture.Json(body));
        await ErrorBody.AssertAsync(response, status, code);
    }

    [Fact]
    public async Task SchemaIr_DescribesTypesPropertiesAndEdges()
    {
        using var ir = JsonDocument.Parse(await fixture.Http.GetStringAsync("graphs/g/schema/ir"));
        var person = ir.RootElement.GetProperty("node_types")[0];
        Assert.Equal("Person", person.GetProperty("name").GetString());
        Assert.True(person.GetProperty("properties")[0].GetProperty("key").GetBoolean());
        var worksAt = ir.RootElement.GetProperty("edge_types").EnumerateArray().Single(static e => e.GetProperty("name").GetString() == "WorksAt");
        Assert.Equal("Person", worksAt.GetProperty("from").GetString());
        Assert.Equal("Company", worksAt.GetProperty("to").GetString());
        using var missing = await fixture.Http.GetAsync("graphs/g/schema/ir?branch=nope");
        await ErrorBody.AssertAsync(missing, HttpStatusCode.NotFound, "branch_not_found");
    }

    [Fact]
    public async Task Placement_ListsTheSiloAndOnlyThisGraphsGrains_AndCountsItsRequests()
    {
        using (await fixture.Http.GetAsync("graphs/g/snapshot"))
        using (await fixture.Http.GetAsync("graphs/w/snapshot"))
        {
        }

        using var placement = JsonDocument.Parse(await fixture.Http.GetStringAsync("graphs/g/placement"));
        var root = placement.RootElement;
        Assert.Equal("g", root.GetProperty("graph_id").GetString());
        var silo = Assert.Single(root.GetProperty("silos").EnumerateArray());
        Assert.Equal("Active", silo.GetProperty("status").GetString());
        var keys = root.GetProperty("activations").EnumerateArray().Select(static a => a.GetProperty("key").GetString()!).ToList();
        Assert.Contains("g", keys);
        Assert.Contains("g/node:Person@main", keys);
        Assert.All(keys, static key => Assert.True(key == "g" || key.StartsWith("g/", StringComparison.Ordinal), key));
        Assert.All(root.GetProperty("activations").EnumerateArray(), a => Assert.Equal(silo.GetProperty("address").GetString(), a.GetProperty("silo").GetString()));

        // The snapshot above and this placement request at least; per second over the last minute.
        var requests = root.GetProperty("requests");
        Assert.True(requests.GetProperty("total").GetInt64() >= 2);
        Assert.True(requests.GetProperty("last_minute").GetInt64() >= 2);
        Assert.Equal(60, requests.GetProperty("per_second").GetArrayLength());
        Assert.Equal(requests.GetProperty("last_minute").GetInt64(), requests.GetProperty("per_second").EnumerateArray().Sum(static v => v.GetInt64()));

        using var unknown = await fixture.Http.GetAsync("graphs/nope/placement");
        await ErrorBody.AssertAsync(unknown, HttpStatusCode.NotFound, "graph_not_found");
    }

    [Fact]
    public async Task ThePage_IsServedAtTheRootWithItsFiles_AContentSecurityPolicyAndRevalidation()
    {
        using var page = await fixture.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<title>OmniGraph explorer</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-cache", page.Headers.CacheControl!.ToString());

        using var script = await fixture.Http.GetAsync("explorer/js/main.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        using var again = new HttpRequestMessage(HttpMethod.Get, "explorer/js/main.js");
        again.Headers.TryAddWithoutValidation("If-None-Match", script.Headers.ETag!.Tag);
        using var revalidated = await fixture.Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);

        // Every file the page names is served.
        foreach (var file in new[] { "explorer.css", "js/api.js", "js/editor.js", "js/table.js", "js/query-view.js", "js/graph-view.js", "js/graph-worker.js", "js/schema-model.js", "js/schema-view.js", "js/history-view.js", "js/cluster-view.js" })
        {
            using var asset = await fixture.Http.GetAsync("explorer/" + file);
            Assert.True(asset.StatusCode == HttpStatusCode.OK, file);
        }

        using var missing = await fixture.Http.GetAsync("explorer/js/nope.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}

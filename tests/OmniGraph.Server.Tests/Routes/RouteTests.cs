using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using OmniGraph.Server.Tests.Support;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Server.Tests.Routes;

/// <summary>What each route answers on good input (operations.md §2.4, §2.5), on the fixture's graphs.</summary>
[Collection(ServerCollection.Name)]
public sealed class RouteTests(ServerFixture fixture)
{
    [Fact]
    public async Task Health_Readiness_AndTheGraphListClosedInOpenMode()
    {
        using var health = JsonDocument.Parse(await fixture.Http.GetStringAsync("healthz"));
        Assert.Equal("ok", health.RootElement.GetProperty("status").GetString());
        Assert.Equal(1, health.RootElement.GetProperty("internal_schema_version").GetInt32());

        using var ready = JsonDocument.Parse(await fixture.Http.GetStringAsync("readyz"));
        Assert.Equal("ready", ready.RootElement.GetProperty("status").GetString());
        Assert.Equal(2, ready.RootElement.GetProperty("graphs").GetInt32());

        // graph_list is decided by a server policy only, and open mode has none (operations.md §3.2): always 403.
        using var graphs = await fixture.Http.GetAsync("graphs");
        await ErrorBody.AssertAsync(graphs, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Snapshot_CountsTheData()
    {
        using var snapshot = JsonDocument.Parse(await fixture.Http.GetStringAsync("graphs/g/snapshot?branch=main"));
        Assert.Equal("main", snapshot.RootElement.GetProperty("graph_branch").GetString());
        var person = snapshot.RootElement.GetProperty("datasets").EnumerateArray().Single(static d => d.GetProperty("type_name").GetString() == "Person");
        Assert.Equal("node", person.GetProperty("entity_kind").GetString());
        Assert.Equal(4, person.GetProperty("entity_count").GetInt64());
        Assert.False(snapshot.RootElement.TryGetProperty("table_key", out _));
    }

    [Fact]
    public async Task Query_AnswersTheReadOutput()
    {
        var body = $$$"""{"query": {{{JsonSerializer.Serialize(AcceptanceFixtures.TestQueries)}}}, "name": "get_person", "params": {"name": "Alice"}}""";
        using var response = await fixture.Http.PostAsync("graphs/g/query", ServerFixture.Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var read = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(1, read.RootElement.GetProperty("row_count").GetInt32());
        Assert.Equal("Alice", read.RootElement.GetProperty("rows")[0].GetProperty("p.name").GetString());
        Assert.Equal(30, read.RootElement.GetProperty("rows")[0].GetProperty("p.age").GetInt32());
        Assert.Equal(26, read.RootElement.GetProperty("graph_commit_id").GetString()!.Length);
    }

    [Fact]
    public async Task Query_WithAMutationSource_Is400AndWritesNothing()
    {
        var before = await fixture.CommitCountAsync("w");
        var body = $$$"""{"query": {{{JsonSerializer.Serialize(AcceptanceFixtures.MutationQueries)}}}, "name": "insert_person", "params": {"name": "Q", "age": 1}}""";
        using var response = await fixture.Http.PostAsync("graphs/w/query", ServerFixture.Json(body));
        await ErrorBody.AssertAsync(response, HttpStatusCode.BadRequest, "query_kind_mismatch");
        Assert.Equal(before, await fixture.CommitCountAsync("w"));
    }

    [Fact]
    public async Task Commits_Schema_Branches()
    {
        using var commits = JsonDocument.Parse(await fixture.Http.GetStringAsync("graphs/g/commits"));
        var head = commits.RootElement.GetProperty("commits")[0];
        var id = head.GetProperty("graph_commit_id").GetString();
        using var one = JsonDocument.Parse(await fixture.Http.GetStringAsync($"graphs/g/commits/{id}"));
        Assert.Equal(head.GetRawText(), one.RootElement.GetRawText());

        using var missing = await fixture.Http.GetAsync("graphs/g/commits/01M96ZA34R9VM7C4NA5QYKZBVX");
        await ErrorBody.AssertAsync(missing, HttpStatusCode.NotFound, "commit_not_found");

        using var schema = JsonDocument.Parse(await fixture.Http.GetStringAsync("graphs/g/schema"));
        Assert.Contains("node Person", schema.RootElement.GetProperty("schema_source").GetString());

        Assert.Equal("""{"branches":["main"]}""", await fixture.Http.GetStringAsync("graphs/g/branches"));
    }

    [Fact]
    public async Task Export_StreamsLoadRecords_AndRefusesUnknownTypesBeforeTheStream()
    {
        using var response = await fixture.Http.PostAsync("graphs/g/export", ServerFixture.Json("""{"branch": " main ", "type_names": ["Person"]}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.All(lines, static line => Assert.StartsWith("""{"type":"Person","data":{""", line));

        using var unknown = await fixture.Http.PostAsync("graphs/g/export", ServerFixture.Json("""{"type_names": ["Nope"]}"""));
        await ErrorBody.AssertAsync(unknown, HttpStatusCode.BadRequest, "unknown_type");
        using var missingBranch = await fixture.Http.PostAsync("graphs/g/export", ServerFixture.Json("""{"branch": "missing"}"""));
        await ErrorBody.AssertAsync(missingBranch, HttpStatusCode.NotFound, "branch_not_found");
    }

    [Theory]
    [InlineData("GET", "blob")]
    public async Task LaterRoutes_Answer501WithTheEnvelope_After404ForAnUnknownGraph(string method, string route)
    {
        using var planned = await fixture.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"graphs/g/{route}"));
        await ErrorBody.AssertAsync(planned, HttpStatusCode.NotImplemented, "not_implemented");
        using var unknown = await fixture.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"graphs/nonexistent/{route}"));
        await ErrorBody.AssertAsync(unknown, HttpStatusCode.NotFound, "graph_not_found");
    }

    [Fact]
    public async Task OpenApi_Is31_WithEveryOperationNamedAndTagged_AndTheReferencePageIsServed()
    {
        using var document = JsonDocument.Parse(await fixture.Http.GetStringAsync("openapi.json"));
        Assert.StartsWith("3.1", document.RootElement.GetProperty("openapi").GetString());
        Assert.Equal("OmniGraph API", document.RootElement.GetProperty("info").GetProperty("title").GetString());
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(static path => path.Value.EnumerateObject().Where(static o => o.Name is "get" or "post" or "delete" or "head"))
            .Select(static o => o.Value)
            .ToList();
        Assert.True(operations.Count >= 20, $"{operations.Count} operations");
        var ids = operations.Select(static o => o.GetProperty("operationId").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(operations, static o => Assert.True(o.GetProperty("tags").GetArrayLength() > 0));
        var query = document.RootElement.GetProperty("paths").GetProperty("/graphs/{graphId}/query").GetProperty("post");
        Assert.True(query.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));

        using var docs = await fixture.Http.GetAsync("docs");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Equal("text/html", docs.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ScoreColumns_AreJsonNumbers_AndFloat64InArrow()
    {
        const string Scored = "query scored() { match { $p: Person } return { $p.name, bm25($p.name, \"alice\") as score } order { bm25($p.name, \"alice\") } }";
        var body = $$$"""{"query": {{{JsonSerializer.Serialize(Scored)}}}}""";
        using var response = await fixture.Http.PostAsync("graphs/g/query", ServerFixture.Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var read = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var row = Assert.Single(read.RootElement.GetProperty("rows").EnumerateArray());
        Assert.Equal("Alice", row.GetProperty("p.name").GetString());
        var score = row.GetProperty("score").GetDouble();
        Assert.True(score > 0, $"a BM25 score of a matching row is positive, got {score}");

        using var request = new HttpRequestMessage(HttpMethod.Post, "graphs/g/query") { Content = ServerFixture.Json(body) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.apache.arrow.stream"));
        using var arrow = await fixture.Http.SendAsync(request);
        var (schema, batches) = OmniGraph.Arrow.Ipc.ArrowStreamReader.ReadAll(await arrow.Content.ReadAsByteArrayAsync());
        Assert.Equal(OmniGraph.Arrow.ArrowType.Float64, schema.Fields[1].Type);
        Assert.False(schema.Fields[1].IsNullable);
        Assert.Equal(score, ((OmniGraph.Arrow.PrimitiveColumn<double>)batches.Single().Column(1)).GetValue(0));
    }

    [Fact]
    public async Task ArrowReads_CarryTypedColumnsAndTheReadMetadata()
    {
        var body = $$$"""{"query": {{{JsonSerializer.Serialize(AcceptanceFixtures.TestQueries)}}}, "name": "adults"}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphs/g/query") { Content = ServerFixture.Json(body) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.apache.arrow.stream"));
        using var response = await fixture.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("adults", response.Headers.GetValues("Omnigraph-Query-Name").Single());
        var (schema, batches) = OmniGraph.Arrow.Ipc.ArrowStreamReader.ReadAll(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["p.name", "p.age"], schema.Fields.Select(static f => f.Name));
        Assert.Equal(OmniGraph.Arrow.ArrowType.Int32, schema.Fields[1].Type);
        Assert.Equal(1, batches.Single().Length);
    }
}

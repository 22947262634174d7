using System.Net;
using System.Text.Json;
using OmniGraph.Grains.Hosting;
using OmniGraph.Server.Hosting;
using OmniGraph.Server.Tests.Support;
using OmniGraph.Abstractions;
using OmniGraph.Testing.IO;

namespace OmniGraph.Server.Tests.Schema;

/// <summary>
/// <c>POST /graphs/{id}/schema/apply</c> (route 17) on a server of its own: a rename applied with its steps and rows kept,
/// an unsupported change 400 with nothing written, another branch 409, a stored query the change breaks 400 naming it.
/// </summary>
public sealed class SchemaApplyRouteTests : IAsyncLifetime
{
    private const string Renamed = """
        node Human @rename_from("Person") {
            full_name: String @key @rename_from("name")
            age: I32?
        }
        node Company { name: String @key }
        edge Knows: Human -> Human { since: Date? }
        edge WorksAt: Human -> Company
        """;

    private readonly TempDirectory _root = new();
    private OmniGraphServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        foreach (var graph in (string[])["apply", "branched", "queried"])
        {
            await ServerFixture.CreateGraphAsync(_root.Combine(graph));
        }

        await using (var branched = await OmniGraphEmbedded.OpenAsync(_root.Combine("branched")))
        {
            await branched.Client.CreateBranchAsync("feature");
        }

        var file = _root.Combine("people.gq");
        await File.WriteAllTextAsync(file, """query people() { match { $p: Person } return { $p.name } }""" + "\n");
        var added = await InProcessCli.RunAsync("queries", "add", _root.Combine("queried"), "--query", file);
        Assert.True(added.ExitCode == 0, added.Error);
        File.Delete(file);
        _server = await OmniGraphServer.StartAsync(ServerFixture.Options(_root.Path));
        _http = new HttpClient { BaseAddress = _server.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        _root.Dispose();
    }

    private static StringContent Body(string source, bool allowDataLoss = false) =>
        ServerFixture.Json(JsonSerializer.Serialize(new Dictionary<string, object> { ["schema_source"] = source, ["allow_data_loss"] = allowDataLoss }));

    private async Task<int> CommitsAsync(string graph)
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync($"graphs/{graph}/commits"));
        return document.RootElement.GetProperty("commits").GetArrayLength();
    }

    [Fact]
    public async Task Apply_Renames_KeepsRows_ThenRefusesAnUnsupportedChange()
    {
        using (var applied = await _http.PostAsync("graphs/apply/schema/apply", Body(Renamed)))
        {
            Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
            using var body = JsonDocument.Parse(await applied.Content.ReadAsStringAsync());
            var root = body.RootElement;
            Assert.Equal(["supported", "applied", "graph_manifest_version", "steps", "step_count", "commit_id", "schema_hash"], root.EnumerateObject().Select(static p => p.Name));
            Assert.True(root.GetProperty("applied").GetBoolean());
            Assert.Equal(3, root.GetProperty("graph_manifest_version").GetInt64());
            Assert.Equal(
                """[{"kind":"rename_type","type_kind":"node","type_name":"Human","from":"Person"},{"kind":"rename_property","type_kind":"node","type_name":"Human","property":"full_name","from":"name"}]""",
                JsonSerializer.Serialize(root.GetProperty("steps")));
        }

        using (var read = await _http.PostAsync("graphs/apply/query", ServerFixture.Json("""{"query": "query q() { match { $h: Human } return { $h.full_name } order { $h.full_name asc } }"}""")))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            var text = await read.Content.ReadAsStringAsync();
            Assert.All((string[])["Alice", "Bob", "Charlie", "Diana"], name => Assert.Contains(name, text, StringComparison.Ordinal));
        }

        var commits = await CommitsAsync("apply");
        using (var unsupported = await _http.PostAsync("graphs/apply/schema/apply", Body(Renamed.Replace("age: I32?", "age: I64?", StringComparison.Ordinal))))
        {
            var error = await ErrorBody.AssertAsync(unsupported, HttpStatusCode.BadRequest, "schema_change_unsupported");
            Assert.Contains("changing property type", error.GetProperty("error").GetString(), StringComparison.Ordinal);
        }

        using (var again = await _http.PostAsync("graphs/apply/schema/apply", Body(Renamed)))
        {
            using var body = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
            Assert.False(body.RootElement.GetProperty("applied").GetBoolean());
        }

        using (var unknownMember = await _http.PostAsync("graphs/apply/schema/apply", ServerFixture.Json("""{"schema_source": "node A { k: String @key }", "force": true}""")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknownMember.StatusCode);
        }

        Assert.Equal(commits, await CommitsAsync("apply"));
    }

    [Fact]
    public async Task AnotherBranch_Is409()
    {
        using var refused = await _http.PostAsync("graphs/branched/schema/apply", Body(Renamed));
        var error = await ErrorBody.AssertAsync(refused, HttpStatusCode.Conflict, "schema_apply_branches_exist");
        Assert.StartsWith("schema apply requires a graph with only main", error.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABrokenStoredQuery_Is400_NamingIt()
    {
        var commits = await CommitsAsync("queried");
        using var refused = await _http.PostAsync("graphs/queried/schema/apply", Body(Renamed));
        var error = await ErrorBody.AssertAsync(refused, HttpStatusCode.BadRequest, "schema_apply_breaks_stored_query");
        Assert.StartsWith("the new schema breaks stored query 'people' (schema check:", error.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(commits, await CommitsAsync("queried"));
    }
}

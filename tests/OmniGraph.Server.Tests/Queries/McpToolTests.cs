using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace OmniGraph.Server.Tests.Queries;

/// <summary>A graph's MCP endpoint (<c>/graphs/q/mcp</c>), called with the Model Context Protocol SDK's own client.</summary>
public sealed class McpToolTests(StoredQueryFixture fixture) : IClassFixture<StoredQueryFixture>
{
    [Fact]
    public async Task Tools_AreTheStoredQueriesAndTheBuiltIns_WithTheirDescriptionsAndParameterSchemas()
    {
        await using var client = await ConnectAsync("act-rita");
        var tools = await client.ListToolsAsync();
        Assert.Equal(
            ["add_person", "branch_create", "branch_diff", "branch_list", "branch_merge", "everyone", "find_person", "graph_mutate", "graph_read", "graph_schema", "promotion_request"],
            tools.Select(static t => t.Name).Order(StringComparer.Ordinal));
        var find = tools.Single(static t => t.Name == "find_person");
        Assert.Equal("Find a person by name\n\nPass the exact name", find.Description);
        Assert.Equal("""["name"]""", find.JsonSchema.GetProperty("required").GetRawText());
        Assert.Equal("string", find.JsonSchema.GetProperty("properties").GetProperty("name").GetProperty("type").GetString());
        var add = tools.Single(static t => t.Name == "add_person");
        Assert.Equal("""["integer","null"]""", add.JsonSchema.GetProperty("properties").GetProperty("age").GetProperty("type").GetRawText());
    }

    [Fact]
    public void IntegerParameters_AreJsonIntegers_I64Included()
    {
        var schema = Mcp.StoredQueryToolSchema.Of([new("small", "int", null, null, false), new("big", "bigint", null, null, true), new("ratio", "float", null, null, false)]);
        var properties = schema.GetProperty("properties");
        Assert.Equal("\"integer\"", properties.GetProperty("small").GetProperty("type").GetRawText());
        Assert.Equal("""["integer","null"]""", properties.GetProperty("big").GetProperty("type").GetRawText());
        Assert.Equal("\"number\"", properties.GetProperty("ratio").GetProperty("type").GetRawText());
        Assert.Equal("""["small","ratio"]""", schema.GetProperty("required").GetRawText());
    }

    [Fact]
    public async Task CallingAStoredQuery_RunsItWithTheTokensActor()
    {
        await using var ivy = await ConnectAsync("act-ivy");
        var found = await ivy.CallToolAsync("find_person", new Dictionary<string, object?> { ["name"] = "Alice" });
        Assert.NotEqual(true, found.IsError);
        using (var output = JsonDocument.Parse(Text(found)))
        {
            Assert.Equal(1, output.RootElement.GetProperty("row_count").GetInt32());
        }

        var before = await fixture.CommitCountAsync();
        var added = await ivy.CallToolAsync("add_person", new Dictionary<string, object?> { ["name"] = "Mcp", ["age"] = 7 });
        Assert.NotEqual(true, added.IsError);
        Assert.Contains("\"actor_id\":\"act-ivy\"", Text(added), StringComparison.Ordinal);
        Assert.Equal(before + 1, await fixture.CommitCountAsync());
    }

    [Fact]
    public async Task ThePolicyDecidesEveryCall()
    {
        // A reader may not invoke: the same answer as an unknown tool.
        await using var rita = await ConnectAsync("act-rita");
        var denied = await rita.CallToolAsync("find_person", new Dictionary<string, object?> { ["name"] = "Alice" });
        var unknown = await rita.CallToolAsync("no_such_tool", new Dictionary<string, object?>());
        Assert.True(denied.IsError);
        Assert.Equal(Text(unknown), Text(denied));
        Assert.Contains("stored_query_not_found", Text(denied), StringComparison.Ordinal);

        // A reader may read ad hoc and see the schema.
        var read = await rita.CallToolAsync("graph_read", new Dictionary<string, object?> { ["query"] = "query q() { match { $p: Person } return { $p.name } }" });
        Assert.NotEqual(true, read.IsError);
        var schema = await rita.CallToolAsync("graph_schema", new Dictionary<string, object?>());
        Assert.Contains("node Person", Text(schema), StringComparison.Ordinal);

        // An invoker without read may not read ad hoc.
        await using var ida = await ConnectAsync("act-ida");
        var forbidden = await ida.CallToolAsync("graph_read", new Dictionary<string, object?> { ["query"] = "query q() { match { $p: Person } return { $p.name } }" });
        Assert.True(forbidden.IsError);
        Assert.Contains("\"code\":\"forbidden\"", Text(forbidden), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAToken_TheEndpointAnswers401()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(actor: null));
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        using var response = await http.PostAsync("graphs/q/mcp", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<McpClient> ConnectAsync(string? actor)
    {
        var options = new HttpClientTransportOptions
        {
            Endpoint = new Uri(fixture.Server.BaseAddress, "graphs/q/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = actor is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Authorization"] = $"Bearer {StoredQueryFixture.Tokens[actor]}" },
        };
        return await McpClient.CreateAsync(new HttpClientTransport(options));
    }

    private static string Text(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
}

using System.Text.Json;
using ModelContextProtocol.Protocol;
using OmniGraph.Abstractions;

namespace OmniGraph.Server.Tests.Versioning;

/// <summary>
/// The versioning tools of a graph's MCP endpoint, called with the SDK's own client against a real server: an agent
/// works on its own branch (create, mutate, read at a commit, diff against its base, merge into an unprotected branch)
/// and requests a promotion whose digest a reviewer confirms over HTTP. Every call is decided on the HTTP route's
/// actions; a failure is an error result whose structured content carries the error code.
/// </summary>
[Collection(VersioningServerCollection.Name)]
public sealed class McpVersioningToolTests(VersioningServerFixture fixture)
{
    private const string InsertPerson = "query add($name: String, $age: I32) { insert Person { name: $name, age: $age } }";
    private const string FindPerson = "query find($name: String) { match { $p: Person { name: $name } } return { $p.name, $p.age } }";

    [Fact]
    public async Task TheToolsList_HasTheVersioningTools_AndThePromotionRequestSaysAPersonConfirms()
    {
        await using var agent = await fixture.McpAsync("act-agent");
        var tools = await agent.ListToolsAsync();
        Assert.Equal(
            ["add_person_aged", "branch_create", "branch_diff", "branch_list", "branch_merge", "graph_mutate", "graph_read", "graph_schema", "promotion_request"],
            tools.Select(static t => t.Name).Order(StringComparer.Ordinal));
        var request = tools.Single(static t => t.Name == "promotion_request");
        Assert.Contains("cannot confirm", request.Description, StringComparison.Ordinal);
        Assert.Contains("--confirm DIFF_DIGEST", request.Description, StringComparison.Ordinal);
        Assert.Equal("""["source"]""", request.JsonSchema.GetProperty("required").GetRawText());
        Assert.False(request.JsonSchema.GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public async Task AnAgent_WorksOnItsBranch_MergesIt_AndRequestsAPromotionAReviewerConfirms()
    {
        await using var agent = await fixture.McpAsync("act-agent");
        Ok(await agent.CallToolAsync("branch_create", Args(("name", "agent/work"))));
        Ok(await agent.CallToolAsync("branch_create", Args(("name", "agent/integration"))));

        using var changed = Ok(await agent.CallToolAsync("graph_mutate", Args(("query", InsertPerson), ("params", new { name = "Agent-Made", age = 5 }), ("branch", "agent/work"))));
        Assert.Equal("act-agent", changed.RootElement.GetProperty("actor_id").GetString());
        var commit = changed.RootElement.GetProperty("commit").GetProperty("graph_commit_id").GetString()!;

        // Read at the commit the mutation published, and on main (which does not have it).
        using (var atCommit = Ok(await agent.CallToolAsync("graph_read", Args(("query", FindPerson), ("params", new { name = "Agent-Made" }), ("snapshot", commit)))))
        {
            Assert.Equal(1, atCommit.RootElement.GetProperty("row_count").GetInt32());
        }

        using (var onMain = Ok(await agent.CallToolAsync("graph_read", Args(("query", FindPerson), ("params", new { name = "Agent-Made" })))))
        {
            Assert.Equal(0, onMain.RootElement.GetProperty("row_count").GetInt32());
        }

        // The branch's own change against main: one inserted person.
        using (var diff = Ok(await agent.CallToolAsync("branch_diff", Args(("branch", "agent/work")))))
        {
            var change = Assert.Single(diff.RootElement.GetProperty("changes").EnumerateArray());
            Assert.Equal(("insert", "Person"), (change.GetProperty("op").GetString(), change.GetProperty("type_name").GetString()));
        }

        // Merging into an unprotected branch works; into the protected main it is refused with a typed code.
        using (var merged = Ok(await agent.CallToolAsync("branch_merge", Args(("source", "agent/work"), ("into", "agent/integration")))))
        {
            Assert.Equal("fast_forward", merged.RootElement.GetProperty("outcome").GetString());
        }

        Assert.Equal("forbidden", Code(await agent.CallToolAsync("branch_merge", Args(("source", "agent/work")))));

        // The agent requests a promotion: a digest, nothing written; it cannot confirm it itself.
        using var requested = Ok(await agent.CallToolAsync("promotion_request", Args(("source", "agent/integration"))));
        var digest = requested.RootElement.GetProperty("diff_digest").GetString()!;
        using var agentServer = fixture.Client("act-agent");
        var before = (await agentServer.Graph("v").ListCommitsAsync()).Commits[0].GraphCommitId;
        Assert.Equal(0, await CountAsync(agentServer.Graph("v"), "Agent-Made"));
        await Testing.Errors.ErrorAssert.ThrowsAsync(ErrorCodes.Forbidden, () => agentServer.Graph("v").PromoteAsync(new PromotionRequest("agent/integration", BranchNames.Main, digest)));

        // A reviewer confirms exactly that digest.
        using var reviewer = fixture.Client("act-rev");
        var promotion = await reviewer.Graph("v").PromoteAsync(new PromotionRequest("agent/integration", BranchNames.Main, digest));
        Assert.Equal(before, promotion.TargetCommitId);
        Assert.Equal(1, await CountAsync(reviewer.Graph("v"), "Agent-Made"));
        await reviewer.Graph("v").RevertPromotionAsync(new PromotionRevertRequest(promotion.PromotionId));
    }

    [Fact]
    public async Task AStoredMutation_RunsOnTheAgentsBranch_ThroughGraphMutate()
    {
        await using var agent = await fixture.McpAsync("act-agent");
        Ok(await agent.CallToolAsync("branch_create", Args(("name", "agent/stored")))).Dispose();
        using var changed = Ok(await agent.CallToolAsync("graph_mutate", Args(("stored", "add_person_aged"), ("params", new { name = "Stored-Made", age = 7 }), ("branch", "agent/stored"))));
        Assert.Equal(("act-agent", "agent/stored"), (changed.RootElement.GetProperty("actor_id").GetString(), changed.RootElement.GetProperty("commit").GetProperty("graph_branch").GetString()));

        using (var onBranch = Ok(await agent.CallToolAsync("graph_read", Args(("query", FindPerson), ("params", new { name = "Stored-Made" }), ("branch", "agent/stored")))))
        {
            Assert.Equal(1, onBranch.RootElement.GetProperty("row_count").GetInt32());
        }

        using (var onMain = Ok(await agent.CallToolAsync("graph_read", Args(("query", FindPerson), ("params", new { name = "Stored-Made" })))))
        {
            Assert.Equal(0, onMain.RootElement.GetProperty("row_count").GetInt32());
        }

        // The stored mutation aimed at the protected main: the policy already denies the agent a change there.
        Assert.Equal("forbidden", Code(await agent.CallToolAsync("graph_mutate", Args(("stored", "add_person_aged"), ("params", new { name = "Stored-Main", age = 8 })))));
    }

    [Fact]
    public async Task EachToolIsDecidedOnItsRoutesActions_AndBadArgumentsAreTyped()
    {
        await using var rita = await fixture.McpAsync("act-rita");
        Assert.Equal("forbidden", Code(await rita.CallToolAsync("branch_create", Args(("name", "rita-branch")))));
        Assert.Equal("forbidden", Code(await rita.CallToolAsync("graph_mutate", Args(("query", InsertPerson), ("params", new { name = "R", age = 1 }), ("branch", "anything")))));
        Ok(await rita.CallToolAsync("branch_list", Args())).Dispose();

        // A reader may request a promotion (a read), never confirm one.
        await using var agent = await fixture.McpAsync("act-agent");
        Ok(await agent.CallToolAsync("branch_create", Args(("name", "agent/bad")))).Dispose();
        Ok(await rita.CallToolAsync("promotion_request", Args(("source", "agent/bad")))).Dispose();

        // The protected main takes no direct write, whoever writes (the policy already denies the agent).
        Assert.Equal("forbidden", Code(await agent.CallToolAsync("graph_mutate", Args(("query", InsertPerson), ("params", new { name = "M", age = 1 })))));
        await using var max = await fixture.McpAsync("act-max");
        Assert.Equal("protected_branch", Code(await max.CallToolAsync("graph_mutate", Args(("query", InsertPerson), ("params", new { name = "M", age = 1 })))));

        Assert.Equal("invalid_request_body", Code(await agent.CallToolAsync("graph_mutate", Args(("query", InsertPerson), ("stored", "x")))));
        Assert.Equal("invalid_request_body", Code(await agent.CallToolAsync("graph_mutate", Args(("branch", "agent/bad")))));
        Assert.Equal("invalid_request_body", Code(await agent.CallToolAsync("branch_create", Args(("name", "x"), ("colour", "red")))));
        Assert.Equal("invalid_request_body", Code(await agent.CallToolAsync("branch_create", Args(("name", 7)))));
        Assert.Equal("invalid_request_body", Code(await agent.CallToolAsync("branch_merge", Args(("source", "agent/bad"), ("delete_branch", "yes")))));
        Assert.Equal("branch_not_found", Code(await agent.CallToolAsync("branch_diff", Args(("branch", "no-such")))));
        Assert.Equal("invalid_branch_name", Code(await agent.CallToolAsync("branch_create", Args(("name", "bad name")))));
        Assert.Equal("stored_query_not_found", Code(await agent.CallToolAsync("graph_mutate", Args(("stored", "nothing"), ("branch", "agent/bad")))));
    }

    private static Dictionary<string, object?> Args(params (string Name, object? Value)[] arguments) =>
        arguments.ToDictionary(static a => a.Name, static a => a.Value, StringComparer.Ordinal);

    /// <summary>The successful result's JSON (dispose it).</summary>
    private static JsonDocument Ok(CallToolResult result)
    {
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.True(result.IsError != true, text);
        return JsonDocument.Parse(text);
    }

    /// <summary>The error code of a failed result, read from its structured content (and equal to its text's).</summary>
    private static string Code(CallToolResult result)
    {
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.True(result.IsError == true, text);
        var structured = Assert.IsType<JsonElement>(result.StructuredContent);
        Assert.Equal(text, structured.GetRawText().Length > 0 ? JsonDocument.Parse(text).RootElement.GetRawText() : text);
        return structured.GetProperty("code").GetString()!;
    }

    private static async Task<int> CountAsync(IGraphService graph, string name) =>
        (await graph.QueryAsync(new QueryRequest(FindPerson, null, JsonSerializer.Serialize(new { name }), QueryTarget.Head(BranchNames.Main)))).RowCount;
}

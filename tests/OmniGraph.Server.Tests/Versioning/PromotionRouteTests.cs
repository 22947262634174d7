using System.Net;
using System.Text.Json;
using OmniGraph.Abstractions;
using OmniGraph.Security;
using OmniGraph.Server.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.Errors;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Server.Tests.Versioning;

/// <summary>
/// The promotion routes (preview, confirm, revert) through the typed client and raw HTTP, the CLI's <c>promote
/// --server</c>, and a protected branch's refusal of a direct write that matches no row.
/// </summary>
[Collection(VersioningServerCollection.Name)]
public sealed class PromotionRouteTests(VersioningServerFixture fixture)
{
    [Fact]
    public async Task AnAgentsChange_IsPromotedAndRevertedByAReviewer_AuditedWithItsSourceAndDigest()
    {
        using var agentServer = fixture.Client("act-agent");
        var agent = agentServer.Graph("v");
        await agent.CreateBranchAsync("shadow/http");
        await agent.MutateAsync(new MutationRequest(AcceptanceFixtures.MutationQueries, "insert_person") { Parameters = """{"name":"Promoted","age":41}""", Branch = "shadow/http" });

        // The agent may preview (a read) but not confirm.
        var preview = await agent.PreviewPromotionAsync("shadow/http", BranchNames.Main);
        Assert.Equal(("fast_forward", 64), (preview.Outcome, preview.DiffDigest.Length));
        var denied = await ErrorAssert.ThrowsAsync(ErrorCodes.Forbidden, () => agent.PromoteAsync(new PromotionRequest("shadow/http", BranchNames.Main, preview.DiffDigest)));
        Assert.StartsWith("policy denied action 'promote'", denied.Message, StringComparison.Ordinal);

        using var reviewerServer = fixture.Client("act-rev");
        var reviewer = reviewerServer.Graph("v");
        var head = (await reviewer.ListCommitsAsync()).Commits[0].GraphCommitId;
        await ErrorAssert.ThrowsAsync(ErrorCodes.InvalidPromotionDigest, () => reviewer.PromoteAsync(new PromotionRequest("shadow/http", BranchNames.Main, "not-a-digest")));
        await ErrorAssert.ThrowsAsync(ErrorCodes.PromotionDigestMismatch, () => reviewer.PromoteAsync(new PromotionRequest("shadow/http", BranchNames.Main, new string('0', 64))));
        await ErrorAssert.ThrowsAsync(ErrorCodes.Usage, () => reviewer.PromoteAsync(new PromotionRequest("shadow/http", BranchNames.Main, preview.DiffDigest) { Actor = "someone" }));
        Assert.Equal(head, (await reviewer.ListCommitsAsync()).Commits[0].GraphCommitId);

        var promotion = await reviewer.PromoteAsync(new PromotionRequest("shadow/http", BranchNames.Main, preview.DiffDigest));
        Assert.Equal(("shadow/http", BranchNames.Main, preview.DiffDigest, "act-rev"), (promotion.Source, promotion.Target, promotion.DiffDigest, promotion.Commit.ActorId));
        Assert.Equal(1, await PeopleNamedAsync(reviewer, "Promoted"));

        // The audit entry of the promotion commit names its source branch and the digest reviewed; the chain verifies.
        var entries = new List<AuditEntry>();
        await foreach (var entry in new AuditLog(new LocalDirectoryObjectStore(fixture.GraphFolder)).ReadAllAsync())
        {
            entries.Add(entry);
        }

        var promoted = Assert.Single(entries, e => e.Commit == promotion.Commit.GraphCommitId);
        Assert.Equal(("promote", "act-rev", BranchNames.Main, "shadow/http", preview.DiffDigest, 2), (promoted.Action, promoted.Actor, promoted.Branch, promoted.SourceBranch, promoted.DiffDigest, promoted.Format));
        Assert.True((await AuditVerifier.VerifyAsync(new LocalDirectoryObjectStore(fixture.GraphFolder))).IsIntact);

        // Revert: promote again, so the agent is refused (by the engine, on the promotion's own branches) and the reviewer is not, once.
        await ErrorAssert.ThrowsAsync(ErrorCodes.Forbidden, () => agent.RevertPromotionAsync(new PromotionRevertRequest(promotion.PromotionId)));
        var revert = await reviewer.RevertPromotionAsync(new PromotionRevertRequest(promotion.PromotionId));
        Assert.Equal((promotion.PromotionId, BranchNames.Main), (revert.PromotionId, revert.Target));
        Assert.Equal(0, await PeopleNamedAsync(reviewer, "Promoted"));
        await ErrorAssert.ThrowsAsync(ErrorCodes.PromotionAlreadyReverted, () => reviewer.RevertPromotionAsync(new PromotionRevertRequest(promotion.PromotionId)));
        await ErrorAssert.ThrowsAsync(ErrorCodes.PromotionNotFound, () => reviewer.RevertPromotionAsync(new PromotionRevertRequest("01M96ZA34R9VM7C4NA5QYKZBVN")));
    }

    [Fact]
    public async Task BadPromotionRequests_AreTypedErrors_AndWriteNothing()
    {
        using var reviewer = fixture.As("act-rev");
        var before = await CommitCountAsync(reviewer);
        using (var missing = await reviewer.PostAsync("graphs/v/promotions/preview", ServerFixture.Json("""{"target": "main"}""")))
        {
            await ErrorBody.AssertAsync(missing, HttpStatusCode.BadRequest, "invalid_request_body");
        }

        using (var unknownMember = await reviewer.PostAsync("graphs/v/promotions", ServerFixture.Json("""{"source": "x", "diff_digest": "y", "actor": "act-agent"}""")))
        {
            await ErrorBody.AssertAsync(unknownMember, HttpStatusCode.BadRequest, "invalid_request_body");
        }

        using (var noDigest = await reviewer.PostAsync("graphs/v/promotions", ServerFixture.Json("""{"source": "x"}""")))
        {
            await ErrorBody.AssertAsync(noDigest, HttpStatusCode.BadRequest, "invalid_request_body");
        }

        using (var unknownBranch = await reviewer.PostAsync("graphs/v/promotions/preview", ServerFixture.Json("""{"source": "no-such-branch"}""")))
        {
            await ErrorBody.AssertAsync(unknownBranch, HttpStatusCode.NotFound, "branch_not_found");
        }

        using (var itself = await reviewer.PostAsync("graphs/v/promotions/preview", ServerFixture.Json("""{"source": "main", "target": "main"}""")))
        {
            await ErrorBody.AssertAsync(itself, HttpStatusCode.BadRequest, "invalid_branch_operation");
        }

        using (var text = await reviewer.PostAsync("graphs/v/promotions", new StringContent("source=x", System.Text.Encoding.UTF8, "text/plain")))
        {
            await ErrorBody.AssertAsync(text, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        }

        using (var anonymous = new HttpClient { BaseAddress = fixture.Server.BaseAddress })
        using (var unauthenticated = await anonymous.PostAsync("graphs/v/promotions/01M96ZA34R9VM7C4NA5QYKZBVN/revert", null))
        {
            await ErrorBody.AssertAsync(unauthenticated, HttpStatusCode.Unauthorized, "unauthorized");
        }

        Assert.Equal(before, await CommitCountAsync(reviewer));
    }

    [Fact]
    public async Task AProtectedBranch_RefusesAMutationThatMatchesNoRow_LikeAnyOther()
    {
        using var max = fixture.As("act-max");
        var before = await CommitCountAsync(max);
        var body = JsonSerializer.Serialize(new { query = AcceptanceFixtures.MutationQueries, name = "set_age", @params = new { name = "Nobody", age = 1 }, branch = "main" });
        using (var noRow = await max.PostAsync("graphs/v/mutate", ServerFixture.Json(body)))
        {
            var error = await ErrorBody.AssertAsync(noRow, HttpStatusCode.Forbidden, "protected_branch");
            Assert.StartsWith("branch 'main' is protected", error.GetProperty("error").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await CommitCountAsync(max));
    }

    [Fact]
    public async Task AProtectedBranch_RefusesALoadAndASchemaApply_OverHttp()
    {
        // act-max may change any branch and apply schemas: the policy allows both, the protection refuses them.
        using var max = fixture.As("act-max");
        var before = await CommitCountAsync(max);
        var person = """{"type":"Person","data":{"name":"Loaded","age":3}}""";
        using (var load = await max.PostAsync("graphs/v/load", ServerFixture.Json(JsonSerializer.Serialize(new { data = person + "\n", mode = "merge", branch = "main" }))))
        {
            var error = await ErrorBody.AssertAsync(load, HttpStatusCode.Forbidden, "protected_branch");
            Assert.StartsWith("branch 'main' is protected", error.GetProperty("error").GetString(), StringComparison.Ordinal);
        }

        using (var streamed = new StringContent(person + "\n", System.Text.Encoding.UTF8, "application/x-ndjson"))
        using (var load = await max.PostAsync("graphs/v/load/ndjson?branch=main&mode=append", streamed))
        {
            await ErrorBody.AssertAsync(load, HttpStatusCode.Forbidden, "protected_branch");
        }

        var schema = AcceptanceFixtures.TestSchema + "\nnode Extra { key: String @key }\n";
        using (var apply = await max.PostAsync("graphs/v/schema/apply", ServerFixture.Json(JsonSerializer.Serialize(new { schema_source = schema }))))
        {
            var error = await ErrorBody.AssertAsync(apply, HttpStatusCode.Forbidden, "protected_branch");
            Assert.StartsWith("branch 'main' is protected", error.GetProperty("error").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await CommitCountAsync(max));
        using var shown = JsonDocument.Parse(await max.GetStringAsync("graphs/v/schema"));
        Assert.DoesNotContain("Extra", shown.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCli_PromotesOverServer_WithTheTokensActor()
    {
        using var agentServer = fixture.Client("act-agent");
        var agent = agentServer.Graph("v");
        await agent.CreateBranchAsync("shadow/cli");
        await agent.MutateAsync(new MutationRequest(AcceptanceFixtures.MutationQueries, "insert_person") { Parameters = """{"name":"ViaCli","age":9}""", Branch = "shadow/cli" });
        var server = fixture.Server.BaseAddress.AbsoluteUri;
        var previous = Environment.GetEnvironmentVariable("OMNIGRAPH_BEARER_TOKEN");
        try
        {
            Environment.SetEnvironmentVariable("OMNIGRAPH_BEARER_TOKEN", VersioningServerFixture.Tokens["act-rev"]);
            var preview = await InProcessCli.RunAsync("promote", "shadow/cli", "--preview", "--json", "--server", server, "--graph", "v");
            Assert.True(preview.ExitCode == 0, preview.Error);
            var digest = JsonDocument.Parse(preview.Out).RootElement.GetProperty("diff_digest").GetString()!;

            var spoofed = await InProcessCli.RunAsync("promote", "shadow/cli", "--confirm", digest, "--as", "act-agent", "--server", server, "--graph", "v");
            Assert.Equal(2, spoofed.ExitCode);
            Assert.Contains("--as cannot be used with --server", spoofed.Error, StringComparison.Ordinal);

            var confirmed = await InProcessCli.RunAsync("promote", "shadow/cli", "--confirm", digest, "--json", "--quiet", "--server", server, "--graph", "v");
            Assert.True(confirmed.ExitCode == 0, confirmed.Error);
            using var promotion = JsonDocument.Parse(confirmed.Out);
            Assert.Equal("act-rev", promotion.RootElement.GetProperty("commit").GetProperty("actor_id").GetString());

            var reverted = await InProcessCli.RunAsync("promote", "revert", promotion.RootElement.GetProperty("promotion_id").GetString()!, "--quiet", "--server", server, "--graph", "v");
            Assert.True(reverted.ExitCode == 0, reverted.Error);
            Assert.StartsWith("reverted promotion", reverted.Out, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("OMNIGRAPH_BEARER_TOKEN", previous);
        }
    }

    private static async Task<int> PeopleNamedAsync(IGraphService graph, string name)
    {
        var result = await graph.QueryAsync(new QueryRequest(AcceptanceFixtures.TestQueries, "get_person", JsonSerializer.Serialize(new { name }), QueryTarget.Head(BranchNames.Main)));
        return result.RowCount;
    }

    private static async Task<int> CommitCountAsync(HttpClient client)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync("graphs/v/commits"));
        return document.RootElement.GetProperty("commits").GetArrayLength();
    }
}

using System.Net;
using System.Text.Json;
using OmniGraph.Server.Tests.Support;
using OmniGraph.Testing.Fixtures;
using OmniGraph.Testing.IO;

namespace OmniGraph.Server.Tests.Routes;

/// <summary>
/// Routes 22–29 (branch create, delete, merge; a commit's changes, the change feed, a baseline) and the diff, on graph
/// <c>w</c>: every branch a test creates is deleted again, and main is never written.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class BranchAndChangeRouteTests(ServerFixture fixture)
{
    private static readonly string s_mutations = JsonSerializer.Serialize(AcceptanceFixtures.MutationQueries);

    [Fact]
    public async Task Branches_CreateMergeConflictDelete_WithTheirShapes()
    {
        using (var created = await fixture.Http.PostAsync("graphs/w/branches", ServerFixture.Json("""{"name": "http-a"}""")))
        {
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
            using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
            Assert.Equal(["uri", "from", "name", "incarnation", "forked_from"], body.RootElement.EnumerateObject().Select(static p => p.Name));
            Assert.Equal(("main", "http-a"), (body.RootElement.GetProperty("from").GetString(), body.RootElement.GetProperty("name").GetString()));
        }

        try
        {
            using (var again = await fixture.Http.PostAsync("graphs/w/branches", ServerFixture.Json("""{"name": "http-a"}""")))
            {
                await ErrorBody.AssertAsync(again, HttpStatusCode.Conflict, "branch_exists");
            }

            using (var bad = await fixture.Http.PostAsync("graphs/w/branches", ServerFixture.Json("""{"name": "bad branch"}""")))
            {
                await ErrorBody.AssertAsync(bad, HttpStatusCode.BadRequest, "invalid_branch_name");
            }

            using (var unknownMember = await fixture.Http.PostAsync("graphs/w/branches", ServerFixture.Json("""{"name": "x", "color": "red"}""")))
            {
                Assert.Equal(HttpStatusCode.BadRequest, unknownMember.StatusCode);
            }

            await CreateAsync("http-b", "main");
            await MutateAsync("set_age", """{"name": "Alice", "age": 31}""", "http-a");
            await MutateAsync("set_age", """{"name": "Alice", "age": 32}""", "http-b");
            using (var conflict = await fixture.Http.PostAsync("graphs/w/branches/merge", ServerFixture.Json("""{"source": "http-a", "target": "http-b"}""")))
            {
                var error = await ErrorBody.AssertAsync(conflict, HttpStatusCode.Conflict, "merge_conflicts");
                var item = error.GetProperty("merge_conflicts").EnumerateArray().Single();
                Assert.Equal(("divergent_update", "Alice"), (item.GetProperty("kind").GetString(), item.GetProperty("entity_id").GetString()));
            }

            using (var self = await fixture.Http.PostAsync("graphs/w/branches/merge", ServerFixture.Json("""{"source": "http-a", "target": "http-a"}""")))
            {
                await ErrorBody.AssertAsync(self, HttpStatusCode.BadRequest, "invalid_branch_operation");
            }

            await MutateAsync("set_age", """{"name": "Alice", "age": 31}""", "http-b");
            using (var merged = await fixture.Http.PostAsync("graphs/w/branches/merge", ServerFixture.Json("""{"source": "http-a", "target": "http-b", "delete_branch": true}""")))
            {
                Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
                using var body = JsonDocument.Parse(await merged.Content.ReadAsStringAsync());
                Assert.Equal("merged", body.RootElement.GetProperty("outcome").GetString());
                Assert.True(body.RootElement.GetProperty("branch_deleted").GetBoolean());
            }

            Assert.Equal("""{"branches":["http-b","main"]}""", await fixture.Http.GetStringAsync("graphs/w/branches"));
        }
        finally
        {
            await DeleteIfPresentAsync("http-b");
            await DeleteIfPresentAsync("http-a");
        }

        using var missing = await fixture.Http.DeleteAsync("graphs/w/branches/http-a");
        await ErrorBody.AssertAsync(missing, HttpStatusCode.NotFound, "branch_not_found");
        using var deleteMain = await fixture.Http.DeleteAsync("graphs/w/branches/main");
        await ErrorBody.AssertAsync(deleteMain, HttpStatusCode.BadRequest, "invalid_branch_operation");
        Assert.Equal("""{"branches":["main"]}""", await fixture.Http.GetStringAsync("graphs/w/branches"));
    }

    [Fact]
    public async Task Changes_Diff_CommitPages_Feed_AndBaseline()
    {
        await CreateAsync("http-feed");
        try
        {
            var baselineText = await (await fixture.Http.PostAsync("graphs/w/changes/baseline", ServerFixture.Json("""{"branch": "http-feed"}"""))).Content.ReadAsStringAsync();
            var lines = baselineText.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            using var baseline = JsonDocument.Parse(lines[^1]);
            var cursor = baseline.RootElement.GetProperty("baseline").GetProperty("resume_cursor").GetString()!;
            Assert.All(lines[..^1], static l => Assert.DoesNotContain("baseline", l, StringComparison.Ordinal));

            var eve = await MutateAsync("insert_person", """{"name": "Eve", "age": 22}""", "http-feed");
            using (var diff = JsonDocument.Parse(await fixture.Http.GetStringAsync("graphs/w/diff?from=main&to=http-feed")))
            {
                Assert.Equal("""[{"kind":"node","type_name":"Person","id":"Eve","op":"insert"}]""", diff.RootElement.GetProperty("changes").GetRawText());
            }

            using (var page = JsonDocument.Parse(await fixture.Http.GetStringAsync($"graphs/w/commits/{eve}/changes?limit=1")))
            {
                Assert.Equal("Eve", page.RootElement.GetProperty("changes")[0].GetProperty("id").GetString());
                Assert.False(page.RootElement.TryGetProperty("next_page_token", out _));
            }

            using (var feed = JsonDocument.Parse(await fixture.Http.GetStringAsync($"graphs/w/changes?branch=http-feed&cursor={Uri.EscapeDataString(cursor)}")))
            {
                Assert.Equal(eve, feed.RootElement.GetProperty("blocks")[0].GetProperty("cause").GetProperty("graph_commit_id").GetString());
                Assert.True(feed.RootElement.GetProperty("caught_up").GetBoolean());
            }

            using (var filtered = await fixture.Http.GetAsync($"graphs/w/changes?branch=http-feed&cursor={Uri.EscapeDataString(cursor)}&kind=node&op=insert"))
            {
                var error = await ErrorBody.AssertAsync(filtered, HttpStatusCode.BadRequest, "change_cursor_rejected");
                Assert.StartsWith("change cursor rejected", error.GetProperty("error").GetString(), StringComparison.Ordinal);
            }

            await AssertErrorAsync($"graphs/w/commits/{eve}/changes?limit=0", HttpStatusCode.BadRequest, "invalid_change_request");
            await AssertErrorAsync($"graphs/w/commits/{eve}/changes?limit=8193", HttpStatusCode.RequestEntityTooLarge, "resource_limit");
            await AssertErrorAsync($"graphs/w/commits/{eve}/changes?table_key=x", HttpStatusCode.BadRequest, "invalid_change_request");
            await AssertErrorAsync($"graphs/w/commits/{eve}/changes?kind=table", HttpStatusCode.BadRequest, "invalid_change_request");
            await AssertErrorAsync($"graphs/w/commits/{eve}/changes?page_token=nope", HttpStatusCode.BadRequest, "change_cursor_rejected");
            await AssertErrorAsync("graphs/w/commits/01M96ZA34R9VM7C4NA5QYKZBVN/changes", HttpStatusCode.NotFound, "commit_not_found");
            var genesis = await GenesisAsync();
            await AssertErrorAsync($"graphs/w/commits/{genesis}/changes", HttpStatusCode.Conflict, "parentless_commit");
            await AssertErrorAsync("graphs/w/changes?branch=missing", HttpStatusCode.NotFound, "branch_not_found");
            await AssertErrorAsync("graphs/w/changes?start=now&cursor=x", HttpStatusCode.BadRequest, "invalid_change_request");
            await AssertErrorAsync("graphs/w/diff?from=main", HttpStatusCode.BadRequest, "invalid_request_body");
        }
        finally
        {
            await DeleteIfPresentAsync("http-feed");
        }
    }

    [Fact]
    public async Task TheCli_DrivesBranchesAndChanges_OnAServer()
    {
        var server = fixture.Server.BaseAddress.AbsoluteUri;
        var created = await InProcessCli.RunAsync("branch", "create", "cli-b", "--server", server, "--graph", "w", "--quiet", "--json");
        Assert.True(created.ExitCode == 0, created.Error);
        try
        {
            var start = await InProcessCli.RunAsync("changes", "poll", "--branch", "cli-b", "--server", server, "--graph", "w", "--json");
            using var now = JsonDocument.Parse(start.Out);
            var cursor = now.RootElement.GetProperty("cursor").GetString()!;
            var commit = await MutateAsync("insert_person", """{"name": "Cli", "age": 5}""", "cli-b");
            var poll = await InProcessCli.RunAsync("changes", "poll", "--branch", "cli-b", "--cursor", cursor, "--server", server, "--graph", "w");
            Assert.True(poll.ExitCode == 0, poll.Error);
            Assert.Contains("node  Person  Cli  insert", poll.Out, StringComparison.Ordinal);

            var list = await InProcessCli.RunAsync("branch", "list", "--json", "--server", server, "--graph", "w");
            Assert.True(list.ExitCode == 0, list.Error);
            Assert.Contains("cli-b", JsonDocument.Parse(list.Out).RootElement.GetProperty("branches").EnumerateArray().Select(static b => b.GetString()));

            var shown = await InProcessCli.RunAsync("commit", "show", commit, "--json", "--server", server, "--graph", "w");
            Assert.True(shown.ExitCode == 0, shown.Error);
            Assert.Equal("cli-b", JsonDocument.Parse(shown.Out).RootElement.GetProperty("graph_branch").GetString());

            var changes = await InProcessCli.RunAsync("commit", "changes", commit, "--json", "--server", server, "--graph", "w");
            Assert.True(changes.ExitCode == 0, changes.Error);
            using (var page = JsonDocument.Parse(changes.Out))
            {
                var change = Assert.Single(page.RootElement.GetProperty("changes").EnumerateArray());
                Assert.Equal(("Cli", "insert"), (change.GetProperty("id").GetString(), change.GetProperty("op").GetString()));
            }

            // --page-token fetches exactly the page a token names (a token an HTTP client got from route 27).
            using (var commits = JsonDocument.Parse(await fixture.Http.GetStringAsync("graphs/w/commits")))
            {
                var load = commits.RootElement.GetProperty("commits").EnumerateArray().Reverse().ElementAt(1).GetProperty("graph_commit_id").GetString()!;
                using var first = JsonDocument.Parse(await fixture.Http.GetStringAsync($"graphs/w/commits/{load}/changes?limit=1"));
                var token = first.RootElement.GetProperty("next_page_token").GetString()!;
                var second = await InProcessCli.RunAsync("commit", "changes", load, "--limit", "1", "--page-token", token, "--json", "--server", server, "--graph", "w");
                Assert.True(second.ExitCode == 0, second.Error);
                using var page = JsonDocument.Parse(second.Out);
                Assert.NotEqual(first.RootElement.GetProperty("changes")[0].GetProperty("id").GetString(), Assert.Single(page.RootElement.GetProperty("changes").EnumerateArray()).GetProperty("id").GetString());
                Assert.True(page.RootElement.TryGetProperty("next_page_token", out _));
                var forged = await InProcessCli.RunAsync("commit", "changes", load, "--page-token", token + "x", "--server", server, "--graph", "w");
                Assert.Equal(1, forged.ExitCode);
                Assert.StartsWith("error[change_cursor_rejected]", forged.Error, StringComparison.Ordinal);
            }

            using (var folder = new TempDirectory())
            {
                var file = Path.Combine(folder.Path, "baseline.jsonl");
                var baseline = await InProcessCli.RunAsync("changes", "baseline", "--branch", "cli-b", "--type", "Person", "--out", file, "--json", "--server", server, "--graph", "w");
                Assert.True(baseline.ExitCode == 0, baseline.Error);
                var lines = await File.ReadAllLinesAsync(file);
                Assert.Contains(lines[..^1], static l => l.Contains("\"Cli\"", StringComparison.Ordinal));
                Assert.Equal(commit, JsonDocument.Parse(lines[^1]).RootElement.GetProperty("baseline").GetProperty("snapshot_commit_id").GetString());

                // load --from over HTTP: the missing branch is created at cli-b's head, then loaded (route 18's `from`).
                var data = Path.Combine(folder.Path, "more.jsonl");
                await File.WriteAllTextAsync(data, """{"type":"Person","data":{"name":"Loaded","age":6}}""" + "\n");
                var load = await InProcessCli.RunAsync("load", "--data", data, "--mode", "merge", "--branch", "cli-load", "--from", "cli-b", "--json", "--quiet", "--server", server, "--graph", "w");
                Assert.True(load.ExitCode == 0, load.Error);
                using var loaded = JsonDocument.Parse(load.Out);
                Assert.Equal(("cli-load", "cli-b", true), (loaded.RootElement.GetProperty("branch").GetString(), loaded.RootElement.GetProperty("base_branch").GetString(), loaded.RootElement.GetProperty("branch_created").GetBoolean()));
                using var both = JsonDocument.Parse(await fixture.Http.GetStringAsync("graphs/w/diff?from=main&to=cli-load"));
                Assert.Equal(["Cli", "Loaded"], both.RootElement.GetProperty("changes").EnumerateArray().Select(static c => c.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
            }

            var diff = await InProcessCli.RunAsync("diff", "main", "cli-b", "--server", server, "--graph", "w", "--json");
            Assert.Contains("\"id\": \"Cli\"", diff.Out, StringComparison.Ordinal);

            var merge = await InProcessCli.RunAsync("branch", "merge", "cli-b", "--into", "cli-b", "--server", server, "--graph", "w", "--quiet");
            Assert.Equal(1, merge.ExitCode);
            Assert.StartsWith("error[invalid_branch_operation]", merge.Error, StringComparison.Ordinal);
            var unconfirmed = await InProcessCli.RunAsync("branch", "delete", "cli-b", "--server", server, "--graph", "w", "--quiet");
            Assert.Equal(2, unconfirmed.ExitCode);
        }
        finally
        {
            await DeleteIfPresentAsync("cli-load");
            var deleted = await InProcessCli.RunAsync("branch", "delete", "cli-b", "--server", server, "--graph", "w", "--yes", "--quiet");
            Assert.True(deleted.ExitCode == 0, deleted.Error);
        }
    }

    private async Task CreateAsync(string name, string? from = null)
    {
        var body = from is null ? $$"""{"name": "{{name}}"}""" : $$"""{"name": "{{name}}", "from": "{{from}}"}""";
        using var response = await fixture.Http.PostAsync("graphs/w/branches", ServerFixture.Json(body));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task DeleteIfPresentAsync(string name)
    {
        using var response = await fixture.Http.DeleteAsync($"graphs/w/branches/{name}");
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, await response.Content.ReadAsStringAsync());
    }

    private async Task<string> MutateAsync(string name, string parameters, string branch)
    {
        using var response = await fixture.Http.PostAsync("graphs/w/mutate", ServerFixture.Json(
            $$$"""{"query": {{{s_mutations}}}, "name": "{{{name}}}", "params": {{{parameters}}}, "branch": "{{{branch}}}"}"""));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var receipt = JsonDocument.Parse(text);
        return receipt.RootElement.GetProperty("commit").GetProperty("graph_commit_id").GetString()!;
    }

    private async Task<string> GenesisAsync()
    {
        using var commits = JsonDocument.Parse(await fixture.Http.GetStringAsync("graphs/w/commits"));
        return commits.RootElement.GetProperty("commits").EnumerateArray().Last().GetProperty("graph_commit_id").GetString()!;
    }

    private async Task AssertErrorAsync(string path, HttpStatusCode status, string code)
    {
        using var response = await fixture.Http.GetAsync(path);
        await ErrorBody.AssertAsync(response, status, code);
    }
}

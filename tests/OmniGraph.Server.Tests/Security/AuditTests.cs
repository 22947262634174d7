using System.Net;
using System.Text;
using System.Text.Json;
using OmniGraph.Security;
using OmniGraph.Server.Tests.Support;
using OmniGraph.Storage;
using OmniGraph.Testing.IO;

namespace OmniGraph.Server.Tests.Security;

/// <summary>
/// Every write through the server lands in the graph's hash-chained audit log with the token's actor, its commit and
/// the rule that allowed it; a denied write lands as a denial; reads and refused inputs add nothing. <c>omnigraph audit
/// verify</c> and <c>audit list</c> read the log the server wrote, and a tampered copy is caught at the right entry.
/// Graph <c>a</c> is written only here.
/// </summary>
[Collection(SecuredServerCollection.Name)]
public sealed class AuditTests(SecuredServerFixture fixture)
{
    [Fact]
    public async Task WritesAndDenials_AreChained_AndTheCliVerifiesAndTampering_IsCaught()
    {
        var graph = Path.Combine(fixture.Root, "a");
        var start = (await EntriesAsync(graph)).Count;

        using var bruno = fixture.As("act-bruno");
        using var andrew = fixture.As("act-andrew");
        using var rita = fixture.As("act-rita");
        var mutated = await CommitOfAsync(await bruno.PostAsync("graphs/a/mutate", SecuredRoutes.NewPerson()));
        var loaded = await CommitOfAsync(await andrew.PostAsync("graphs/a/load/ndjson?mode=merge", SecuredRoutes.Ndjson(SecuredRoutes.CompanyLine())));
        using (var denied = await rita.PostAsync("graphs/a/load", SecuredRoutes.Json("""{"data": ""}""")))
        {
            await ErrorBody.AssertAsync(denied, HttpStatusCode.Forbidden, "forbidden");
        }

        // Neither a read, nor a write refused for its input (nothing was decided on it), nor a no-op write adds an entry.
        using (await rita.GetAsync("graphs/a/snapshot"))
        using (var malformed = await bruno.PostAsync("graphs/a/mutate", SecuredRoutes.Json("{")))
        {
            await ErrorBody.AssertAsync(malformed, HttpStatusCode.BadRequest, "invalid_request_body");
        }

        var entries = await EntriesAsync(graph);
        Assert.Equal(start + 3, entries.Count);
        var (write, load, denial) = (entries[start], entries[start + 1], entries[start + 2]);
        AssertEntry(write, "act-bruno", AuditDecisionKind.Allow, mutated, "writers-change");
        AssertEntry(load, "act-andrew", AuditDecisionKind.Allow, loaded, "writers-change");
        AssertEntry(denial, "act-rita", AuditDecisionKind.Deny, commit: null, rule: null);
        Assert.Equal(write.Hash, load.PreviousHash);
        Assert.Equal(load.Hash, denial.PreviousHash);

        // The CLI reads the log the server wrote, while the server runs.
        var verify = await InProcessCli.RunAsync("audit", "verify", graph);
        Assert.Equal(0, verify.ExitCode);
        Assert.StartsWith($"intact: {entries.Count} entries, head {entries.Count} hash {denial.Hash}", verify.Out, StringComparison.Ordinal);
        var list = await InProcessCli.RunAsync("audit", "list", graph, "--json");
        Assert.Equal(0, list.ExitCode);
        using (var listed = JsonDocument.Parse(list.Out))
        {
            var last = listed.RootElement.GetProperty("entries")[entries.Count - 1];
            Assert.Equal("act-rita", last.GetProperty("actor").GetString());
            Assert.Equal("deny", last.GetProperty("decision").GetString());
        }

        // A copy whose load entry names another actor (rewritten through the store, so its own checksum is fresh):
        // caught at that entry as modified, everything before it sound.
        using var modified = CopyGraph(graph);
        var store = new LocalDirectoryObjectStore(modified.Path);
        var loadKey = AuditKeys.Entry(load.Seq);
        var text = Encoding.UTF8.GetString((await store.GetAsync(loadKey)).Content.Span).Replace("\"act-andrew\"", "\"act-bruno\"", StringComparison.Ordinal);
        await store.PutAsync(loadKey, Encoding.UTF8.GetBytes(text), WriteCondition.None);
        var broken = await InProcessCli.RunAsync("audit", "verify", modified.Path);
        Assert.Equal(1, broken.ExitCode);
        Assert.StartsWith($"broken at entry {load.Seq} (modified)", broken.Out, StringComparison.Ordinal);

        // A copy with the mutation's entry removed: a gap.
        using var removed = CopyGraph(graph);
        await new LocalDirectoryObjectStore(removed.Path).DeleteAsync(AuditKeys.Entry(write.Seq), WriteCondition.None);
        var gap = await InProcessCli.RunAsync("audit", "verify", removed.Path, "--json");
        Assert.Equal(1, gap.ExitCode);
        using (var problem = JsonDocument.Parse(gap.Out))
        {
            var found = problem.RootElement.GetProperty("problem");
            Assert.Equal(write.Seq, found.GetProperty("seq").GetInt64());
            Assert.Equal("removed", found.GetProperty("kind").GetString());
        }

        // The original is untouched and still intact.
        Assert.Equal(0, (await InProcessCli.RunAsync("audit", "verify", graph)).ExitCode);
    }

    /// <summary>
    /// Branch create and delete publish no commit, so the front-end records their allowing decisions itself (before
    /// they run); a denied one is recorded as a denial. Each is its own entry of the one chain.
    /// </summary>
    [Fact]
    public async Task AllowedBranchCreateAndDelete_AreRecorded_AsADenialIs()
    {
        var graph = Path.Combine(fixture.Root, "a");
        var start = (await EntriesAsync(graph)).Count;
        var name = $"audited-{Guid.NewGuid():N}"[..20];

        using var bruno = fixture.As("act-bruno");
        using var rita = fixture.As("act-rita");
        using (var created = await bruno.PostAsync("graphs/a/branches", SecuredRoutes.Json($$"""{"name": "{{name}}"}""")))
        {
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        }

        using (var deleted = await bruno.DeleteAsync($"graphs/a/branches/{name}"))
        {
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        }

        using (var denied = await rita.PostAsync("graphs/a/branches", SecuredRoutes.Json("""{"name": "not-rita"}""")))
        {
            await ErrorBody.AssertAsync(denied, HttpStatusCode.Forbidden, "forbidden");
        }

        var entries = await EntriesAsync(graph);
        Assert.Equal(start + 3, entries.Count);
        var (create, delete, denial) = (entries[start], entries[start + 1], entries[start + 2]);
        Assert.Equal(("act-bruno", "branch_create", name, AuditDecisionKind.Allow, "writers-branch"), (create.Actor, create.Action, create.Branch, create.Decision, create.Rule));
        Assert.Equal(("act-bruno", "branch_delete", name, AuditDecisionKind.Allow, "writers-branch"), (delete.Actor, delete.Action, delete.Branch, delete.Decision, delete.Rule));
        Assert.Equal(("act-rita", "branch_create", "not-rita", AuditDecisionKind.Deny), (denial.Actor, denial.Action, denial.Branch, denial.Decision));
        Assert.All(entries.Skip(start), static entry => Assert.Null(entry.Commit));
        Assert.Equal(0, (await InProcessCli.RunAsync("audit", "verify", graph)).ExitCode);
    }

    private static void AssertEntry(AuditEntry entry, string actor, AuditDecisionKind decision, string? commit, string? rule)
    {
        Assert.Equal(actor, entry.Actor);
        Assert.Equal("change", entry.Action);
        Assert.Equal("a", entry.Graph);
        Assert.Equal("main", entry.Branch);
        Assert.Equal(decision, entry.Decision);
        Assert.Equal(commit, entry.Commit);
        Assert.Equal(rule, entry.Rule);
    }

    private static async Task<string> CommitOfAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            using var document = JsonDocument.Parse(text);
            return document.RootElement.GetProperty("commit").GetProperty("graph_commit_id").GetString()!;
        }
    }

    private static async Task<List<AuditEntry>> EntriesAsync(string graph)
    {
        var entries = new List<AuditEntry>();
        await foreach (var entry in new AuditLog(new LocalDirectoryObjectStore(graph)).ReadAllAsync())
        {
            entries.Add(entry);
        }

        return entries;
    }

    /// <summary>A copy of the graph's directory to damage (the served graph stays as it is).</summary>
    private static TempDirectory CopyGraph(string graph)
    {
        var copy = new TempDirectory();
        StoreFiles.CopyTree(graph, copy.Path);
        return copy;
    }
}

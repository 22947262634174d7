using OmniGraph.Cli.Tests.Support;

namespace OmniGraph.Cli.Tests.Promotion;

/// <summary>
/// <c>promote --preview|--confirm</c>, <c>promote revert</c> and <c>--policy</c> on a local graph: a protected main
/// refuses loads, mutations and merges; a shadow branch loaded <c>--from main</c> is promoted with the previewed
/// digest by an allowed actor, reverted once, every step audited and the chain verified; bad input is typed.
/// </summary>
public sealed class PromoteCommandTests : IAsyncLifetime
{
    private const string InsertEve = """query q() { insert Person { name: "Eve", age: 22 } }""";
    private const string Names = """query q() { match { $p: Person } return { $p.name } order { $p.name asc } }""";

    private const string Policy = """
        version: 1
        protected_branches: [main]
        groups:
          team: [dev, admin]
          admins: [admin]
        rules:
          - id: team-write
            allow: { actors: { group: team }, actions: [read, change], branch_scope: unprotected }
          - id: team-merge
            allow: { actors: { group: team }, actions: [branch_merge], target_branch_scope: unprotected }
          - id: admins-promote
            allow: { actors: { group: admins }, actions: [promote], target_branch_scope: protected }
        """;

    private readonly CliWorkspace _workspace = new();
    private string _policy = string.Empty;
    private string _more = string.Empty;

    public async Task InitializeAsync()
    {
        await _workspace.InitAndLoadAsync();
        _policy = _workspace.Write("policy.yaml", Policy);
        _more = _workspace.Write("more.jsonl", """{"type":"Person","data":{"name":"Zoe","age":33}}""" + "\n");
    }

    public Task DisposeAsync()
    {
        _workspace.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ShadowLoad_PreviewConfirmRevert_EndToEnd_AuditVerified()
    {
        var names = await NamesAsync("main");
        Assert.DoesNotContain("Zoe", names, StringComparison.Ordinal);

        // A protected main refuses direct writes, with --policy bound.
        var load = await CliRun.RunAsync("load", _workspace.Graph, "--data", _more, "--mode", "merge", "--as", "admin", "--policy", _policy, "--quiet");
        Assert.Equal(1, load.ExitCode);
        Assert.StartsWith("error[protected_branch]: branch 'main' is protected", load.Error, StringComparison.Ordinal);
        var mutate = await CliRun.RunAsync("mutate", "-e", InsertEve, "--store", _workspace.Graph, "--as", "admin", "--policy", _policy);
        Assert.StartsWith("error[protected_branch]:", mutate.Error, StringComparison.Ordinal);

        // Loads meant for main go to a shadow branch first.
        await CliRun.OkAsync("load", _workspace.Graph, "--data", _more, "--mode", "merge", "--branch", "shadow/zoe", "--from", "main", "--as", "dev", "--policy", _policy, "--quiet");
        Assert.Contains("Zoe", await NamesAsync("shadow/zoe"), StringComparison.Ordinal);
        var merge = await CliRun.RunAsync("branch", "merge", _workspace.Graph, "shadow/zoe", "--as", "admin", "--policy", _policy, "--quiet");
        Assert.StartsWith("error[protected_branch]:", merge.Error, StringComparison.Ordinal);

        var preview = (await CliRun.OkAsync("promote", _workspace.Graph, "shadow/zoe", "--into", "main", "--preview", "--json")).Json();
        Assert.Equal(["source", "target", "outcome", "source_commit_id", "target_commit_id", "base_commit_id", "tables", "conflicts", "diff_digest"], CliResult.Names(preview));
        Assert.Equal("fast_forward", preview.GetProperty("outcome").GetString());
        Assert.Equal("""[{"table":"node:Person","inserted":1,"updated":0,"deleted":0}]""", CliResult.Compact(preview.GetProperty("tables")));
        var digest = preview.GetProperty("diff_digest").GetString()!;
        var human = await CliRun.OkAsync("promote", _workspace.Graph, "shadow/zoe", "--preview");
        Assert.EndsWith($"DIFF_DIGEST {digest}\n", human.Out, StringComparison.Ordinal);

        var denied = await CliRun.RunAsync("promote", _workspace.Graph, "shadow/zoe", "--confirm", digest, "--as", "dev", "--policy", _policy, "--quiet");
        Assert.Equal("error[forbidden]: policy denied action 'promote' on branch 'shadow/zoe' targeting branch 'main' for actor 'dev'\n", denied.Error);

        var promoted = (await CliRun.OkAsync("promote", _workspace.Graph, "shadow/zoe", "--confirm", digest, "--as", "admin", "--policy", _policy, "--json", "--quiet")).Json();
        Assert.Equal(["promotion_id", "source", "target", "diff_digest", "source_commit_id", "target_commit_id", "commit", "tables", "promoted_at"], CliResult.Names(promoted));
        Assert.Equal(digest, promoted.GetProperty("diff_digest").GetString());
        Assert.Contains("Zoe", await NamesAsync("main"), StringComparison.Ordinal);
        var promotionId = promoted.GetProperty("promotion_id").GetString()!;

        var reverted = await CliRun.OkAsync("promote", "revert", _workspace.Graph, promotionId, "--as", "admin", "--policy", _policy, "--quiet");
        Assert.StartsWith($"reverted promotion {promotionId} on main: commit ", reverted.Out, StringComparison.Ordinal);
        Assert.Equal(names, await NamesAsync("main"));

        var twice = await CliRun.RunAsync("promote", "revert", _workspace.Graph, promotionId, "--as", "admin", "--policy", _policy, "--quiet");
        Assert.Equal(1, twice.ExitCode);
        Assert.StartsWith("error[promotion_already_reverted]:", twice.Error, StringComparison.Ordinal);

        // Every write under --policy is audited: the shadow load, the denial, the promotion, the revert.
        var audit = (await CliRun.OkAsync("audit", "verify", _workspace.Graph, "--json")).Json();
        Assert.True(audit.GetProperty("intact").GetBoolean());
        var list = await CliRun.OkAsync("audit", "list", _workspace.Graph, "--json");
        Assert.Equal(3, CountOf(list.Out, "\"promote\""));
    }

    [Fact]
    public async Task BadInput_IsTyped_AndWritesNothing()
    {
        await CliRun.OkAsync("branch", "create", _workspace.Graph, "shadow/x", "--quiet");
        await CliRun.OkAsync("mutate", "-e", InsertEve, "--store", _workspace.Graph, "--branch", "shadow/x");
        var before = _workspace.GraphFiles();

        var neither = await CliRun.RunAsync("promote", _workspace.Graph, "shadow/x");
        Assert.Equal(2, neither.ExitCode);
        Assert.StartsWith("error[usage]: promote needs exactly one of --preview", neither.Error, StringComparison.Ordinal);
        var both = await CliRun.RunAsync("promote", _workspace.Graph, "shadow/x", "--preview", "--confirm", new string('0', 64));
        Assert.Equal(2, both.ExitCode);

        var malformed = await CliRun.RunAsync("promote", _workspace.Graph, "shadow/x", "--confirm", "abc", "--quiet");
        Assert.StartsWith("error[invalid_promotion_digest]:", malformed.Error, StringComparison.Ordinal);
        var wrong = await CliRun.RunAsync("promote", _workspace.Graph, "shadow/x", "--confirm", new string('0', 64), "--quiet");
        Assert.Equal(1, wrong.ExitCode);
        Assert.StartsWith("error[promotion_digest_mismatch]:", wrong.Error, StringComparison.Ordinal);
        var unknown = await CliRun.RunAsync("promote", "revert", _workspace.Graph, "01ARZ3NDEKTSV4RRFFQ69G5FAV", "--quiet");
        Assert.StartsWith("error[promotion_not_found]:", unknown.Error, StringComparison.Ordinal);
        var served = await CliRun.RunAsync("load", "--server", "http://localhost:1", "--graph", "g", "--data", _more, "--mode", "merge", "--policy", _policy);
        Assert.StartsWith("error[usage]: --policy binds a policy to a local graph", served.Error, StringComparison.Ordinal);

        Assert.Equal(before, _workspace.GraphFiles());
    }

    private async Task<string> NamesAsync(string branch) =>
        (await CliRun.OkAsync("query", "-e", Names, "--store", _workspace.Graph, "--branch", branch)).Out;

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;
}

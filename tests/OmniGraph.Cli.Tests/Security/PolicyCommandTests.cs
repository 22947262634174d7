using OmniGraph.Cli.Tests.Support;

namespace OmniGraph.Cli.Tests.Security;

/// <summary><c>omnigraph policy validate|test|explain</c>, in process with buffers.</summary>
public sealed class PolicyCommandTests : IDisposable
{
    private const string Bundle = """
        version: 1
        groups:
          team: [act-andrew, act-bruno, act-ragnor]
          admins: [act-ragnor]
        protected_branches: [main]
        rules:
          - id: team-read
            allow: { actors: { group: team }, actions: [read], branch_scope: any }
          - id: team-change
            allow: { actors: { group: team }, actions: [change], branch_scope: unprotected }
          - id: admins-merge
            allow: { actors: { group: admins }, actions: [branch_delete, branch_merge], target_branch_scope: protected }
        """;

    private readonly CliWorkspace _workspace = new();
    private readonly string _bundle;

    public PolicyCommandTests() => _bundle = _workspace.Write("policy.yaml", Bundle);

    [Fact]
    public async Task Validate_CountsGroupsActorsAndRules()
    {
        var text = await CliRun.OkAsync("policy", "validate", _bundle);
        Assert.Equal($"{_bundle}: valid graph bundle (version 1): 2 groups, 3 actors, 3 rules; protected branches: main\n", text.Out);

        var json = (await CliRun.OkAsync("policy", "validate", _bundle, "--json")).Json();
        Assert.Equal(["file", "version", "kind", "groups", "actors", "rules", "protected_branches"], CliResult.Names(json));
        Assert.Equal("graph", json.GetProperty("kind").GetString());
        Assert.Equal(3, json.GetProperty("actors").GetInt32());
    }

    [Fact]
    public async Task Validate_OfABadBundle_ExitsOneWithCodeAndPosition()
    {
        var bad = _workspace.Write("bad.yaml", Bundle + "\n  - id: extra\n    allow:\n      actors: { group: team }\n      actions: [read]\n      owner: me\n");

        var result = await CliRun.RunAsync("policy", "validate", bad);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.True(result.Error.StartsWith($"error[policy_unknown_field]: {bad}: line 17, column 7: unknown field 'owner'", StringComparison.Ordinal), result.Error);

        var json = await CliRun.RunAsync("policy", "validate", bad, "--json");
        Assert.Equal("policy_unknown_field", json.Json().GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Validate_OfAMissingFile_IsFileNotFound()
    {
        var result = await CliRun.RunAsync("policy", "validate", _workspace.Write("x", "") + ".missing");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error[file_not_found]", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_PrintsEachCase_AndExitsOneOnAMismatch()
    {
        var passing = _workspace.Write("cases.yaml", """
            version: 1
            cases:
              - { id: bruno-reads, actor: act-bruno, action: read, branch: main, expect: allow }
              - { id: bruno-main, actor: act-bruno, action: change, branch: main, expect: deny }
              - { id: ragnor-merge, actor: act-ragnor, action: branch_merge, branch: dev, target_branch: main, expect: allow }
            """);
        var ok = await CliRun.OkAsync("policy", "test", _bundle, "--cases", passing);
        Assert.Equal(
            "ok    bruno-reads: allow (rule team-read)\n" +
            "ok    bruno-main: deny (policy denied action 'change' on branch 'main' for actor 'act-bruno')\n" +
            "ok    ragnor-merge: allow (rule admins-merge)\n" +
            "3 cases: 3 as expected, 0 not\n",
            ok.Out);

        var failing = _workspace.Write("failing.yaml", "version: 1\ncases:\n  - { id: wrong, actor: act-andrew, action: export, expect: allow }\n");
        var result = await CliRun.RunAsync("policy", "test", _bundle, "--tests", failing, "--json");
        Assert.Equal(1, result.ExitCode);
        var json = result.Json();
        Assert.Equal(0, json.GetProperty("passed").GetInt32());
        Assert.Equal(1, json.GetProperty("failed").GetInt32());
        var only = json.GetProperty("cases")[0];
        Assert.Equal(["id", "actor", "action", "branch", "target_branch", "expect", "decision", "rule", "passed"], CliResult.Names(only));
        Assert.Equal("deny", only.GetProperty("decision").GetString());
    }

    [Fact]
    public async Task Test_WithoutCases_IsAUsageError()
    {
        var result = await CliRun.RunAsync("policy", "test", _bundle);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--cases", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_ShowsTheDecisionTheRuleAndWhy()
    {
        var allowed = await CliRun.OkAsync("policy", "explain", _bundle, "--actor", "act-ragnor", "--action", "branch_merge", "--branch", "dev", "--target-branch", "main");
        Assert.StartsWith("allow: rule admins-merge (policy id admins-merge:branch_merge)\nactor act-ragnor: admins, team\nbranch dev: not protected\ntarget branch main: protected\n", allowed.Out, StringComparison.Ordinal);
        Assert.Contains("RULE", allowed.Out, StringComparison.Ordinal);

        var denied = (await CliRun.OkAsync("policy", "explain", _bundle, "--actor", "act-bruno", "--action", "change", "--branch", "main", "--json")).Json();
        Assert.Equal("deny", denied.GetProperty("decision").GetString());
        Assert.Equal("policy denied action 'change' on branch 'main' for actor 'act-bruno'", denied.GetProperty("message").GetString());
        Assert.True(denied.GetProperty("branch_is_protected").GetBoolean());
        var change = denied.GetProperty("rules").EnumerateArray().Single(static r => r.GetProperty("id").GetString() == "team-change");
        Assert.True(change.GetProperty("actor_in_group").GetBoolean());
        Assert.False(change.GetProperty("condition_holds").GetBoolean());

        var unknown = await CliRun.OkAsync("policy", "explain", _bundle, "--actor", "act-x", "--action", "read");
        Assert.StartsWith("deny: policy denied action 'read' for unknown actor 'act-x'\nactor act-x: no group (unknown to this policy)\n", unknown.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_OfAnUnknownAction_IsAUsageError()
    {
        var result = await CliRun.RunAsync("policy", "explain", _bundle, "--actor", "a", "--action", "mutate");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error[usage]: --action 'mutate' is not a policy action", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _workspace.Dispose();
}

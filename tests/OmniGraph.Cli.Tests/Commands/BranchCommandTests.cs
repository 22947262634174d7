using OmniGraph.Cli.Tests.Support;

namespace OmniGraph.Cli.Tests.Commands;

/// <summary>
/// <c>branch create|list|delete|merge</c>, <c>load --from</c>, <c>commit list|show</c> with merge commits and
/// <c>query --snapshot</c> across branches: JSON shapes, human forms, typed errors and exit codes.
/// </summary>
public sealed class BranchCommandTests : LoadedWorkspaceTests
{
    private const string InsertEve = """query q() { insert Person { name: "Eve", age: 22 } }""";
    private const string SetAlice31 = """query q() { update Person set { age: 31 } where name = "Alice" }""";
    private const string SetAlice32 = """query q() { update Person set { age: 32 } where name = "Alice" }""";
    private const string Names = """query q() { match { $p: Person } return { $p.name } order { $p.name asc } }""";

    [Fact]
    public async Task CreateListDelete_JsonShapes()
    {
        var head = (await CliRun.OkAsync("commit", "list", Workspace.Graph, "--json")).Json().GetProperty("commits")[0];

        var created = (await CliRun.OkAsync("branch", "create", Workspace.Graph, "feature", "--json", "--quiet")).Json();

        Assert.Equal(["uri", "from", "name", "incarnation", "forked_from"], CliResult.Names(created));
        Assert.Equal((Workspace.Graph, "main", "feature"), (created.GetProperty("uri").GetString(), created.GetProperty("from").GetString(), created.GetProperty("name").GetString()));
        var fork = created.GetProperty("forked_from");
        Assert.Equal(["branch", "commit_id", "manifest_version"], CliResult.Names(fork));
        Assert.Equal("main", fork.GetProperty("branch").GetString());
        Assert.Equal(head.GetProperty("graph_commit_id").GetString(), fork.GetProperty("commit_id").GetString());
        Assert.Equal(2, fork.GetProperty("manifest_version").GetInt64());

        var list = (await CliRun.OkAsync("branch", "list", "--store", Workspace.Graph, "--json")).Json();
        Assert.Equal("""{"branches":["feature","main"]}""", CliResult.Compact(list));

        var deleted = (await CliRun.OkAsync("branch", "delete", Workspace.Graph, "feature", "--json", "--quiet")).Json();
        Assert.Equal(["uri", "name", "incarnation", "reclaimed_objects", "reclaimed"], CliResult.Names(deleted));
        Assert.Equal(created.GetProperty("incarnation").GetString(), deleted.GetProperty("incarnation").GetString());
        Assert.True(deleted.GetProperty("reclaimed").GetBoolean());
        Assert.Equal("""{"branches":["main"]}""", CliResult.Compact((await CliRun.OkAsync("branch", "list", Workspace.Graph, "--json")).Json()));
    }

    [Fact]
    public async Task Human_ForkPointsAndEchoes()
    {
        var create = await CliRun.OkAsync("branch", "create", "--uri", Workspace.Graph, "feature");
        Assert.StartsWith("creating branch feature from main in ", create.Error, StringComparison.Ordinal);
        Assert.StartsWith("created branch feature from main@v2 (", create.Out, StringComparison.Ordinal);
        await CliRun.OkAsync("branch", "create", Workspace.Graph, "a-first", "--quiet");

        Assert.Equal("a-first\nfeature\nmain\n", (await CliRun.OkAsync("branch", "list", Workspace.Graph)).Out);
    }

    [Theory]
    [InlineData("create", "main", "invalid_branch_name", "invalid branch name 'main': cannot create branch 'main': it always exists")]
    [InlineData("create", "bad branch", "invalid_branch_name", "invalid branch name 'bad branch': ' ' is not allowed (letters, digits, '.', '-', '_' and '/')")]
    [InlineData("create", "kept", "branch_exists", "branch 'kept' already exists")]
    [InlineData("create", "kept/child", "branch_name_collision", "branch 'kept/child' collides with live branch 'kept': live branch names may not be path ancestors or descendants of each other")]
    [InlineData("delete", "main", "invalid_branch_operation", "cannot delete branch 'main': main always exists")]
    [InlineData("delete", "nope", "branch_not_found", "branch 'nope' not found")]
    [InlineData("merge", "main", "invalid_branch_operation", "a merge needs distinct source and target branches (both are 'main')")]
    [InlineData("merge", "nope", "branch_not_found", "branch 'nope' not found")]
    public async Task BadRequests_AreTypedErrors_AndChangeNothing(string verb, string name, string code, string message)
    {
        await CliRun.OkAsync("branch", "create", Workspace.Graph, "kept", "--quiet");
        var before = Workspace.GraphFiles();

        var result = await CliRun.RunAsync("branch", verb, Workspace.Graph, name, "--json", "--quiet");

        Assert.Equal(1, result.ExitCode);
        var error = result.Json().GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.Equal($"error[{code}]: {message}\n", result.Error);
        Assert.Equal(before, Workspace.GraphFiles());
    }

    [Fact]
    public async Task LoadFrom_CreatesTheBranch_Once()
    {
        var eve = Workspace.Write("eve.jsonl", """{"type":"Person","data":{"name":"Eve","age":22}}""" + "\n");
        var missing = await CliRun.RunAsync("load", Workspace.Graph, "--data", eve, "--mode", "append", "--branch", "feature", "--json", "--quiet");
        Assert.Equal("branch_not_found", missing.Json().GetProperty("error").GetProperty("code").GetString());

        var first = (await CliRun.OkAsync("load", Workspace.Graph, "--data", eve, "--mode", "merge", "--branch", "feature", "--from", "main", "--json", "--quiet")).Json();
        Assert.Equal(("feature", "main", true), (first.GetProperty("branch").GetString(), first.GetProperty("base_branch").GetString(), first.GetProperty("branch_created").GetBoolean()));
        Assert.Equal("feature", first.GetProperty("commit").GetProperty("graph_branch").GetString());

        var again = (await CliRun.OkAsync("load", Workspace.Graph, "--data", eve, "--mode", "merge", "--branch", "feature", "--from", "main", "--json", "--quiet")).Json();
        Assert.False(again.GetProperty("branch_created").GetBoolean());
        Assert.DoesNotContain("Eve", (await CliRun.OkAsync("query", "-e", Names, "--store", Workspace.Graph, "--format", "csv")).Out, StringComparison.Ordinal);
        Assert.Contains("Eve", (await CliRun.OkAsync("query", "-e", Names, "--store", Workspace.Graph, "--branch", "feature", "--format", "csv")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_FastForward_ThenTheCommitGraphShowsBothParents()
    {
        await CliRun.OkAsync("branch", "create", Workspace.Graph, "feature", "--quiet");
        var change = (await CliRun.OkAsync("mutate", "-e", InsertEve, "--store", Workspace.Graph, "--branch", "feature", "--json")).Json();
        var featureHead = change.GetProperty("commit").GetProperty("graph_commit_id").GetString();
        var mainHead = (await CliRun.OkAsync("commit", "list", Workspace.Graph, "--json")).Json().GetProperty("commits")[0].GetProperty("graph_commit_id").GetString();

        var merge = (await CliRun.OkAsync("branch", "merge", Workspace.Graph, "feature", "--as", "ann", "--json", "--quiet")).Json();

        Assert.Equal(["source", "target", "outcome", "actor_id", "source_commit_id", "base_commit_id", "commit", "tables"], CliResult.Names(merge));
        Assert.Equal("ann", merge.GetProperty("actor_id").GetString());
        Assert.Equal(("feature", "main", "fast_forward"), (merge.GetProperty("source").GetString(), merge.GetProperty("target").GetString(), merge.GetProperty("outcome").GetString()));
        Assert.Equal(mainHead, merge.GetProperty("base_commit_id").GetString());
        var commit = merge.GetProperty("commit");
        Assert.Equal((mainHead, featureHead, "ann"), (commit.GetProperty("parent_commit_id").GetString(), commit.GetProperty("merged_parent_commit_id").GetString(), commit.GetProperty("actor_id").GetString()));
        Assert.Equal("""[{"table":"node:Person","inserted":1,"updated":0,"deleted":0}]""", CliResult.Compact(merge.GetProperty("tables")));

        var newest = (await CliRun.OkAsync("commit", "list", Workspace.Graph, "--json")).Json().GetProperty("commits")[0];
        Assert.Equal(CliResult.Compact(commit), CliResult.Compact(newest));
        var show = (await CliRun.OkAsync("commit", "show", Workspace.Graph, commit.GetProperty("graph_commit_id").GetString()!)).Out;
        Assert.Contains($"parent: {mainHead}\nmerged parent: {featureHead}\n", show, StringComparison.Ordinal);
        var human = (await CliRun.OkAsync("commit", "list", Workspace.Graph)).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("COMMIT", human[0], StringComparison.Ordinal);
        Assert.Contains("MERGED PARENT", human[0], StringComparison.Ordinal);
        Assert.Contains(featureHead!, human[1], StringComparison.Ordinal);
        Assert.Contains("Eve", (await CliRun.OkAsync("query", "-e", Names, "--store", Workspace.Graph, "--format", "csv")).Out, StringComparison.Ordinal);

        var again = await CliRun.OkAsync("branch", "merge", Workspace.Graph, "feature", "--quiet");
        Assert.Equal("main is already up to date with feature\n", again.Out);
    }

    [Fact]
    public async Task Merge_Conflicts_ListEveryConflict_WriteNothing_AndExit1()
    {
        await CliRun.OkAsync("branch", "create", Workspace.Graph, "feature", "--quiet");
        await CliRun.OkAsync("mutate", "-e", SetAlice31, "--store", Workspace.Graph, "--branch", "feature");
        await CliRun.OkAsync("mutate", "-e", SetAlice32, "--store", Workspace.Graph);
        var before = Workspace.GraphFiles();

        var json = await CliRun.RunAsync("branch", "merge", Workspace.Graph, "feature", "--json", "--quiet");

        Assert.Equal(1, json.ExitCode);
        var error = json.Json().GetProperty("error");
        Assert.Equal(["code", "message", "merge_conflicts"], CliResult.Names(error));
        Assert.Equal("merge_conflicts", error.GetProperty("code").GetString());
        var conflict = Assert.Single(error.GetProperty("merge_conflicts").EnumerateArray().ToArray());
        Assert.Equal(["entity_kind", "type_name", "table", "entity_id", "kind", "message"], CliResult.Names(conflict));
        Assert.Equal(("node", "Person", "Alice", "divergent_update"), (conflict.GetProperty("entity_kind").GetString(), conflict.GetProperty("type_name").GetString(), conflict.GetProperty("entity_id").GetString(), conflict.GetProperty("kind").GetString()));
        Assert.Equal("changed on both branches to different values (age: base 30, source 31, target 32)", conflict.GetProperty("message").GetString());
        Assert.StartsWith("error[merge_conflicts]: merging 'feature' into 'main' found 1 conflict; nothing was written: divergent_update node:Person 'Alice'", json.Error, StringComparison.Ordinal);

        var human = await CliRun.RunAsync("branch", "merge", Workspace.Graph, "feature", "--quiet");
        Assert.Equal(1, human.ExitCode);
        Assert.StartsWith("KIND              TABLE        ENTITY  CONFLICT\ndivergent_update  node:Person  Alice   changed on both branches", human.Out, StringComparison.Ordinal);
        Assert.Equal(before, Workspace.GraphFiles());
    }

    [Fact]
    public async Task Merge_DeleteBranch_DeletesTheSource_AndItsCommitsAreNoLongerServed()
    {
        await CliRun.OkAsync("branch", "create", Workspace.Graph, "feature", "--quiet");
        var featureHead = (await CliRun.OkAsync("mutate", "-e", InsertEve, "--store", Workspace.Graph, "--branch", "feature", "--json")).Json()
            .GetProperty("commit").GetProperty("graph_commit_id").GetString()!;

        // A snapshot of another branch reads across branches by commit id.
        Assert.Contains("Eve", (await CliRun.OkAsync("query", "-e", Names, "--store", Workspace.Graph, "--snapshot", featureHead, "--format", "csv")).Out, StringComparison.Ordinal);

        var merge = (await CliRun.OkAsync("branch", "merge", "--store", Workspace.Graph, "feature", "--into", "main", "--delete-branch", "--json", "--quiet")).Json();
        Assert.True(merge.GetProperty("branch_deleted").GetBoolean());
        Assert.False(merge.TryGetProperty("branch_delete_error", out _));
        Assert.Equal("main\n", (await CliRun.OkAsync("branch", "list", Workspace.Graph)).Out);

        var show = await CliRun.RunAsync("commit", "show", Workspace.Graph, featureHead);
        Assert.Equal(1, show.ExitCode);
        Assert.StartsWith($"error[stale_branch_incarnation]: commit '{featureHead}' belongs to branch 'feature', which was deleted", show.Error, StringComparison.Ordinal);
        var query = await CliRun.RunAsync("query", "-e", Names, "--store", Workspace.Graph, "--snapshot", featureHead);
        Assert.StartsWith("error[stale_branch_incarnation]:", query.Error, StringComparison.Ordinal);
        Assert.Contains("Eve", (await CliRun.OkAsync("query", "-e", Names, "--store", Workspace.Graph, "--format", "csv")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BranchCommands_NeedAGraphOnce()
    {
        var none = await CliRun.RunAsync("branch", "list");
        Assert.Equal(2, none.ExitCode);
        var twice = await CliRun.RunAsync("branch", "create", Workspace.Graph, "x", "--store", Workspace.Graph);
        Assert.Equal(2, twice.ExitCode);
        Assert.Equal("error[usage]: the graph is given twice (URI and --store); give it once\n", twice.Error);
        var group = await CliRun.RunAsync("branch");
        Assert.Equal("error[usage]: 'branch' needs a subcommand (try omnigraph branch --help)\n", group.Error);
    }
}

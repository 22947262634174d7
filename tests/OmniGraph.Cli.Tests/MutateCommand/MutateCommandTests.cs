using System.Text.Json;
using OmniGraph.Cli.Tests.Support;

namespace OmniGraph.Cli.Tests.MutateCommand;

/// <summary><c>omnigraph mutate</c> (and its deprecated alias <c>change</c>): the <c>ChangeOutput</c> receipt, no-ops, compare-and-swap with exit code 4, and typed errors that change nothing.</summary>
public sealed class MutateCommandTests : IAsyncLifetime
{
    private const string Mutations = """
        query insert_person($name: String, $age: I32) { insert Person { name: $name, age: $age } }
        query set_age($name: String, $age: I32) { update Person set { age: $age } where name = $name }
        query remove_person($name: String) { delete Person where name = $name }
        """;

    private readonly CliWorkspace _workspace = new();
    private string _queries = null!;

    public async Task InitializeAsync()
    {
        await _workspace.InitAndLoadAsync();
        _queries = _workspace.Write("m.gq", Mutations);
    }

    public Task DisposeAsync()
    {
        _workspace.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>AC-52: the receipt's shape, and its commit is the head commit <c>commit list</c> shows.</summary>
    [Fact]
    public async Task Change_Json_PrintsTheChangeOutput_WithTheHeadCommit()
    {
        var result = await CliRun.OkAsync("change", "--store", _workspace.Graph, "--query", _queries, "insert_person", "--params", """{"name":"Eve","age":29}""", "--json");

        var json = result.Json();
        Assert.Equal(["branch", "query_name", "affected_nodes", "affected_edges", "inserted_nodes", "replaced_nodes", "actor_id", "commit"], CliResult.Names(json));
        Assert.Equal("main", json.GetProperty("branch").GetString());
        Assert.Equal("insert_person", json.GetProperty("query_name").GetString());
        Assert.Equal(1, json.GetProperty("affected_nodes").GetInt64());
        Assert.Equal(0, json.GetProperty("affected_edges").GetInt64());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("actor_id").ValueKind);
        var commit = json.GetProperty("commit");
        Assert.Equal(3, commit.GetProperty("graph_manifest_version").GetInt64());
        var head = (await CliRun.OkAsync("commit", "list", _workspace.Graph, "--json")).Json().GetProperty("commits")[0];
        Assert.Equal(CliResult.Compact(head), CliResult.Compact(commit));
        Assert.Contains("`omnigraph change` is deprecated", result.Error, StringComparison.Ordinal);
        Assert.Contains("`omnigraph mutate`", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mutate_NoOp_PrintsANullCommit_AndPublishesNothing()
    {
        var before = await GraphState.CaptureAsync(_workspace.Graph);

        var result = await CliRun.OkAsync("mutate", "--store", _workspace.Graph, "-e", """query no_match() { update Person set { age: 99 } where name = "Nobody" }""", "--json");

        var json = result.Json();
        Assert.Equal(JsonValueKind.Null, json.GetProperty("commit").ValueKind);
        Assert.Equal(0, json.GetProperty("affected_nodes").GetInt64());
        Assert.Equal("no_match", json.GetProperty("query_name").GetString());
        Assert.DoesNotContain("deprecated", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await GraphState.CaptureAsync(_workspace.Graph));
    }

    [Fact]
    public async Task Mutate_Human_SaysWhatChanged()
    {
        var changed = await CliRun.OkAsync("mutate", "--store", _workspace.Graph, "--query", _queries, "remove_person", "--params", """{"name":"Alice"}""");
        var nothing = await CliRun.OkAsync("mutate", "--store", _workspace.Graph, "--query", _queries, "remove_person", "--params", """{"name":"Alice"}""");

        Assert.Matches(@"^mutation remove_person on branch main: 1 nodes and 3 edges affected, commit [0-9A-Z]{26} \(version 3\)\n$", changed.Out);
        Assert.Equal("mutation remove_person on branch main: 0 nodes and 0 edges affected, nothing changed (no commit)\n", nothing.Out);
    }

    /// <summary>An insert says whether it added a node or replaced an existing one with the same key (an upsert that drops the node's other properties).</summary>
    [Fact]
    public async Task Mutate_Insert_SaysWhetherItAddedOrReplacedANode()
    {
        var added = await CliRun.OkAsync("mutate", "--store", _workspace.Graph, "--query", _queries, "insert_person", "--params", """{"name":"Eve","age":29}""");
        var replaced = await CliRun.OkAsync("mutate", "--store", _workspace.Graph, "--query", _queries, "insert_person", "--params", """{"name":"Alice","age":77}""", "--json");

        Assert.Matches(@"^mutation insert_person on branch main: 1 nodes and 0 edges affected \(1 new node inserted\), commit [0-9A-Z]{26} \(version 3\)\n$", added.Out);
        var json = replaced.Json();
        Assert.Equal(0, json.GetProperty("inserted_nodes").GetInt64());
        Assert.Equal(1, json.GetProperty("replaced_nodes").GetInt64());
        var human = await CliRun.OkAsync("mutate", "--store", _workspace.Graph, "--query", _queries, "insert_person", "--params", """{"name":"Bob","age":1}""");
        Assert.Contains("(1 existing node replaced by an insert with the same key (properties it did not assign are now null))", human.Out, StringComparison.Ordinal);
    }

    /// <summary>AC-52: a lost compare-and-swap exits with 4, prints the structured failure on standard output with --json, and writes nothing.</summary>
    [Fact]
    public async Task Mutate_WithAStaleIfCommit_ExitsWith4_AndPrintsThePreconditionFailure()
    {
        var stale = (await CliRun.OkAsync("commit", "list", _workspace.Graph, "--json")).Json().GetProperty("commits")[0].GetProperty("graph_commit_id").GetString()!;
        await CliRun.OkAsync("mutate", "--store", _workspace.Graph, "--query", _queries, "set_age", "--params", """{"name":"Alice","age":31}""");
        var current = (await CliRun.OkAsync("commit", "list", _workspace.Graph, "--json")).Json().GetProperty("commits")[0].GetProperty("graph_commit_id").GetString()!;
        var before = await GraphState.CaptureAsync(_workspace.Graph);

        var result = await CliRun.RunAsync("mutate", "--store", _workspace.Graph, "--query", _queries, "set_age", "--params", """{"name":"Alice","age":52}""", "--if-commit", stale, "--json");

        Assert.Equal(4, result.ExitCode);
        var failure = result.Json().GetProperty("precondition_failure");
        Assert.Equal(stale, failure.GetProperty("expected").GetString());
        Assert.Equal(current, failure.GetProperty("actual").GetString());
        Assert.Equal("precondition_failure", result.Json().GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("error[precondition_failure]", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await GraphState.CaptureAsync(_workspace.Graph));

        var plain = await CliRun.RunAsync("mutate", "--store", _workspace.Graph, "--query", _queries, "set_age", "--params", """{"name":"Alice","age":52}""", "--if-commit", stale);
        Assert.Equal(4, plain.ExitCode);
        Assert.Equal(string.Empty, plain.Out);
    }

    [Fact]
    public async Task Mutate_WithTheCurrentIfCommit_Succeeds_OnTopOfIt()
    {
        var head = (await CliRun.OkAsync("commit", "list", _workspace.Graph, "--json")).Json().GetProperty("commits")[0].GetProperty("graph_commit_id").GetString()!;

        var json = (await CliRun.OkAsync("mutate", "--store", _workspace.Graph, "--query", _queries, "set_age", "--params", """{"name":"Alice","age":52}""", "--if-commit", head, "--json")).Json();

        Assert.Equal(head, json.GetProperty("commit").GetProperty("parent_commit_id").GetString());
    }

    [Fact]
    public async Task Mutate_ParamsFile_Actor_AndBranch()
    {
        var parameters = _workspace.Write("p.json", """{"name":"Zed","age":40}""");

        var json = (await CliRun.OkAsync("mutate", "--store", _workspace.Graph, "--query", _queries, "insert_person", "--params-file", parameters, "--as", "act-andrew", "--branch", "main", "--json")).Json();

        Assert.Equal("act-andrew", json.GetProperty("actor_id").GetString());
        Assert.Equal("act-andrew", json.GetProperty("commit").GetProperty("actor_id").GetString());
        Assert.Contains("\"Zed\"", (await CliRun.OkAsync("export", _workspace.Graph, "--type", "Person")).Out, StringComparison.Ordinal);
    }

    public static TheoryData<string[], int, string> BadInvocations() => new()
    {
        { ["mutate", "-e", "query q() { insert Person { name: \"x\" } }"], 2, "usage" },
        { ["mutate", "--store", "{graph}"], 2, "usage" },
        { ["mutate", "--store", "{graph}", "--query", "{queries}", "-e", "query q() { insert Person { name: \"x\" } }"], 2, "usage" },
        { ["mutate", "--store", "{graph}", "--query", "{queries}", "insert_person", "--params", "{}", "--params-file", "{queries}"], 2, "usage" },
        { ["mutate", "--store", "{graph}", "--query", "{queries}", "insert_person", "--frobnicate"], 2, "usage" },
        { ["mutate", "--store", "{graph}", "--query", "{root}/missing.gq"], 1, "file_not_found" },
        { ["mutate", "--store", "{graph}", "-e", ""], 1, "query_empty_source" },
        { ["mutate", "--store", "{graph}", "--query", "{queries}"], 1, "query_name_required" },
        { ["mutate", "--store", "{graph}", "--query", "{queries}", "nope"], 1, "query_not_found" },
        { ["mutate", "--store", "{graph}", "--query", "{queries}", "insert_person", "--params", "{\"name\":\"Eve\",\"age\":\"x\"}"], 1, "query_parameter_invalid" },
        { ["mutate", "--store", "{graph}", "-e", "query q() { match { $p: Person } return { $p.name } }"], 1, "query_kind_mismatch" },
        { ["mutate", "--store", "{graph}", "-e", "query m() { insert Person { name: \"E\" }  delete Person where name = \"Bob\" }"], 1, "query_mixed_mutation" },
        { ["mutate", "--store", "{graph}", "-e", "query k() { insert Knows { from: \"Alice\", to: \"Ghost\" } }"], 1, "orphan_edge" },
        { ["mutate", "--store", "{graph}", "-e", "query r() { update Person set { name: \"Bob\" } where name = \"Alice\" }"], 1, "key_update_rejected" },
        { ["mutate", "--store", "{graph}", "--query", "{queries}", "insert_person", "--params", "{\"name\":\"Eve\",\"age\":1}", "--branch", "nope"], 1, "branch_not_found" },
        { ["mutate", "--store", "{root}/no-graph", "--query", "{queries}", "insert_person", "--params", "{\"name\":\"Eve\",\"age\":1}"], 1, "graph_not_initialized" },
        { ["mutate", "--store", "{graph}", "--query", "{queries}", "set_age", "--params", "{\"name\":\"Alice\",\"age\":1}", "--if-commit", "zzz"], 2, "usage" },
        { ["mutate", "--store", "{graph}", "--query", "{queries}", "insert_person", "--params", "{\"name\":\"Eve\",\"age\":1.0}"], 1, "query_parameter_invalid" },
        { ["mutate", "--store", "{graph}", "--query", "{queries}", "insert_person", "--params", "{\"name\":\"Eve\",\"age\":1e2}"], 1, "query_parameter_invalid" },
    };

    /// <summary>Every bad invocation: the documented exit code, <c>error[code]</c> on standard error, the JSON envelope with --json, and the graph unchanged.</summary>
    [Theory]
    [MemberData(nameof(BadInvocations))]
    public async Task Mutate_BadInput_IsATypedError_AndChangesNothing(string[] args, int exitCode, string code)
    {
        var resolved = args.Select(a => a.Replace("{graph}", _workspace.Graph, StringComparison.Ordinal)
            .Replace("{queries}", _queries, StringComparison.Ordinal)
            .Replace("{root}", _workspace.Root, StringComparison.Ordinal)).ToArray();
        var before = await GraphState.CaptureAsync(_workspace.Graph);

        var result = await CliRun.RunAsync([.. resolved, "--json"]);

        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.Contains($"error[{code}]", result.Error, StringComparison.Ordinal);
        Assert.Equal(code, result.Json().GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(before, await GraphState.CaptureAsync(_workspace.Graph));
    }

    /// <summary>The real process: a lost compare-and-swap is exit code 4 at the operating-system level.</summary>
    [Fact]
    public async Task Process_LostCompareAndSwap_ExitCodeIs4()
    {
        var stale = (await CliRun.OkAsync("commit", "list", _workspace.Graph, "--json")).Json().GetProperty("commits")[0].GetProperty("graph_commit_id").GetString()!;
        await CliRun.OkAsync("mutate", "--store", _workspace.Graph, "--query", _queries, "set_age", "--params", """{"name":"Alice","age":31}""");

        var result = await CliProcess.RunAsync("mutate", "--store", _workspace.Graph, "--query", _queries, "set_age", "--params", """{"name":"Alice","age":52}""", "--if-commit", stale, "--json");

        Assert.Equal(4, result.ExitCode);
        Assert.Equal(stale, result.Json().GetProperty("precondition_failure").GetProperty("expected").GetString());
    }
}

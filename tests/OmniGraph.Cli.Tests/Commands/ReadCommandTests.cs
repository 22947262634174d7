using System.Text.Json;
using OmniGraph.Cli.Tests.Support;

namespace OmniGraph.Cli.Tests.Commands;

/// <summary><c>snapshot</c>, <c>export</c>, <c>commit list|show</c> and <c>schema show</c>.</summary>
public sealed class ReadCommandTests : LoadedWorkspaceTests
{
    /// <summary>AC-52: the snapshot's shape and counts.</summary>
    [Fact]
    public async Task Snapshot_Json_HasTheSnapshotShape()
    {
        var json = (await CliRun.OkAsync("snapshot", Workspace.Graph, "--json")).Json();

        Assert.Equal(["graph_branch", "graph_manifest_version", "internal_schema_version", "datasets"], CliResult.Names(json));
        Assert.Equal("main", json.GetProperty("graph_branch").GetString());
        Assert.Equal(2, json.GetProperty("graph_manifest_version").GetInt64());
        Assert.Equal(1, json.GetProperty("internal_schema_version").GetInt32());
        var datasets = json.GetProperty("datasets").EnumerateArray().ToArray();
        Assert.Equal(4, datasets.Length);
        Assert.All(datasets, static d => Assert.Equal(
            ["entity_kind", "type_name", "dataset_path", "published_dataset_version", "native_dataset_branch", "entity_count"],
            CliResult.Names(d)));
        var person = datasets.Single(static d => d.GetProperty("type_name").GetString() == "Person");
        Assert.Equal("node", person.GetProperty("entity_kind").GetString());
        Assert.Equal(4, person.GetProperty("entity_count").GetInt64());
        Assert.Equal(JsonValueKind.Null, person.GetProperty("native_dataset_branch").ValueKind);
        Assert.Matches("^tables/node-[0-9]{6}$", person.GetProperty("dataset_path").GetString());
    }

    [Fact]
    public async Task Snapshot_Human_ListsEveryTable()
    {
        var lines = (await CliRun.OkAsync("snapshot", "--store", Workspace.Graph)).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("branch main at manifest version 2", lines[0]);
        Assert.StartsWith("KIND  TYPE", lines[1], StringComparison.Ordinal);
        Assert.Equal(6, lines.Length);
        Assert.Contains(lines, static l => l.StartsWith("node  Person ", StringComparison.Ordinal) && l.Contains(" 4 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Snapshot_MissingBranch_IsBranchNotFound()
    {
        var result = await CliRun.RunAsync("snapshot", Workspace.Graph, "--branch", "nope", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("branch_not_found", result.Json().GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Export_WritesLoadRecordsForEveryType()
    {
        var lines = (await CliRun.OkAsync("export", Workspace.Graph)).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(11, lines.Length);
        Assert.Equal("""{"type":"Person","data":{"id":"Alice","name":"Alice","age":30}}""", lines[0]);
        Assert.Equal("""{"type":"Company","data":{"id":"Acme","name":"Acme"}}""", lines[4]);
        Assert.StartsWith("""{"edge":"Knows","from":"Alice","to":"Bob","data":{"id":""", lines[6], StringComparison.Ordinal);
        Assert.EndsWith("\",\"since\":null}}", lines[6], StringComparison.Ordinal);
    }

    /// <summary>AC-52: <c>export --type Person --jsonl</c> writes only Person records.</summary>
    [Fact]
    public async Task Export_SelectedType_WithTheJsonlNoOp()
    {
        var lines = (await CliRun.OkAsync("export", Workspace.Graph, "--type", "Person", "--jsonl")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(4, lines.Length);
        Assert.All(lines, static l => Assert.StartsWith("""{"type":"Person","data":{""", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_UnknownType_IsTypedAndWritesNothing()
    {
        var result = await CliRun.RunAsync("export", Workspace.Graph, "--type", "Persn");

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Equal("error[unknown_type]: unknown export type 'Persn'\n", result.Error);
    }

    [Fact]
    public async Task Export_ThenLoadIntoAFreshGraph_IsIdentical()
    {
        var export = (await CliRun.OkAsync("export", Workspace.Graph)).Out;
        var file = Workspace.Write("export.jsonl", export);
        var copy = Path.Combine(Workspace.Root, "copy");
        await CliRun.OkAsync("init", "--schema", Workspace.SchemaFile, copy);

        await CliRun.OkAsync("load", copy, "--data", file, "--mode", "overwrite", "--quiet");

        Assert.Equal(export, (await CliRun.OkAsync("export", copy)).Out);
    }

    [Fact]
    public async Task CommitList_Json_IsNewestFirst()
    {
        var commits = (await CliRun.OkAsync("commit", "list", Workspace.Graph, "--json")).Json();

        Assert.Equal(["commits"], CliResult.Names(commits));
        var list = commits.GetProperty("commits").EnumerateArray().ToArray();
        Assert.Equal([2L, 1L], list.Select(static c => c.GetProperty("graph_manifest_version").GetInt64()));
        Assert.Equal(list[1].GetProperty("graph_commit_id").GetString(), list[0].GetProperty("parent_commit_id").GetString());
        Assert.False(list[1].TryGetProperty("parent_commit_id", out _));
    }

    [Fact]
    public async Task CommitList_Human_HasOneLinePerCommit()
    {
        var lines = (await CliRun.OkAsync("commit", "list", Workspace.Graph)).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(3, lines.Length);
        Assert.StartsWith("COMMIT", lines[0], StringComparison.Ordinal);
        Assert.Matches("^[0-9A-Z]{26}  2 ", lines[1]);
    }

    [Fact]
    public async Task CommitShow_EqualsTheListEntry()
    {
        var head = (await CliRun.OkAsync("commit", "list", Workspace.Graph, "--json")).Json().GetProperty("commits")[0];
        var id = head.GetProperty("graph_commit_id").GetString()!;

        var positional = (await CliRun.OkAsync("commit", "show", Workspace.Graph, id, "--json")).Json();
        var viaUri = (await CliRun.OkAsync("commit", "show", "--uri", Workspace.Graph, id, "--json")).Json();
        var human = (await CliRun.OkAsync("commit", "show", "--store", Workspace.Graph, id)).Out;

        Assert.Equal(CliResult.Compact(head), CliResult.Compact(positional));
        Assert.Equal(CliResult.Compact(head), CliResult.Compact(viaUri));
        Assert.StartsWith($"commit {id}\nbranch: main\nmanifest version: 2\nparent: ", human, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitShow_UnknownCommit_IsCommitNotFound()
    {
        var result = await CliRun.RunAsync("commit", "show", Workspace.Graph, "01ARZ3NDEKTSV4RRFFQ69G5FAV");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error[commit_not_found]: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SchemaShow_PrintsTheSource()
    {
        var text = await CliRun.OkAsync("schema", "show", Workspace.Graph);
        var json = (await CliRun.OkAsync("schema", "show", Workspace.Graph, "--json")).Json();

        Assert.Equal(CliWorkspace.Schema, text.Out);
        Assert.Equal(["schema_source"], CliResult.Names(json));
        Assert.Equal(CliWorkspace.Schema, json.GetProperty("schema_source").GetString());
    }

    [Fact]
    public async Task ReadCommands_RejectFlagsTheyDoNotTake()
    {
        var snapshot = await CliRun.RunAsync("snapshot", Workspace.Graph, "--mode", "merge");
        var export = await CliRun.RunAsync("export", Workspace.Graph, "--json");
        var schema = await CliRun.RunAsync("schema", "show", Workspace.Graph, "--as", "me");

        Assert.All([snapshot, export, schema], static r => Assert.Equal(2, r.ExitCode));
        Assert.Contains("--mode", snapshot.Error, StringComparison.Ordinal);
        Assert.Contains("--json", export.Error, StringComparison.Ordinal);
        Assert.Contains("--as", schema.Error, StringComparison.Ordinal);

        // export takes no --json: its standard output is JSONL data, so a usage error prints no JSON envelope there.
        Assert.Equal(string.Empty, export.Out);
        Assert.Equal("error[usage]: Unrecognized command or argument '--json'.\n", export.Error);
    }
}

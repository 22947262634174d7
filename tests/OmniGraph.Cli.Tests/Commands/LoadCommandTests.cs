using OmniGraph.Cli.Tests.Support;

namespace OmniGraph.Cli.Tests.Commands;

public sealed class LoadCommandTests
{
    [Fact]
    public async Task Load_Human_PrintsTheSummaryLineAndEchoesTheTarget()
    {
        using var workspace = new CliWorkspace();
        await CliRun.OkAsync("init", "--schema", workspace.SchemaFile, workspace.Graph);

        var result = await CliRun.OkAsync("load", workspace.Graph, "--data", workspace.DataFile, "--mode", "overwrite");

        Assert.Equal($"loaded {workspace.Graph} on branch main with overwrite: 11 entities across 2 node types and 2 edge types\n", result.Out);
        Assert.Equal($"loading {workspace.DataFile} into {workspace.Graph} (branch main, mode overwrite)\n", result.Error);
    }

    /// <summary>AC-52: the load receipt's shape, and its commit is the head of <c>commit list</c>.</summary>
    [Fact]
    public async Task Load_Json_HasTheReceiptShapeAndTheHeadCommit()
    {
        using var workspace = new CliWorkspace();
        await CliRun.OkAsync("init", "--schema", workspace.SchemaFile, workspace.Graph);

        var result = await CliRun.OkAsync("load", "--data", workspace.DataFile, "--mode", "overwrite", "--json", workspace.Graph, "--quiet");

        Assert.Empty(result.Error);
        var json = result.Json();
        Assert.Equal(["uri", "branch", "mode", "branch_created", "nodes", "edges", "total_entities", "commit"], CliResult.Names(json));
        Assert.Equal(workspace.Graph, json.GetProperty("uri").GetString());
        Assert.Equal("main", json.GetProperty("branch").GetString());
        Assert.Equal("overwrite", json.GetProperty("mode").GetString());
        Assert.False(json.GetProperty("branch_created").GetBoolean());
        Assert.Equal(11, json.GetProperty("total_entities").GetInt64());
        Assert.Equal(
            """[{"name":"Company","entities_loaded":2},{"name":"Person","entities_loaded":4}]""",
            System.Text.Json.JsonSerializer.Serialize(json.GetProperty("nodes")));
        Assert.Equal(
            """[{"name":"Knows","entities_loaded":3},{"name":"WorksAt","entities_loaded":2}]""",
            System.Text.Json.JsonSerializer.Serialize(json.GetProperty("edges")));
        var commit = json.GetProperty("commit");
        Assert.Equal(2, commit.GetProperty("graph_manifest_version").GetInt64());
        var head = (await CliRun.OkAsync("commit", "list", workspace.Graph, "--json")).Json().GetProperty("commits")[0];
        Assert.Equal(CliResult.Compact(head), CliResult.Compact(commit));
        Assert.Contains("\n  \"uri\": ", result.Out, StringComparison.Ordinal);
    }

    /// <summary>On an interactive terminal the load draws a progress bar on standard error; standard output is unchanged.</summary>
    [Fact]
    public async Task Load_Interactive_DrawsAProgressBarOnStandardError()
    {
        using var workspace = new CliWorkspace();
        await CliRun.OkAsync("init", "--schema", workspace.SchemaFile, workspace.Graph);

        var result = await CliRun.RunAsync(interactive: true, "load", workspace.Graph, "--data", workspace.DataFile, "--mode", "overwrite", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(11, result.Json().GetProperty("total_entities").GetInt64());
        Assert.StartsWith($"loading {workspace.DataFile} into {workspace.Graph} (branch main, mode overwrite)\n", result.Error, StringComparison.Ordinal);
        Assert.Contains("\u001b[", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_AsActor_RecordsTheActor()
    {
        using var workspace = new CliWorkspace();
        await CliRun.OkAsync("init", "--schema", workspace.SchemaFile, workspace.Graph);

        var json = (await CliRun.OkAsync("load", "--store", workspace.Graph, "--data", workspace.DataFile, "--mode", "merge", "--as", "act-andrew", "--json")).Json();

        Assert.Equal("act-andrew", json.GetProperty("commit").GetProperty("actor_id").GetString());
    }

    [Fact]
    public async Task Load_BadData_IsTypedWithTheJsonEnvelopeAndChangesNothing()
    {
        using var workspace = new CliWorkspace();
        await workspace.InitAndLoadAsync();
        var before = await GraphState.CaptureAsync(workspace.Graph);
        var bad = workspace.Write("bad.jsonl", "{\"type\":\"Person\",\"data\":{\"name\":\"Eve\"}}\n{\"type\":\"Person\",\"data\":{\"name\":\"Zed\",\"age\":\"x\"}}\n");

        var result = await CliRun.RunAsync("load", workspace.Graph, "--data", bad, "--mode", "append", "--json", "--quiet");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error[invalid_data]: line 2: strict property 'age' expects Int32, got \"x\"\n", result.Error);
        var error = result.Json().GetProperty("error");
        Assert.Equal(["code", "message"], CliResult.Names(error));
        Assert.Equal("invalid_data", error.GetProperty("code").GetString());
        Assert.Equal(before, await GraphState.CaptureAsync(workspace.Graph));
    }

    [Fact]
    public async Task Load_ExistingId_IsKeyConflict()
    {
        using var workspace = new CliWorkspace();
        await workspace.InitAndLoadAsync();
        var before = await GraphState.CaptureAsync(workspace.Graph);

        var result = await CliRun.RunAsync("load", workspace.Graph, "--data", workspace.DataFile, "--mode", "append", "--quiet");

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Matches("^error\\[key_conflict\\]: node type '(Person|Company)' already has id '[A-Za-z]+'\n$", result.Error);
        Assert.Equal(before, await GraphState.CaptureAsync(workspace.Graph));
    }

    [Theory]
    [InlineData(new[] { "--mode", "overwrite" }, "--data")]
    [InlineData(new[] { "--data", "DATA" }, "--mode")]
    [InlineData(new[] { "--data", "DATA", "--mode", "upsert" }, "upsert")]
    [InlineData(new[] { "--data", "DATA", "--mode", "merge", "--from" }, "--from")]
    [InlineData(new[] { "--data", "DATA", "--mode", "merge", "--bogus" }, "--bogus")]
    [InlineData(new[] { "--data", "DATA", "--mode", "merge", "extra-positional" }, "extra-positional")]
    public async Task Load_BadFlags_AreUsageErrors(string[] flags, string named)
    {
        using var workspace = new CliWorkspace();
        await workspace.InitAndLoadAsync();
        var before = await GraphState.CaptureAsync(workspace.Graph);
        string[] args = ["load", workspace.Graph, .. flags.Select(f => f == "DATA" ? workspace.DataFile : f)];

        var result = await CliRun.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error[usage]: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(named, result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await GraphState.CaptureAsync(workspace.Graph));
    }

    [Fact]
    public async Task Load_UsageError_WithJson_PrintsTheEnvelope()
    {
        var result = await CliRun.RunAsync("load", "/nowhere", "--json", "--mode", "merge");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("usage", result.Json().GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Load_GraphGivenTwice_IsAUsageError()
    {
        using var workspace = new CliWorkspace();
        await workspace.InitAndLoadAsync();

        var result = await CliRun.RunAsync("load", workspace.Graph, "--store", workspace.Graph, "--data", workspace.DataFile, "--mode", "merge");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error[usage]: the graph is given twice (URI and --store); give it once\n", result.Error);
    }

    [Fact]
    public async Task Load_NoGraph_IsAUsageError()
    {
        using var workspace = new CliWorkspace();

        var result = await CliRun.RunAsync("load", "--data", workspace.DataFile, "--mode", "merge");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error[usage]: no graph given: pass one of URI, --store\n", result.Error);
    }

    [Fact]
    public async Task Load_MissingDataFile_IsFileNotFound()
    {
        using var workspace = new CliWorkspace();
        await workspace.InitAndLoadAsync();

        var result = await CliRun.RunAsync("load", workspace.Graph, "--data", Path.Combine(workspace.Root, "missing.jsonl"), "--mode", "merge");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error[file_not_found]: data file '", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_UninitialisedRoot_IsGraphNotInitialized()
    {
        using var workspace = new CliWorkspace();
        Directory.CreateDirectory(workspace.Graph);

        var missing = await CliRun.RunAsync("load", Path.Combine(workspace.Root, "absent"), "--data", workspace.DataFile, "--mode", "merge", "--quiet");
        var empty = await CliRun.RunAsync("load", workspace.Graph, "--data", workspace.DataFile, "--mode", "merge", "--quiet");

        Assert.Equal(1, missing.ExitCode);
        Assert.StartsWith("error[graph_not_initialized]: ", missing.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(workspace.Root, "absent")));
        Assert.Equal(1, empty.ExitCode);
        Assert.StartsWith("error[graph_not_initialized]: ", empty.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_MissingBranch_IsBranchNotFound()
    {
        using var workspace = new CliWorkspace();
        await workspace.InitAndLoadAsync();
        var before = await GraphState.CaptureAsync(workspace.Graph);

        var result = await CliRun.RunAsync("load", workspace.Graph, "--data", workspace.DataFile, "--mode", "merge", "--branch", "feature", "--quiet");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error[branch_not_found]: branch 'feature' not found\n", result.Error);
        Assert.Equal(before, await GraphState.CaptureAsync(workspace.Graph));
    }

    [Fact]
    public async Task Load_MergeTwice_AddsACommitAndKeepsTheRows()
    {
        using var workspace = new CliWorkspace();
        await workspace.InitAndLoadAsync();
        var export = (await CliRun.OkAsync("export", workspace.Graph)).Out;
        var file = workspace.Write("export.jsonl", export);

        await CliRun.OkAsync("load", workspace.Graph, "--data", file, "--mode", "merge", "--quiet");
        await CliRun.OkAsync("load", workspace.Graph, "--data", file, "--mode", "merge", "--quiet");

        Assert.Equal(export, (await CliRun.OkAsync("export", workspace.Graph)).Out);
        Assert.Equal(4, (await CliRun.OkAsync("commit", "list", workspace.Graph, "--json")).Json().GetProperty("commits").GetArrayLength());
    }
}

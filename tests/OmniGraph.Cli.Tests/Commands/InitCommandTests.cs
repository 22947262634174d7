using OmniGraph.Cli.Tests.Support;

namespace OmniGraph.Cli.Tests.Commands;

public sealed class InitCommandTests
{
    [Fact]
    public async Task Init_CreatesTheGraphWithOneCommit()
    {
        using var workspace = new CliWorkspace();

        var result = await CliRun.OkAsync("init", "--schema", workspace.SchemaFile, workspace.Graph);

        Assert.Matches($"^initialized {System.Text.RegularExpressions.Regex.Escape(workspace.Graph)} \\(commit [0-9A-Z]{{26}}\\)\n$", result.Out);
        var commits = (await CliRun.OkAsync("commit", "list", workspace.Graph, "--json")).Json().GetProperty("commits");
        Assert.Equal(1, commits.GetArrayLength());
        Assert.Equal(1, commits[0].GetProperty("graph_manifest_version").GetInt64());
    }

    [Fact]
    public async Task Init_Json_PrintsUriAndGenesisCommit()
    {
        using var workspace = new CliWorkspace();
        var uri = new Uri(workspace.Graph).AbsoluteUri;

        var json = (await CliRun.OkAsync("init", "--schema", workspace.SchemaFile, uri, "--json")).Json();

        Assert.Equal(["uri", "commit"], CliResult.Names(json));
        Assert.Equal(uri, json.GetProperty("uri").GetString());
        Assert.Equal(["graph_commit_id", "graph_branch", "graph_manifest_version", "created_at"], CliResult.Names(json.GetProperty("commit")));
    }

    [Fact]
    public async Task Init_AlreadyInitialised_IsRefusedAndChangesNothing()
    {
        using var workspace = new CliWorkspace();
        await workspace.InitAndLoadAsync();
        var before = await GraphState.CaptureAsync(workspace.Graph);

        var result = await CliRun.RunAsync("init", "--schema", workspace.SchemaFile, workspace.Graph, "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error[already_initialized]: ", result.Error, StringComparison.Ordinal);
        Assert.Equal("already_initialized", result.Json().GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(before, await GraphState.CaptureAsync(workspace.Graph));
    }

    [Fact]
    public async Task Init_BadSchema_IsRefusedAndCreatesNothing()
    {
        using var workspace = new CliWorkspace();
        var schema = workspace.Write("bad.pg", "node Person { name: Strin @key }");

        var result = await CliRun.RunAsync("init", "--schema", schema, workspace.Graph);

        Assert.Equal(1, result.ExitCode);
        Assert.Matches("^error\\[[a-z_]+\\]: ", result.Error);
        Assert.DoesNotContain("error[internal]", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workspace.Graph));
    }

    [Fact]
    public async Task Init_MissingSchemaFile_IsFileNotFound()
    {
        using var workspace = new CliWorkspace();

        var result = await CliRun.RunAsync("init", "--schema", Path.Combine(workspace.Root, "nope.pg"), workspace.Graph);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error[file_not_found]: schema file '", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workspace.Graph));
    }

    [Fact]
    public async Task Init_WithoutSchemaFlag_IsAUsageError()
    {
        using var workspace = new CliWorkspace();

        var result = await CliRun.RunAsync("init", workspace.Graph);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--schema", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workspace.Graph));
    }

    [Theory]
    [InlineData("https://graph.example.com/g", "invalid_store_uri", "--server <url>")]
    [InlineData("s3://bucket/g", "invalid_store_uri", "unknown scheme 's3'")]
    [InlineData("memory://g", "invalid_store_uri", "memory://")]
    [InlineData("file://host/g", "invalid_store_uri", "host")]
    public async Task Init_BadUri_IsTyped(string uri, string code, string fragment)
    {
        using var workspace = new CliWorkspace();

        var result = await CliRun.RunAsync("init", "--schema", workspace.SchemaFile, uri);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error[{code}]: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(fragment, result.Error, StringComparison.Ordinal);
    }
}

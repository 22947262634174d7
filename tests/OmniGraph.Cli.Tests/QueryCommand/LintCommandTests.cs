using OmniGraph.Cli.Tests.Support;

namespace OmniGraph.Cli.Tests.QueryCommand;

/// <summary><c>omnigraph lint</c> (and <c>check</c>): against a schema file or a graph; the JSON report; exit codes.</summary>
public sealed class LintCommandTests : IDisposable
{
    private const string Good = """
        query get_person($name: String) { match { $p: Person { name: $name } } return { $p.name, $p.age } }
        query set_age($name: String, $age: I32) { update Person set { age: $age } where name = $name }
        """;

    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Json_ReportOfAGoodFile_IsOkWithOperations()
    {
        var queries = _workspace.Write("good.gq", Good);

        var result = await CliRun.OkAsync("lint", "--query", queries, "--schema", _workspace.SchemaFile, "--json");
        var json = result.Json();

        Assert.Equal(["status", "schema_source", "query_path", "queries_processed", "errors", "warnings", "infos", "results", "findings"], CliResult.Names(json));
        Assert.Equal("ok", json.GetProperty("status").GetString());
        Assert.Equal("file", json.GetProperty("schema_source").GetProperty("kind").GetString());
        Assert.Equal(2, json.GetProperty("queries_processed").GetInt32());
        var read = json.GetProperty("results")[0];
        Assert.Equal("read", read.GetProperty("kind").GetString());
        Assert.Equal("""[{"name":"p.name","kind":"string","nullable":false},{"name":"p.age","kind":"int","nullable":true}]""", CliResult.Compact(read.GetProperty("operation").GetProperty("result")));
        Assert.Equal("mutation", json.GetProperty("results")[1].GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("query", "lint")]
    [InlineData("query", "check")]
    public async Task LegacySpelling_RunsLintWithADeprecationWarning(string verb, string subverb)
    {
        var queries = _workspace.Write("good.gq", Good);

        var result = await CliRun.OkAsync(verb, subverb, "--query", queries, "--schema", _workspace.SchemaFile, "--json");

        Assert.Equal("ok", result.Json().GetProperty("status").GetString());
        Assert.Contains($"`omnigraph {verb} {subverb}` is deprecated; use `omnigraph lint`", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypeError_IsAnErrorFindingAndExitsNonZero()
    {
        var queries = _workspace.Write("bad.gq", "query q() { match { $x: Nope } return { $x } }\n" + Good);

        var result = await CliRun.RunAsync("lint", "--query", queries, "--schema", _workspace.SchemaFile, "--json");
        var json = result.Json();

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error", json.GetProperty("status").GetString());
        Assert.Equal("T1", json.GetProperty("findings")[0].GetProperty("code").GetString());
        Assert.Equal("error", json.GetProperty("results")[0].GetProperty("status").GetString());
        Assert.Equal("ok", json.GetProperty("results")[1].GetProperty("status").GetString());
    }

    [Fact]
    public async Task FunctionError_IsAFindingWithItsCodeAndPosition()
    {
        var queries = _workspace.Write("fn.gq", "query q() {\n  match { $p: Person }\n  return { lower($p.name, \"x\") as n }\n}\n" + Good);

        var text = await CliRun.RunAsync("lint", "--query", queries, "--schema", _workspace.SchemaFile);
        var json = await CliRun.RunAsync("lint", "--query", queries, "--schema", _workspace.SchemaFile, "--json");

        Assert.Equal(1, text.ExitCode);
        Assert.Contains("error[query_function_arity]", text.Out, StringComparison.Ordinal);
        Assert.Contains("lower() takes exactly one argument, got 2 (at line 3, column 12)", text.Out, StringComparison.Ordinal);
        var finding = json.Json().GetProperty("findings")[0];
        Assert.Equal("query_function_arity", finding.GetProperty("code").GetString());
        Assert.Equal("function error: lower() takes exactly one argument, got 2 (at line 3, column 12)", finding.GetProperty("message").GetString());
    }

    [Fact]
    public async Task ParseFailure_IsOneQ000Finding()
    {
        var queries = _workspace.Write("broken.gq", "query q( {");

        var result = await CliRun.RunAsync("lint", "--query", queries, "--schema", _workspace.SchemaFile, "--json");

        Assert.Equal(1, result.ExitCode);
        var findings = result.Json().GetProperty("findings");
        Assert.Equal(1, findings.GetArrayLength());
        Assert.Equal("Q000", findings[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Warnings_DoNotFailTheCommand()
    {
        var queries = _workspace.Write("warn.gq", "query fixed() { update Person set { age: 3 } where name = \"Alice\" }");

        var result = await CliRun.RunAsync("check", "--query", queries, "--schema", _workspace.SchemaFile);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning[L101]", result.Out, StringComparison.Ordinal);
        Assert.Contains("1 queries checked: 0 errors, 1 warnings", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgainstAGraph_UsesItsSchema()
    {
        await _workspace.InitAndLoadAsync();
        var queries = _workspace.Write("good.gq", Good);

        var json = (await CliRun.OkAsync("lint", _workspace.Graph, "--query", queries, "--json")).Json();

        Assert.Equal("graph", json.GetProperty("schema_source").GetProperty("kind").GetString());
        Assert.Equal("ok", json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task SchemaAndGraphTogether_IsAUsageError()
    {
        var queries = _workspace.Write("good.gq", Good);

        var result = await CliRun.RunAsync("lint", _workspace.Graph, "--query", queries, "--schema", _workspace.SchemaFile);

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task MissingQueryFile_IsFileNotFound()
    {
        var result = await CliRun.RunAsync("lint", "--query", Path.Combine(_workspace.Root, "none.gq"), "--schema", _workspace.SchemaFile, "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("file_not_found", result.Json().GetProperty("error").GetProperty("code").GetString());
    }
}

using System.Text.Json;
using OmniGraph.Cli.Tests.Support;

namespace OmniGraph.Cli.Tests.QueryCommand;

/// <summary><c>omnigraph query</c> (and <c>read</c>): sources, names, parameters, targets and the typed errors.</summary>
public sealed class QueryCommandTests : LoadedWorkspaceTests
{
    private const string GetPerson = "query get_person($name: String) { match { $p: Person { name: $name } } return { $p.name, $p.age } }";
    /// <summary>AC-20 (output format): the JSON envelope of get_person Alice.</summary>
    [Fact]
    public async Task Json_IsTheReadOutputEnvelope()
    {
        var result = await CliRun.OkAsync("query", "get_person", "-e", GetPerson, "--params", """{"name":"Alice"}""", "--json", "--store", Workspace.Graph);
        var json = result.Json();

        Assert.Equal(["query_name", "target", "row_count", "columns", "rows", "graph_commit_id"], CliResult.Names(json));
        Assert.Equal("get_person", json.GetProperty("query_name").GetString());
        Assert.Equal("main", json.GetProperty("target").GetProperty("branch").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("target").GetProperty("snapshot").ValueKind);
        Assert.Equal(1, json.GetProperty("row_count").GetInt32());
        Assert.Equal("""["p.name","p.age"]""", CliResult.Compact(json.GetProperty("columns")));
        Assert.Equal("""[{"p.name":"Alice","p.age":30}]""", CliResult.Compact(json.GetProperty("rows")));
        var head = (await CliRun.OkAsync("commit", "list", "--store", Workspace.Graph, "--json")).Json();
        Assert.Equal(head.GetProperty("commits")[0].GetProperty("graph_commit_id").GetString(), json.GetProperty("graph_commit_id").GetString());
    }

    [Fact]
    public async Task Functions_RunFromTheCommandLine()
    {
        const string Source = """
            query initials($prefix: String) {
                match { $p: Person  starts_with(lower($p.name), lower($prefix)) }
                return { upper($p.name) as name, length($p.name) as letters }
                order { length($p.name) desc }
            }
            """;

        var result = await CliRun.OkAsync("query", "-e", Source, "--params", """{"prefix":"C"}""", "--format", "csv", "--store", Workspace.Graph);

        Assert.Equal("name,letters\nCHARLIE,7\n", result.Out);
    }

    [Fact]
    public async Task SearchFunctions_RunFromTheCommandLine()
    {
        const string Source = """
            query people($q: String) {
                match { $p: Person  fuzzy($p.name, $q, 1) }
                return { $p.name }
                order { bm25($p.name, "alice bob") }
            }
            """;

        var result = await CliRun.OkAsync("query", "-e", Source, "--params", """{"q":"Alyce"}""", "--format", "csv", "--store", Workspace.Graph);
        Assert.Equal("p.name\nAlice\n", result.Out);

        var ranked = await CliRun.OkAsync("query", "-e", Source.Replace("fuzzy($p.name, $q, 1)", "$p.name != $q", StringComparison.Ordinal), "--params", """{"q":"x"}""", "--format", "csv", "--store", Workspace.Graph);
        Assert.Equal("p.name\nAlice\nBob\n", ranked.Out);
    }

    [Fact]
    public async Task UnknownFunction_IsATypedErrorWithItsPosition()
    {
        var result = await CliRun.RunAsync("query", "-e", "query q() { match { $p: Person } return { slugify($p.name) } }", "--store", Workspace.Graph, "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("query_function_unknown", result.Json().GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("error[query_function_unknown]: function error: unknown function 'slugify' (at line 1, column 43)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryFile_WithSeveralQueries_RunsTheNamedOne()
    {
        var file = Workspace.Write("q.gq", GetPerson + "\nquery everyone() { match { $p: Person } return { $p.name } order { $p.name } }");

        var result = await CliRun.OkAsync("query", "everyone", "--query", file, "--format", "csv", "--store", Workspace.Graph);

        Assert.Equal("p.name\nAlice\nBob\nCharlie\nDiana\n", result.Out);
    }

    [Fact]
    public async Task SeveralQueriesWithoutAName_IsATypedError()
    {
        var file = Workspace.Write("q.gq", GetPerson + "\nquery everyone() { match { $p: Person } return { $p.name } }");

        var result = await CliRun.RunAsync("query", "--query", file, "--store", Workspace.Graph, "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("query_name_required", result.Json().GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("multiple queries", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptySource_MustNotBeEmpty()
    {
        var result = await CliRun.RunAsync("query", "-e", "", "--store", Workspace.Graph);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error[query_empty_source]", result.Error, StringComparison.Ordinal);
        Assert.Contains("must not be empty", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownName_IsQueryNotFound()
    {
        var result = await CliRun.RunAsync("query", "nope", "-e", GetPerson, "--store", Workspace.Graph);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error[query_not_found]: query 'nope' not found", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":3}""", "query_parameter_invalid", "param 'name'")]
    [InlineData("""[1]""", "query_parameter_invalid", "params must be a JSON object")]
    [InlineData("""{}""", "query_parameter_missing", "parameter 'name' not provided")]
    [InlineData("""{"name":""", "query_parameter_invalid", "error[query_parameter_invalid]: params are not valid JSON: line 1, column 9: the text ends where a value was expected")]
    public async Task BadParameters_AreTypedErrors(string parameters, string code, string message)
    {
        var result = await CliRun.RunAsync("query", "-e", GetPerson, "--params", parameters, "--store", Workspace.Graph, "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(code, result.Json().GetProperty("error").GetProperty("code").GetString());
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParamsFile_IsRead()
    {
        var parameters = Workspace.Write("p.json", """{"name":"Bob"}""");

        var result = await CliRun.OkAsync("query", "-e", GetPerson, "--params-file", parameters, "--format", "csv", "--store", Workspace.Graph);

        Assert.Equal("p.name,p.age\nBob,25\n", result.Out);
    }

    [Theory]
    [InlineData("--branch", "main", "--snapshot", "1")]
    [InlineData("--json", null, "--format", "csv")]
    [InlineData("--format", "xml", null, null)]
    [InlineData("--query", "x.gq", "-e", "query q() { match { $p: Person } return { $p.name } }")]
    public async Task ConflictingOrBadFlags_AreUsageErrors(string flag1, string? value1, string? flag2, string? value2)
    {
        var args = new List<string> { "query", "-e", GetPerson, "--params", """{"name":"Alice"}""", "--store", Workspace.Graph };
        if (flag1 == "--query")
        {
            args = ["query", "--store", Workspace.Graph];
        }

        args.Add(flag1);
        if (value1 is not null)
        {
            args.Add(value1);
        }

        if (flag2 is not null)
        {
            args.Add(flag2);
            args.Add(value2!);
        }

        var result = await CliRun.RunAsync([.. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error[usage]", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoSource_IsAUsageError()
    {
        var result = await CliRun.RunAsync("query", "get_person", "--store", Workspace.Graph);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error[usage]: no query given: pass --query F or -e SRC\n", result.Error);
    }

    [Fact]
    public async Task MutationSource_IsAKindMismatch()
    {
        var result = await CliRun.RunAsync("query", "-e", "query m($n: String) { insert Person { name: $n } }", "--params", """{"n":"X"}""", "--store", Workspace.Graph);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error[query_kind_mismatch]", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypeError_NamesTheRule()
    {
        var result = await CliRun.RunAsync("query", "-e", "query q() { match { $x: Nope } return { $x } }", "--store", Workspace.Graph);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error[query_type_error]: type error: T1", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_IsADeprecatedAlias()
    {
        var result = await CliRun.OkAsync("read", "-e", GetPerson, "--params", """{"name":"Alice"}""", "--format", "csv", "--store", Workspace.Graph);

        Assert.Equal("p.name,p.age\nAlice,30\n", result.Out);
        Assert.Contains("`omnigraph read` is deprecated", result.Error, StringComparison.Ordinal);
        Assert.Contains("`omnigraph query`", result.Error, StringComparison.Ordinal);
    }

    /// <summary>Time travel: a read at the first load's commit does not see a later load.</summary>
    [Fact]
    public async Task Snapshot_ReadsAnEarlierCommitOrVersion()
    {
        var loaded = (await CliRun.OkAsync("commit", "list", "--store", Workspace.Graph, "--json")).Json().GetProperty("commits")[0].GetProperty("graph_commit_id").GetString()!;
        var more = Workspace.Write("more.jsonl", """{"type":"Person","data":{"name":"Eve","age":22}}""");
        await CliRun.OkAsync("load", Workspace.Graph, "--data", more, "--mode", "append", "--quiet");
        const string count = "query n() { match { $p: Person } return { count($p) as n } }";

        var head = (await CliRun.OkAsync("query", "-e", count, "--json", "--store", Workspace.Graph)).Json();
        var byCommit = (await CliRun.OkAsync("query", "-e", count, "--snapshot", loaded, "--json", "--store", Workspace.Graph)).Json();
        var byVersion = (await CliRun.OkAsync("query", "-e", count, "--snapshot", "2", "--format", "jsonl", "--store", Workspace.Graph)).Out;
        var genesis = (await CliRun.OkAsync("query", "-e", count, "--snapshot", "v1", "--format", "csv", "--store", Workspace.Graph)).Out;

        Assert.Equal(5, head.GetProperty("rows")[0].GetProperty("n").GetInt64());
        Assert.Equal(4, byCommit.GetProperty("rows")[0].GetProperty("n").GetInt64());
        Assert.Equal(JsonValueKind.Null, byCommit.GetProperty("target").GetProperty("branch").ValueKind);
        Assert.Equal(loaded, byCommit.GetProperty("target").GetProperty("snapshot").GetString());
        Assert.Equal(loaded, byCommit.GetProperty("graph_commit_id").GetString());
        Assert.Equal("""{"kind":"metadata","query_name":"n","target":{"branch":null,"snapshot":"2"},"row_count":1}""" + "\n" + """{"n":4}""" + "\n", byVersion);
        Assert.Equal("n\n0\n", genesis);
    }

    [Theory]
    [InlineData("01ARZ3NDEKTSV4RRFFQ69G5FAV", "commit_not_found")]
    [InlineData("99", "snapshot_not_found")]
    public async Task UnknownSnapshot_IsNotFound(string snapshot, string code)
    {
        var result = await CliRun.RunAsync("query", "-e", GetPerson, "--params", """{"name":"Alice"}""", "--snapshot", snapshot, "--store", Workspace.Graph, "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(code, result.Json().GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task UnknownBranch_IsBranchNotFound()
    {
        var result = await CliRun.RunAsync("query", "-e", GetPerson, "--params", """{"name":"Alice"}""", "--branch", "nope", "--store", Workspace.Graph);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error[branch_not_found]", result.Error, StringComparison.Ordinal);
    }
}

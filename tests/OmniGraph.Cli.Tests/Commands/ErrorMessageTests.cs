using System.Text.RegularExpressions;
using OmniGraph.Cli.Tests.Support;

namespace OmniGraph.Cli.Tests.Commands;

/// <summary>
/// Every user-facing error is one bounded line that says what is wrong and where, in our words: no .NET resource key
/// (<c>ExpectedStartOfValueNotFound</c>, <c>IO_FileExists_Name</c>, <c>MakeException</c>…), no megabyte lines, no
/// pathological slowness on devices; and a refused input changes nothing.
/// </summary>
public sealed partial class ErrorMessageTests : LoadedWorkspaceTests
{
    [Theory]
    [InlineData("""{"type":"Company","data":{"name":"X","founded":N}}""", "error[invalid_data]: invalid strict JSON at line 1: column 48: expected a value (an object, array, string, number, true, false or null), found 'N'")]
    [InlineData("{\"type\":\"Company\",\n \"data\":{\"name\":\"X\"}}", "error[invalid_data]: invalid strict JSON at line 1: column 19: the text ends inside an object (expected a member name); each record must be one JSON object on one line")]
    [InlineData("""{"type":"Company","data":{"name":"X"}} x""", "error[invalid_data]: invalid strict JSON at line 1: column 40: unexpected 'x' after the end of the JSON value (one value only)")]
    [InlineData("""{"type":"Company","data":{"name":"X",}}""", "error[invalid_data]: invalid strict JSON at line 1: column 38: a ',' must be followed by another member, found '}' (trailing commas are not allowed)")]
    public async Task Load_JsonSyntaxErrors_SayWhereAndWhatWasExpected(string line, string expected)
    {
        var before = await GraphState.CaptureAsync(Workspace.Graph);
        var data = Workspace.Write("bad.jsonl", line + "\n");

        var result = await CliRun.RunAsync("load", Workspace.Graph, "--data", data, "--mode", "append", "--quiet");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(expected + "\n", result.Error);
        AssertNoResourceKey(result.Error);
        Assert.Equal(before, await GraphState.CaptureAsync(Workspace.Graph));
    }

    [Fact]
    public async Task Query_BadParameterJson_SaysWhere()
    {
        var result = await CliRun.RunAsync("query", "-e", "query q() { match { $p: Person } return { $p.name } }", "--params", """{"a":""", "--store", Workspace.Graph);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error[query_parameter_invalid]: params are not valid JSON: line 1, column 6: the text ends where a value was expected\n", result.Error);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1e2")]
    [InlineData("2.5")]
    public async Task Query_AnI32Parameter_TakesOnlyIntegers(string value)
    {
        var result = await CliRun.RunAsync("query", "-e", "query q($a: I32) { match { $p: Person { age: $a } } return { $p.name } }", "--params", $$"""{"a":{{value}}}""", "--store", Workspace.Graph);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error[query_parameter_invalid]: param 'a': expected integer, got number {value} (an integer has no fraction or exponent)\n", result.Error);
    }

    [Fact]
    public async Task Check_AnInvalidPattern_IsASentence()
    {
        var schema = Workspace.Write("check.pg", "node A { name: String @key\n @check(name, \"([a-z\") }\n");
        var graph = Path.Combine(Workspace.Root, "check");
        await CliRun.OkAsync("init", "--schema", schema, graph);
        var data = Workspace.Write("a.jsonl", """{"type":"A","data":{"name":"x"}}""" + "\n");

        var result = await CliRun.RunAsync("load", graph, "--data", data, "--mode", "append", "--quiet");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error[schema_invalid_check_pattern]: catalog error: @check on A.name has an invalid pattern '([a-z': at position 5: a '[' character class is not closed with ']'\n", result.Error);
    }

    [Fact]
    public async Task Init_SchemaWithInvalidUtf8_IsRefusedWithItsPosition_AndCreatesNothing()
    {
        var schema = Path.Combine(Workspace.Root, "latin1.pg");
        File.WriteAllBytes(schema, [.. "node A @description(\"caf"u8, 0xE9, .. "\") {\n  name: String @key\n}\n"u8]);
        var graph = Path.Combine(Workspace.Root, "latin1");

        var result = await CliRun.RunAsync("init", "--schema", schema, graph);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error[invalid_utf8]: schema file '{schema}' is not valid UTF-8: line 1, column 25 holds a byte that does not start or continue a UTF-8 character\n", result.Error);
        Assert.False(Directory.Exists(graph));
    }

    [Fact]
    public async Task Init_ValidUtf8_WithAReplacementCharacter_IsAccepted()
    {
        var schema = Workspace.Write("fffd.pg", "node A @description(\"caf\uFFFD\") {\n  name: String @key\n}\n");

        await CliRun.OkAsync("init", "--schema", schema, Path.Combine(Workspace.Root, "fffd"));
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(1_000_000)]
    public async Task Init_ATypeNameLongerThanStorageAllows_IsASchemaError_OfOneShortLine(int length)
    {
        var schema = Workspace.Write("long.pg", $"node T{new string('a', length - 1)} {{ name: String @key }}\n");
        var graph = Path.Combine(Workspace.Root, "long");

        var result = await CliRun.RunAsync("init", "--schema", schema, graph);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error[schema_name_too_long]: catalog error: type name 'Taaaa", result.Error, StringComparison.Ordinal);
        Assert.EndsWith($"… ({length:N0} characters)' is too long: a name is at most 128 characters (at line 1, column 6)\n", result.Error, StringComparison.Ordinal);
        Assert.True(result.Error.Length < 300, $"{result.Error.Length} characters");
        Assert.False(Directory.Exists(graph));
    }

    /// <summary>A character device reports length 0: it is read in full chunks like a file, and the line limit trips after 32 MiB (it took 14 M tiny reads).</summary>
    [Fact]
    public async Task Load_FromDevZero_HitsTheLineLimit_AndChangesNothing()
    {
        var before = await GraphState.CaptureAsync(Workspace.Graph);

        var result = await CliRun.RunAsync("load", Workspace.Graph, "--data", "/dev/zero", "--mode", "append", "--quiet");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error[resource_limit]: line 1: line bytes limit exceeded", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await GraphState.CaptureAsync(Workspace.Graph));
    }

    [Theory]
    [InlineData("--params-file")]
    [InlineData("--query")]
    public async Task Query_FlagFileFromDevZero_IsAResourceLimit(string flag)
    {
        string[] args = flag == "--query"
            ? ["query", "--query", "/dev/zero", "--store", Workspace.Graph]
            : ["query", "-e", "query q() { match { $p: Person } return { $p.name } }", "--params-file", "/dev/zero", "--store", Workspace.Graph];

        var result = await CliRun.RunAsync(args);

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"^error\[resource_limit\]: resource limit exceeded for the size in bytes of (params|query) file '/dev/zero': actual \d+, limit 16777216\n$", result.Error);
    }

    [Fact]
    public async Task Load_DataFileThatCannotBeRead_SaysWhyInOurWords()
    {
        var result = await CliRun.RunAsync("load", Workspace.Graph, "--data", Workspace.Root, "--mode", "append", "--quiet");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error[file_not_found]: data file '{Workspace.Root}' is a directory, not a file\n", result.Error);
    }

    [Fact]
    public async Task Init_UnderAFile_SaysWhyInOurWords()
    {
        var file = Workspace.Write("plain.txt", "x");

        var result = await CliRun.RunAsync("init", "--schema", Workspace.SchemaFile, Path.Combine(file, "graph"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error[store_unavailable]: ", result.Error, StringComparison.Ordinal);
        AssertNoResourceKey(result.Error);
    }

    /// <summary>A framework resource key is a CamelCase word with an underscore or several capitals run together (IO_FileExists_Name, ZeroDepthAtEnd).</summary>
    private static void AssertNoResourceKey(string message) =>
        Assert.False(ResourceKey().IsMatch(message), $"a resource key in: {message}");

    [GeneratedRegex(@"\b([A-Z][a-z]+){3,}\b|\b[A-Z][A-Za-z]*_[A-Z][A-Za-z_]*\b")]
    private static partial Regex ResourceKey();
}

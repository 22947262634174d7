using System.Text.Json.Nodes;
using OmniGraph.Execution.Output;
using OmniGraph.Execution.Tests.Support;
using OmniGraph.Query.Functions;
using OmniGraph.Query.Lint;
using OmniGraph.Schema;
using OmniGraph.Testing.IO;

namespace OmniGraph.Execution.Tests.Cases;

/// <summary>
/// Runs every case of every file under tests/cases (format: tests/cases/README.md) as its own test: a fresh graph with
/// the file's schema and data, then the case's reads and mutations through the grains, each checked against its rows or
/// its error (code, rule, position; a type or function error is also what <c>lint</c> reports). Every scalar function
/// of the registry has a case file covering its rules.
/// </summary>
[Collection(QueryClusterCollection.Name)]
public sealed class CaseFileTests(QueryCluster cluster)
{
    private static readonly string s_root = RepositoryFiles.Path("tests", "cases");

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in AllFiles())
        {
            foreach (var @case in file.Cases)
            {
                data.Add(file.Path, @case.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case(string path, string name)
    {
        var file = Load(path);
        var @case = file.Cases.Single(c => c.Name == name);
        var graph = await cluster.NewGraphAsync(file.Schema, file.Data.Length > 0 ? file.Data : null);
        var where = $"{path}:{@case.Line} ({name})";
        for (var i = 0; i < @case.Steps.Length; i++)
        {
            await RunAsync(graph, file, @case.Steps[i], $"{where}, step {i + 1}");
        }
    }

    [Fact]
    public void EveryScalarFunction_HasACaseFileCoveringItsRules()
    {
        foreach (var function in FunctionRegistry.All.Where(static f => f.Kind == FunctionKind.Scalar))
        {
            var path = $"functions/{function.Name}.case";
            Assert.True(File.Exists(Path.Combine(s_root, path)), $"{function.Name}() has no case file tests/cases/{path}");
            var steps = Load(path).Cases.SelectMany(static c => c.Steps).ToList();
            Assert.True(steps.Any(static s => s.Rows is { Rows.Length: > 0 }), $"{path}: no case returns rows");
            var codes = steps.Where(static s => s.Error is not null).Select(static s => s.Error!.Code).ToHashSet();
            Assert.Contains(ErrorCodes.QueryFunctionArity, codes);
            Assert.Contains(ErrorCodes.QueryFunctionNotAllowed, codes);
            if (!function.Parameters.IsEmpty)
            {
                Assert.Contains(ErrorCodes.QueryFunctionArgument, codes);
                Assert.True(Load(path).Cases.Any(static c => c.Name.Contains("null", StringComparison.Ordinal)), $"{path}: no case about nulls");
            }
        }
    }

    [Fact]
    public void MalformedFiles_AreRefusedWithTheirLine()
    {
        Assert.Contains(":3: a step outside a case", Assert.Throws<FormatException>(() => CaseFile.Parse("x", "== schema\nnode A { id: String @key }\n-- query\nq")).Message);
        Assert.Contains("needs '-- rows' or '-- error'", Assert.Throws<FormatException>(() => CaseFile.Parse("x", "== schema\ns\n== case c\n-- query\nq\n")).Message);
        Assert.Contains("expected '-- error CODE", Assert.Throws<FormatException>(() => CaseFile.Parse("x", "== schema\ns\n== case c\n-- query\nq\n-- error Bad Code\n")).Message);
    }

    private static async Task RunAsync(TestGraph graph, CaseFile file, CaseFile.Step step, string where)
    {
        Result? result = null;
        try
        {
            if (step.IsMutation)
            {
                await graph.MutateAsync(step.Source, parameters: step.Parameters);
            }
            else
            {
                result = await graph.QueryAsync(step.Source, step.Parameters);
            }
        }
        catch (OmniGraphException error) when (step.Error is { } expected)
        {
            CheckError(file, step, expected, error, where);
            return;
        }

        Assert.True(step.Error is null, $"{where}: expected error {step.Error?.Code}, but the step succeeded");
        if (step.Rows is { } rows)
        {
            CheckRows(rows, result!, where);
        }
    }

    private static void CheckError(CaseFile file, CaseFile.Step step, CaseFile.ErrorExpectation expected, OmniGraphException error, string where)
    {
        Assert.True(expected.Code == error.Code, $"{where}: expected {expected.Code}, got {error.Code}: {error.Message}");
        if (expected.Rule is { } rule)
        {
            Assert.True(rule == error.Get(ErrorDetail.Rule), $"{where}: expected rule {rule}, got {error.Get(ErrorDetail.Rule)}: {error.Message}");
        }

        if (expected.Line is { } line)
        {
            var position = new SourcePosition((int)error.Get(ErrorDetail.Line), (int)error.Get(ErrorDetail.Column));
            Assert.True(new SourcePosition(line, expected.Column!.Value) == position, $"{where}: expected the error at line {line}, column {expected.Column}, got {position}: {error.Message}");
        }

        // What the type checker refuses, lint reports as the same finding.
        if (error.Code == ErrorCodes.QueryTypeError || error.Code.StartsWith("query_function_", StringComparison.Ordinal))
        {
            var report = QueryLinter.Lint(step.Source, SchemaCatalog.Compile(file.Schema), new LintSchemaSource(LintSchemaSourceKind.File, null));
            var finding = Assert.Single(report.Findings, static f => f.Severity == LintSeverity.Error);
            Assert.Equal(expected.Rule ?? error.Get(ErrorDetail.Rule) ?? error.Code, finding.Code);
            Assert.Equal(error.Message, finding.Message);
        }
    }

    private static void CheckRows(CaseFile.RowsExpectation expected, Result result, string where)
    {
        var output = JsonNode.Parse(ReadOutputWriter.Json(result.Raw, indented: false))!;
        var actual = output["rows"]!.AsArray().Select(static row => (JsonObject)row!).ToList();
        var expectedRows = expected.Rows.ToList();
        if (!expected.Ordered)
        {
            actual = [.. actual.OrderBy(static r => r.ToJsonString(), StringComparer.Ordinal)];
            expectedRows = [.. expectedRows.OrderBy(static r => r.ToJsonString(), StringComparer.Ordinal)];
        }

        var same = actual.Count == expectedRows.Count && actual.Zip(expectedRows).All(static pair => JsonNode.DeepEquals(pair.First, pair.Second));
        Assert.True(same, $"{where}: expected rows\n  {string.Join("\n  ", expectedRows.Select(static r => r.ToJsonString()))}\ngot\n  {string.Join("\n  ", actual.Select(static r => r.ToJsonString()))}");
    }

    private static IEnumerable<CaseFile> AllFiles() =>
        Directory.EnumerateFiles(s_root, "*.case", SearchOption.AllDirectories)
            .Select(static full => Path.GetRelativePath(s_root, full).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(Load);

    private static CaseFile Load(string path) => CaseFile.Parse(path, File.ReadAllText(Path.Combine(s_root, path)));
}

using System.Text.Json;
using OmniGraph.Query.Lint;
using OmniGraph.Schema;

namespace OmniGraph.Query.Tests.Lint;

/// <summary>The <c>lint</c> model and its JSON (languages.md §4.5, tests.md <c>query lint --json</c>).</summary>
public sealed class QueryLinterTests
{
    private const string PolicySchema = "node Policy { slug: String @key  title: String  effectiveFrom: Date?  effectiveTo: Date?  embedding: Vector(2)? @embed(\"title\") }";

    private const string PolicyQueries = """
        query policies() { match { $p: Policy } return { $p.slug, $p.title as title, $p.effectiveTo } }
        query set_from($slug: String, $d: Date) { update Policy set { effectiveFrom: $d } where slug = $slug }
        """;

    private static readonly LintSchemaSource s_file = new(LintSchemaSourceKind.File, "schema.pg");

    private static LintReport Lint(string queries, string schema = PolicySchema) =>
        QueryLinter.Lint(queries, SchemaCatalog.Compile(schema), s_file, "queries.gq");

    [Fact]
    public void L201_PropertyNoUpdateSets()
    {
        var report = Lint(PolicyQueries);
        Assert.Equal(LintStatus.Ok, report.Status);
        Assert.Equal(2, report.QueriesProcessed);
        Assert.Equal((0, 1, 0), (report.Errors, report.Warnings, report.Infos));
        var finding = Assert.Single(report.Findings);
        Assert.Equal(LintSeverity.Warning, finding.Severity);
        Assert.Equal("L201", finding.Code);
        Assert.Equal("Policy.effectiveTo exists in schema but no update query sets it", finding.Message);
        Assert.Equal("Policy", finding.TypeName);
        Assert.Equal("effectiveTo", finding.Property);
        Assert.Equal(["set_from"], finding.QueryNames!.Value.AsEnumerable());
    }

    [Fact]
    public void L201_NotReportedWithoutUpdates()
    {
        var report = Lint("query policies() { match { $p: Policy } return { $p.slug } }");
        Assert.Empty(report.Findings);
    }

    [Fact]
    public void OperationDescriptor_ForReadsAndMutations()
    {
        var report = Lint(PolicyQueries);
        var read = report.Results[0];
        Assert.Equal(("policies", LintQueryKind.Read, LintStatus.Ok), (read.Name, read.Kind, read.Status));
        Assert.Null(read.Error);
        Assert.Null(read.Warnings);
        var operation = read.Operation!;
        Assert.Equal(
            [new LintColumn("p.slug", LintValueKind.String, false, null, null), new LintColumn("title", LintValueKind.String, false, null, null), new LintColumn("p.effectiveTo", LintValueKind.Date, true, null, null)],
            operation.Result.AsEnumerable());
        Assert.Equal([new LintTypeReference(LintElementKind.Node, "Policy")], operation.Reads.AsEnumerable());
        Assert.Empty(operation.Writes);

        var mutation = report.Results[1].Operation!;
        Assert.Empty(mutation.Result);
        Assert.Equal([new LintTypeReference(LintElementKind.Node, "Policy")], mutation.Writes.AsEnumerable());
    }

    [Fact]
    public void OperationDescriptor_KindsOfEveryColumnType()
    {
        var report = QueryLinter.Lint(
            "query q() { match { $d: Doc  $d authoredBy $a } return { $d.tags, $d.embedding, $d.rank, $d.score, $d.updated_at, $d.status, $d, count($a) as n, avg($d.rank) as r } }",
            Fixture.Example,
            new LintSchemaSource(LintSchemaSourceKind.Graph, "file:///g"));
        var columns = report.Results[0].Operation!.Result;
        Assert.Equal(new LintColumn("d.tags", LintValueKind.List, true, LintValueKind.String, null), columns[0]);
        Assert.Equal(new LintColumn("d.embedding", LintValueKind.Vector, true, null, 4), columns[1]);
        Assert.Equal(LintValueKind.Int, columns[2].Kind);
        Assert.Equal(LintValueKind.Float, columns[3].Kind);
        Assert.Equal(LintValueKind.Datetime, columns[4].Kind);
        Assert.Equal(LintValueKind.String, columns[5].Kind);
        Assert.Equal(new LintColumn("d", LintValueKind.String, false, null, null, NodeType: "Doc"), columns[6]);
        Assert.Equal(new LintColumn("n", LintValueKind.Bigint, false, null, null), columns[7]);
        Assert.Equal(new LintColumn("r", LintValueKind.Float, true, null, null), columns[8]);
        Assert.Equal(
            [new LintTypeReference(LintElementKind.Node, "Doc"), new LintTypeReference(LintElementKind.Node, "Person"), new LintTypeReference(LintElementKind.Edge, "AuthoredBy")],
            report.Results[0].Operation!.Reads.AsEnumerable());
    }

    [Fact]
    public void NodeDelete_ReadsAndWritesCascadedEdges()
    {
        var operation = QueryLinter.Lint(Fixture.Read("mutations.gq"), Fixture.Test, s_file).Results.Single(static r => r.Name == "remove_person").Operation!;
        Assert.Equal(["Knows", "WorksAt"], operation.Writes.Where(static w => w.Kind == LintElementKind.Edge).Select(static w => w.TypeName));
        Assert.Contains(new LintTypeReference(LintElementKind.Node, "Person"), operation.Writes);
    }

    [Fact]
    public void ParseFailure_IsASingleQ000Finding()
    {
        var report = Lint("query q( { }");
        Assert.Equal(LintStatus.Error, report.Status);
        Assert.Equal(0, report.QueriesProcessed);
        Assert.Empty(report.Results);
        var finding = Assert.Single(report.Findings);
        Assert.Equal(("Q000", LintSeverity.Error), (finding.Code, finding.Severity));
        Assert.StartsWith("parse error: line 1, column 10:", finding.Message);
        Assert.Equal((1, 10), (finding.Line, finding.Column));
        Assert.Equal(1, report.Errors);
    }

    [Fact]
    public void TypeError_FailsItsQueryOnly()
    {
        var report = Lint("query bad() { match { $x: Nope } return { $x } } query good() { match { $p: Policy } return { $p.slug } }");
        Assert.Equal(LintStatus.Error, report.Status);
        Assert.Equal(2, report.QueriesProcessed);
        var bad = report.Results[0];
        Assert.Equal(LintStatus.Error, bad.Status);
        Assert.Null(bad.Operation);
        Assert.StartsWith("type error: T1: unknown node type `Nope`", bad.Error);
        Assert.Equal(LintStatus.Ok, report.Results[1].Status);
        var finding = Assert.Single(report.Findings);
        Assert.Equal(("T1", LintSeverity.Error), (finding.Code, finding.Severity));
        Assert.Equal(["bad"], finding.QueryNames!.Value.AsEnumerable());
        Assert.Equal((1, 27), (finding.Line, finding.Column));
    }

    [Fact]
    public void Results_CarryTheDeclaredParametersAndTheLinksBetweenReturnedNodes()
    {
        var report = QueryLinter.Lint(
            "query q($slug: String, $tags: [String]?) { match { $d: Doc { slug: $slug }  $d authoredBy $a } return { $d, $a, $d.rank } } query bad($n: I64) { match { $x: Nope } return { $x } }",
            Fixture.Example,
            new LintSchemaSource(LintSchemaSourceKind.Graph, "file:///g"));
        var read = report.Results[0];
        Assert.Equal([new LintColumn("slug", LintValueKind.String, false, null, null), new LintColumn("tags", LintValueKind.List, true, LintValueKind.String, null)], read.Params!.Value.AsEnumerable());
        Assert.Equal([new LintLink("d", "a", "AuthoredBy", MultiHop: false)], read.Operation!.Links!.Value.AsEnumerable());
        Assert.Equal("Person", read.Operation.Result[1].NodeType);
        Assert.Null(read.Operation.Result[2].NodeType);

        // A query that fails type checking still declares its parameters.
        Assert.Equal([new LintColumn("n", LintValueKind.Bigint, false, null, null)], report.Results[1].Params!.Value.AsEnumerable());
    }

    [Theory]
    [InlineData("query a() { match { $p: Policy } return { lower($p.slug, 1) as s } }", "query_function_arity", "function error: lower() takes exactly one argument, got 2 (at line 1, column 43)")]
    [InlineData("query a() { match { $p: Policy\n  length($p.effectiveTo) > 1 } return { $p.slug } }", "query_function_argument", "function error: length() needs a String argument, got `$p.effectiveTo` (Date?) (at line 2, column 10)")]
    [InlineData("query a() { match { $p: Policy  slugify($p.slug) = \"x\" } return { $p.slug } }", "query_function_unknown", "function error: unknown function 'slugify' (at line 1, column 33)")]
    [InlineData("query a($t: String) { update Policy set { title: upper($t) } where slug = $t }", "query_function_not_allowed", "function error: upper() cannot be used in a mutation value;")]
    public void FunctionErrors_AreFindingsWithTheirCodeAndPosition(string query, string code, string message)
    {
        var report = Lint(query);
        Assert.Equal(LintStatus.Error, report.Status);
        var finding = Assert.Single(report.Findings, static f => f.Severity == LintSeverity.Error);
        Assert.Equal(code, finding.Code);
        Assert.StartsWith(message, finding.Message);
        Assert.Equal(finding.Message, report.Results[0].Error);
        Assert.Contains("\"code\": \"" + code + "\"", report.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void RankingWithADirection_IsAFindingWithItsCode()
    {
        var report = Lint(
            "query a() { match { $p: Policy } return { $p.slug } order { bm25($p.title, \"x\") desc } }",
            "node Policy { slug: String @key  title: String }");
        Assert.Equal(LintStatus.Error, report.Status);
        var finding = Assert.Single(report.Findings, static f => f.Severity == LintSeverity.Error);
        Assert.Equal(ErrorCodes.QuerySearchOrderDirection, finding.Code);
        Assert.Contains("bm25(…) orders best first on its own and takes no asc/desc", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MixedMutation_IsAD2Error()
    {
        var report = QueryLinter.Lint("query m($n: String) { insert Person { name: $n }  delete Person where name = $n }", Fixture.Test, s_file);
        Assert.Equal("D2", Assert.Single(report.Findings).Code);
        Assert.Equal(LintQueryKind.Mutation, report.Results[0].Kind);
    }

    [Fact]
    public void HardcodedMutation_IsL101()
    {
        var report = QueryLinter.Lint("query reset() { update Person set { age: 0 } where name = \"Alice\" }", Fixture.Test, s_file);
        var warning = Assert.Single(report.Findings, static f => f.Code == "L101");
        Assert.Equal("mutation 'reset' takes no parameters: hardcoded mutations are easy to miss", warning.Message);
        Assert.Equal([warning.Message], report.Results[0].Warnings!.Value.AsEnumerable());
        Assert.Equal(LintStatus.Ok, report.Status);
    }

    [Fact]
    public void Json_HasTheDocumentedShape()
    {
        using var document = JsonDocument.Parse(Lint(PolicyQueries).ToJson());
        var root = document.RootElement;
        Assert.Equal("ok", root.GetProperty("status").GetString());
        Assert.Equal("file", root.GetProperty("schema_source").GetProperty("kind").GetString());
        Assert.Equal("schema.pg", root.GetProperty("schema_source").GetProperty("path").GetString());
        Assert.Equal("queries.gq", root.GetProperty("query_path").GetString());
        Assert.Equal(2, root.GetProperty("queries_processed").GetInt32());
        Assert.Equal(1, root.GetProperty("warnings").GetInt32());
        Assert.Equal(0, root.GetProperty("errors").GetInt32());
        Assert.Equal(0, root.GetProperty("infos").GetInt32());
        var first = root.GetProperty("results")[0];
        Assert.Equal("read", first.GetProperty("kind").GetString());
        Assert.False(first.TryGetProperty("error", out _));
        Assert.False(first.TryGetProperty("warnings", out _));
        var column = first.GetProperty("operation").GetProperty("result")[0];
        Assert.Equal(["name", "kind", "nullable"], column.EnumerateObject().Select(static p => p.Name));
        Assert.Equal("string", column.GetProperty("kind").GetString());
        var read = first.GetProperty("operation").GetProperty("reads")[0];
        Assert.Equal("node", read.GetProperty("kind").GetString());
        Assert.Equal("Policy", read.GetProperty("type_name").GetString());
        var finding = root.GetProperty("findings")[0];
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        Assert.Equal("L201", finding.GetProperty("code").GetString());
        Assert.Equal("effectiveTo", finding.GetProperty("property").GetString());
        Assert.Equal("set_from", finding.GetProperty("query_names")[0].GetString());
    }

    [Fact]
    public void Json_OmitsOperationOnFailureAndCarriesListKinds()
    {
        using var failed = JsonDocument.Parse(Lint("query bad() { match { $x: Nope } return { $x } }").ToJson(indented: false));
        var result = failed.RootElement.GetProperty("results")[0];
        Assert.False(result.TryGetProperty("operation", out _));
        Assert.Equal("error", result.GetProperty("status").GetString());

        using var lists = JsonDocument.Parse(QueryLinter.Lint("query q() { match { $d: Doc } return { $d.tags, $d.embedding } }", Fixture.Example, s_file).ToJson());
        var columns = lists.RootElement.GetProperty("results")[0].GetProperty("operation").GetProperty("result");
        Assert.Equal("string", columns[0].GetProperty("item_kind").GetString());
        Assert.Equal(4, columns[1].GetProperty("vector_dim").GetInt32());
    }
}

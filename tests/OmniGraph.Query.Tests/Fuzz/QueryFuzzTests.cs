using System.Text;
using System.Text.RegularExpressions;
using OmniGraph.Query.Lint;
using OmniGraph.Query.Parameters;
using OmniGraph.Schema;
using OmniGraph.Testing.Fuzz;

namespace OmniGraph.Query.Tests.Fuzz;

/// <summary>
/// Seeded mutation fuzzing: thousands of damaged query texts either compile or fail with a
/// <see cref="QueryException"/>; no other exception escapes, no input costs more than its size allows, and lint never throws.
/// </summary>
public sealed partial class QueryFuzzTests
{
    private const int Seed = 20240601;

    /// <summary>
    /// The work one input may cost (compile and lint): the largest mutants and generated inputs allocate under 200 bytes
    /// per character and small ones under 300 KB, so this leaves room to grow while a quadratic turn breaks it.
    /// </summary>
    private static readonly AllocationBudget s_workBudget = new(FixedBytes: 4 << 20, BytesPerInputChar: 2048);

    private static readonly string[] s_vocabulary =
    [
        "query", "match", "return", "order", "limit", "not", "as", "asc", "desc", "insert", "update", "delete", "set", "where",
        "contains", "starts_with", "now()", "date(\"2024-01-01\")", "datetime(\"2024-01-01T00:00:00Z\")", "count", "sum", "avg", "min", "max",
        "search", "nearest", "bm25", "rrf", "fuzzy", "match_text", "true", "false", "null",
        "{", "}", "(", ")", "[", "]", ":", ",", ".", "?", "=", "!=", "<", "<=", ">", ">=", "<knows>", "{1,3}", "{0,}", "{2,1}",
        "$p", "$f", "$_", "$w:", "$name", "$x", "Person", "Company", "Nope", "knows", "worksAt", "name", "age", "since",
        "0", "1", "2.5", "99999999999999999999999", "\"Alice\"", "\"\\u\"", "\"open", "@description(\"d\")", "@instruction(\"i\")",
        "/*", "*/", "//", "\n", "é", "\0", "I32", "String?", "[String]", "Vector(3)", "Vector(0)",
    ];

    [GeneratedRegex("""\s+|"(?:\\.|[^"\\])*"?|\$[A-Za-z0-9_]*|[A-Za-z0-9_]+|<=|>=|!=|.""", RegexOptions.Singleline)]
    private static partial Regex TokenPattern();

    [Fact]
    public void MutatedQueries_OnlyRaiseQueryExceptions()
    {
        var random = new Random(Seed);
        var mutator = new TextMutator(random, TokenPattern(), s_vocabulary);
        string[] corpus = [Fixture.Read("test.gq"), Fixture.Read("mutations.gq"), Fixture.Read("search.gq"), Fixture.Read("example.gq")];
        var schemas = new[] { Fixture.Test, Fixture.Test, Fixture.Search, Fixture.Example };
        var outcomes = new int[2];
        for (var i = 0; i < 5000; i++)
        {
            var index = random.Next(corpus.Length);
            var source = corpus[index];
            var mutated = (i % 8) switch
            {
                0 => mutator.DeleteTokens(source),
                1 => mutator.InsertTokens(source, TokenSpacing.Spaced),
                2 => mutator.SwapTokens(source),
                3 => mutator.Truncate(source),
                4 => mutator.ReplaceCharacters(source, static r => (char)r.Next(0, 128)),
                5 => mutator.DuplicateSpan(source),
                6 => mutator.ReplaceTokens(source, maxCount: 2),
                _ => RandomTokens(mutator, random),
            };
            outcomes[Check(mutated, schemas[index]) ? 0 : 1]++;
        }

        // Both outcomes must occur, or the mutations are not exercising anything.
        Assert.True(outcomes[0] > 200, $"only {outcomes[0]} mutants compiled a query");
        Assert.True(outcomes[1] > 1000, $"only {outcomes[1]} mutants failed");
    }

    [Theory]
    [InlineData("not { ", 50_000)]
    [InlineData("count(", 50_000)]
    [InlineData("[", 100_000)]
    [InlineData("{", 100_000)]
    [InlineData("$p ", 50_000)]
    [InlineData("\"", 50_001)]
    [InlineData("/*", 50_000)]
    [InlineData("query q() { match { $p: P } return { $p } } ", 5_000)]
    public void DeepNestingAndRepetition_FailFastOrCompile(string unit, int count) =>
        Check("query q() { match { " + string.Concat(Enumerable.Repeat(unit, count)), Fixture.Test);

    [Fact]
    public void HugeButValidInputs_Compile()
    {
        var manyClauses = "query q() { match { $p: Person " + string.Concat(Enumerable.Repeat("$p.age > 1 ", 20_000)) + "} return { $p.name } }";
        Assert.True(Check(manyClauses, Fixture.Test));
        var longString = "query q() { match { $p: Person { name: \"" + new string('x', 500_000) + "\" } } return { $p.name } }";
        Assert.True(Check(longString, Fixture.Test));
        var manyProjections = "query q() { match { $p: Person } return { " + string.Join(", ", Enumerable.Range(0, 5_000).Select(static i => $"$p.name as c{i}")) + " } }";
        Assert.True(Check(manyProjections, Fixture.Test));
    }

    [Fact]
    public void RandomParameterDocuments_OnlyRaiseParameterExceptions()
    {
        var random = new Random(Seed + 1);
        var query = QueryAssert.Compile(Fixture.Test,
            "query q($s: String, $i: I32, $l: [I64]?, $v: Vector(2)?, $d: Date?, $t: DateTime?) { match { $p: Person { name: $s }  $p.age > $i } return { $p.name } }");
        string[] values = ["1", "-1", "2.5", "1e3", "1e400", "\"x\"", "\"42\"", "\"2024-01-01\"", "\"2024-01-01T00:00:00Z\"", "true", "null", "[]", "[1,2]", "[1,\"a\"]", "{}", "[null]", "99999999999999999999"];
        string[] keys = ["s", "i", "l", "v", "d", "t", "__omnigraph_now", "other"];
        for (var n = 0; n < 3000; n++)
        {
            var builder = new StringBuilder("{");
            var pairs = random.Next(0, 6);
            for (var k = 0; k < pairs; k++)
            {
                builder.Append(k == 0 ? string.Empty : ",").Append('"').Append(keys[random.Next(keys.Length)]).Append("\":").Append(values[random.Next(values.Length)]);
            }

            var json = builder.Append('}').ToString();
            if (random.Next(10) == 0)
            {
                json = json[..random.Next(json.Length)];
            }

            try
            {
                QueryParameterBinder.Bind(query, json);
            }
            catch (QueryParameterException)
            {
            }
        }
    }

    /// <summary>Returns <c>true</c> when the input compiled a query; fails on any non-query exception or an input that costs more than its size allows.</summary>
    private static bool Check(string source, SchemaCatalog schema)
    {
        var (compiled, bytes) = AllocationBudget.Measure(() => CheckOne(source, schema));
        Assert.True(bytes <= s_workBudget.For(source.Length), $"input of {source.Length} characters allocated {bytes} bytes (budget {s_workBudget.For(source.Length)})");
        return compiled;
    }

    private static bool CheckOne(string source, SchemaCatalog schema)
    {
        var compiled = false;
        try
        {
            var parsed = QuerySource.Parse(source);
            var compiler = new QueryCompiler();
            foreach (var query in parsed.Queries)
            {
                try
                {
                    compiler.Compile(parsed, schema, query.Name);
                    compiled = true;
                }
                catch (QueryException error)
                {
                    Assert.False(string.IsNullOrEmpty(error.Code));
                }
            }

            Assert.NotNull(QueryLinter.Lint(source, schema, new LintSchemaSource(LintSchemaSourceKind.File, null)).ToJson());
        }
        catch (QueryException error)
        {
            Assert.Equal(QueryErrorCodes.ParseError, error.Code);
            Assert.StartsWith("parse error: ", error.Message);
            Assert.Equal(LintStatus.Error, QueryLinter.Lint(source, schema, new LintSchemaSource(LintSchemaSourceKind.File, null)).Status);
        }

        return compiled;
    }

    /// <summary>A query header followed by 5 to 39 vocabulary words.</summary>
    private static string RandomTokens(TextMutator mutator, Random random)
    {
        var builder = new StringBuilder("query q() { ");
        for (var n = random.Next(5, 40); n > 0; n--)
        {
            builder.Append(mutator.Word()).Append(' ');
        }

        return builder.Append('}').ToString();
    }
}

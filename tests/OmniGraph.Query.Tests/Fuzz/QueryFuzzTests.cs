using System.Globalization;
using System.Text;
using System.Text.Json;
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

    /// <summary>
    /// Random params documents for a query with two required parameters (<c>$s</c>, <c>$i</c>) and optional ones: each
    /// binds or is refused with a typed error, and the outcome is checked against what the document is — a cut document
    /// is invalid JSON, a missing required key is named, a refused value names a key the document has; a bound document
    /// holds exactly its values and the clock's time unless it pins one. Every outcome is counted.
    /// </summary>
    [Fact]
    public void RandomParameterDocuments_BindOrFailTyped_AsTheDocumentDictates()
    {
        const int Documents = 3000;
        const long ClockMilliseconds = 1_700_000_000_000;
        var random = new Random(Seed + 1);
        var clock = new FixedClock(ClockMilliseconds);
        var query = QueryAssert.Compile(Fixture.Test,
            "query q($s: String, $i: I32, $l: [I64]?, $v: Vector(2)?, $d: Date?, $t: DateTime?) { match { $p: Person { name: $s }  $p.age > $i } return { $p.name } }");
        string[] anything = ["1", "-1", "2.5", "1e3", "1e400", "\"x\"", "\"42\"", "\"2024-01-01\"", "\"2024-01-01T00:00:00Z\"", "true", "null", "[]", "[1,2]", "[1,\"a\"]", "{}", "[null]", "99999999999999999999"];
        var fitting = new (string Key, double Odds, string[] Values)[]
        {
            ("s", 0.9, ["\"x\"", "\"42\"", "\"Alice\""]),
            ("i", 0.9, ["1", "-1", "\"42\"", "2147483647"]),
            ("l", 0.5, ["[]", "[1,2]", "null"]),
            ("v", 0.5, ["[1,2]", "[0.5,1.5]", "null"]),
            ("d", 0.5, ["\"2024-01-01\"", "null"]),
            ("t", 0.5, ["\"2024-01-01T00:00:00Z\"", "null"]),
            ("__omnigraph_now", 0.2, ["5", "\"2024-06-01T12:00:00Z\""]),
            ("other", 0.3, anything),
        };
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var cut = 0;
        for (var n = 0; n < Documents; n++)
        {
            // Each key with its odds; a value that fits its type three times in four, anything otherwise; a key now and then twice.
            var pairs = fitting
                .Where(k => random.NextDouble() < k.Odds)
                .SelectMany(k => Enumerable.Repeat(k, random.Next(10) == 0 ? 2 : 1))
                .Select(k => (k.Key, Value: random.Next(4) == 0 ? anything[random.Next(anything.Length)] : k.Values[random.Next(k.Values.Length)]))
                .OrderBy(_ => random.Next())
                .ToList();
            var json = "{" + string.Join(",", pairs.Select(static p => $"\"{p.Key}\":{p.Value}")) + "}";
            var isCut = random.Next(10) == 0;
            if (isCut)
            {
                json = json[..random.Next(json.Length)];
                cut++;
            }

            var present = pairs.Select(static p => p.Key).ToHashSet(StringComparer.Ordinal);
            var once = pairs.GroupBy(static p => p.Key).Where(static g => g.Count() == 1).ToDictionary(static g => g.Key, static g => g.Single().Value, StringComparer.Ordinal);
            QueryParameterValues bound;
            try
            {
                bound = QueryParameterBinder.Bind(query, json, clock);
            }
            catch (QueryException error)
            {
                outcomes[error.Code] = outcomes.GetValueOrDefault(error.Code) + 1;
                if (isCut && json.Length > 0)
                {
                    Assert.Equal((ErrorCodes.QueryParameterInvalid, (string?)null), (error.Code, error.ParameterName));
                    Assert.StartsWith("params are not valid JSON", error.Message, StringComparison.Ordinal);
                }
                else if (error.Code == ErrorCodes.QueryParameterMissing)
                {
                    Assert.Contains(error.ParameterName, (string[])["s", "i"]);
                    Assert.True(isCut || !present.Contains(error.ParameterName!), $"{json}: {error.Message}");
                }
                else
                {
                    Assert.Equal(ErrorCodes.QueryParameterInvalid, error.Code);
                    Assert.True(!isCut && present.Contains(error.ParameterName!), $"{json}: {error.Message}");
                }

                continue;
            }

            outcomes["bound"] = outcomes.GetValueOrDefault("bound") + 1;
            Assert.False(isCut, json);
            Assert.True(present.Contains("s") && present.Contains("i"), json);
            if (once.TryGetValue("s", out var s))
            {
                Assert.True(bound.TryGetValue("s", out var value));
                Assert.Equal(JsonDocument.Parse(s).RootElement.GetString(), value.AsString());
            }

            if (once.TryGetValue("i", out var i))
            {
                Assert.True(bound.TryGetValue("i", out var value));
                var number = JsonDocument.Parse(i).RootElement;
                Assert.Equal(decimal.Parse(number.ValueKind == JsonValueKind.String ? number.GetString()! : number.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture), value.AsInt32());
            }

            if (!present.Contains("__omnigraph_now"))
            {
                Assert.Equal(ClockMilliseconds, bound.NowMilliseconds);
            }
        }

        Assert.Equal(Documents, outcomes.Values.Sum());
        Assert.True(outcomes.GetValueOrDefault("bound") >= 100, $"outcomes: {string.Join(", ", outcomes)}");
        Assert.True(outcomes.GetValueOrDefault(ErrorCodes.QueryParameterMissing) >= 100, $"outcomes: {string.Join(", ", outcomes)}");
        Assert.True(outcomes.GetValueOrDefault(ErrorCodes.QueryParameterInvalid) >= cut, $"outcomes: {string.Join(", ", outcomes)}");
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
            // Duplicate names are not rejected, the first wins: the compiler sees only the first of each name.
            var outcomes = new List<string>();
            foreach (var query in parsed.Queries.DistinctBy(static q => q.Name))
            {
                try
                {
                    compiler.Compile(parsed, schema, query.Name);
                    compiled = true;
                    outcomes.Add($"{query.Name}:ok");
                }
                catch (QueryException error)
                {
                    Assert.False(string.IsNullOrEmpty(error.Code));
                    outcomes.Add($"{query.Name}:error");
                }
            }

            // The linter judges every query as the compiler does, and its JSON says what its report says.
            var report = QueryLinter.Lint(source, schema, new LintSchemaSource(LintSchemaSourceKind.File, null));
            Assert.Equal(outcomes, report.Results.DistinctBy(static r => r.Name).Select(static r => $"{r.Name}:{(r.Status == LintStatus.Ok ? "ok" : "error")}"));
            Assert.Equal(report.Results.Any(static r => r.Status == LintStatus.Error) ? LintStatus.Error : LintStatus.Ok, report.Status);
            using var json = JsonDocument.Parse(report.ToJson());
            Assert.Equal(report.Status == LintStatus.Ok ? "ok" : "error", json.RootElement.GetProperty("status").GetString());
            Assert.Equal(parsed.Queries.Length, json.RootElement.GetProperty("queries_processed").GetInt32());
            Assert.Equal(report.Errors, json.RootElement.GetProperty("findings").EnumerateArray().Count(static f => f.GetProperty("severity").GetString() == "error"));
        }
        catch (QueryException error)
        {
            Assert.Equal(ErrorCodes.QueryParseError, error.Code);
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

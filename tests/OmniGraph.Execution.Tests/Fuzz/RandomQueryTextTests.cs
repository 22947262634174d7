using OmniGraph.Execution.Tests.Equivalence;
using OmniGraph.Execution.Tests.Support;

namespace OmniGraph.Execution.Tests.Fuzz;

/// <summary>
/// Random query texts (token soup, and valid queries with tokens dropped, duplicated or replaced) and random parameter
/// documents, run through the query grain: every failure must be a typed error (an <see cref="OmniGraphException"/>
/// with a stable code), never a crash or an untyped exception.
/// </summary>
[Collection(QueryClusterCollection.Name)]
public sealed class RandomQueryTextTests(QueryCluster cluster)
{
    private static readonly string[] s_tokens =
    [
        "query", "q", "(", ")", "{", "}", "match", "return", "order", "limit", "not", "$a", "$b", "$_", "$w", "$x", ":", ",",
        "N", "M", "Nope", "e", "f", "<e>", "<f>", "knows", "$a.name", "$b.val", "$w.w", "$a.val", "=", "!=", "<", "<=", ">", ">=",
        "contains", "starts_with", "\"a\"", "\"\"", "1", "2.5", "0", "99999999999999999999", "true", "date(\"2024-01-01\")",
        "datetime(\"x\")", "now()", "count(", "sum(", "avg(", "min(", "max(", "as", "n", "asc", "desc", "{1,2}", "{0,2}", "{2,1}",
        "{1,}", "[1,2]", "[\"a\"]", "search(", "nearest(", "insert", "update", "delete", "set", "where", "$p:", "I32", "String?",
        "@description(\"d\")", "//c\n", "/*", "*/", "\\", "\"unterminated",
    ];

    private static readonly string[] s_parameters =
    [
        "", "{}", "[]", "null", "1", "\"x\"", "{\"p\":1}", "{\"p\":\"x\"}", "{\"p\":null}", "{\"p\":[1,2]}", "{\"p\":1e400}",
        "{\"p\":99999999999999999999}", "{\"p\":{\"q\":1}}", "{\"p\":\"2024-13-01\"}", "{\"p\":true}", "{", "{\"p\":1,\"p\":2}",
    ];

    [Fact]
    public async Task RandomTexts_FailOnlyWithTypedErrors()
    {
        var random = new Random(7);
        var graph = await cluster.NewGraphAsync(TinyGraph.Schema, TinyGraph.Random(new Random(3)).ToJsonl());
        var generator = new RandomQueryGenerator(new Random(11));
        var succeeded = 0;
        for (var i = 0; i < 1500; i++)
        {
            var text = (i % 3) switch
            {
                0 => string.Join(' ', Enumerable.Range(0, random.Next(1, 30)).Select(_ => s_tokens[random.Next(s_tokens.Length)])),
                1 => Mutate(generator.Next().Text(), random),
                _ => WithParameter(generator.Next().Text(), random),
            };
            var parameters = s_parameters[random.Next(s_parameters.Length)];
            try
            {
                await graph.QueryAsync(text, parameters.Length == 0 ? null : parameters);
                succeeded++;
            }
            catch (OmniGraphException typed)
            {
                Assert.False(string.IsNullOrEmpty(typed.Code), $"typed error without a code for:\n{text}");
            }
            catch (Exception other)
            {
                Assert.Fail($"untyped {other.GetType().Name}: {other.Message}\nquery:\n{text}\nparams: {parameters}\n{other}");
            }
        }

        Assert.True(succeeded > 0, "no random text ran at all: the fuzzer exercises only the parser");
    }

    private static string Mutate(string text, Random random)
    {
        var tokens = text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).ToList();
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && tokens.Count > 0; e++)
        {
            var at = random.Next(tokens.Count);
            switch (random.Next(3))
            {
                case 0:
                    tokens.RemoveAt(at);
                    break;
                case 1:
                    tokens.Insert(at, tokens[random.Next(tokens.Count)]);
                    break;
                default:
                    tokens[at] = s_tokens[random.Next(s_tokens.Length)];
                    break;
            }
        }

        return string.Join(' ', tokens);
    }

    /// <summary>A valid query with a typed parameter used in a filter, run with random parameter documents.</summary>
    private static string WithParameter(string text, Random random)
    {
        var types = new[] { "I32", "I32?", "String", "F64", "Date", "[I32]", "Bool", "U64" };
        var op = new[] { "=", "!=", "<", ">=", "contains" }[random.Next(5)];
        return text.Replace("query q()", $"query q($p: {types[random.Next(types.Length)]})", StringComparison.Ordinal)
            .Replace("  }\n  return", $"    $a.val {op} $p\n  }}\n  return", StringComparison.Ordinal);
    }
}

using System.Text;
using System.Text.Json;
using OmniGraph.Query.Ir;
using OmniGraph.Query.Parameters;
using OmniGraph.Query.Values;

namespace OmniGraph.Query.Tests.Parameters;

/// <summary>Binding params JSON (and typed values) to declared parameters, with the messages of languages.md §2.10.</summary>
public sealed class ParameterBindingTests
{
    private const string AllTypes =
        "query q($s: String, $b: Bool, $i: I32, $l: I64, $u: U32, $ul: U64, $f: F32, $d: F64, $dt: Date, $ts: DateTime, $blob: Blob, $tags: [String], $v: Vector(3), $opt: I32?) "
        + "{ match { $p: Person } return { $p.name } }";

    private static readonly CompiledQuery s_all = QueryAssert.Compile(Fixture.Test, AllTypes);

    private static readonly CompiledQuery s_getPerson = QueryAssert.Compile(Fixture.Test, Fixture.Read("test.gq"), "get_person");

    private static QueryValue Bind(string parameter, string jsonValue)
    {
        var values = QueryParameterBinder.Bind(s_all, $"{{\"{parameter}\": {jsonValue}}}");
        Assert.True(s_all.TryGetParameter(parameter, out var declared));
        return values[declared];
    }

    private static QueryException BindFails(string parameter, string jsonValue, string message)
    {
        var error = Assert.Throws<QueryException>(() => QueryParameterBinder.Bind(s_all, $"{{\"{parameter}\": {jsonValue}}}"));
        Assert.Equal(ErrorCodes.QueryParameterInvalid, error.Code);
        Assert.Equal(parameter, error.ParameterName);
        Assert.Equal($"param '{parameter}': {message}", error.Message);
        return error;
    }

    [Fact]
    public void Scalars_ConvertByDeclaredType()
    {
        Assert.Equal(QueryValue.FromString("Alice"), Bind("s", "\"Alice\""));
        Assert.Equal(QueryValue.FromBool(true), Bind("b", "true"));
        Assert.Equal(QueryValueKind.I32, Bind("i", "42").Kind);
        Assert.Equal(42, Bind("i", "\"42\"").AsInt32());
        Assert.Equal(long.MinValue, Bind("l", "-9223372036854775808").AsInt64());
        Assert.Equal(4_000_000_000u, Bind("u", "4000000000").AsUInt32());
        Assert.Equal(ulong.MaxValue, Bind("ul", "18446744073709551615").AsUInt64());
        Assert.Equal(0.1f, Bind("f", "0.1").AsFloat32());
        Assert.Equal(3.0, Bind("d", "3").AsFloat64());
        Assert.Equal("2024-02-29", TemporalText.FormatDate(Bind("dt", "\"2024-02-29\"").AsDate()));
        Assert.Equal(1_717_243_200_000, Bind("ts", "\"2024-06-01T12:00:00Z\"").AsDateTime());
        Assert.Equal(1_717_236_000_000, Bind("ts", "\"2024-06-01T12:00:00+02:00\"").AsDateTime());
        Assert.Equal(QueryValue.FromString("base64:AAAA"), Bind("blob", "\"base64:AAAA\""));
    }

    [Theory]
    [InlineData("s", "3", "expected string, got number")]
    [InlineData("s", "[\"a\"]", "expected string, got array")]
    [InlineData("b", "\"true\"", "expected boolean, got string")]
    [InlineData("i", "3000000000", "value 3000000000 exceeds I32")]
    [InlineData("i", "\"3000000000\"", "value 3000000000 exceeds I32")]
    [InlineData("u", "-1", "value -1 exceeds U32")]
    [InlineData("ul", "18446744073709551616", "value 18446744073709551616 exceeds U64")]
    [InlineData("i", "2.5", "expected integer, got number 2.5 (an integer has no fraction or exponent)")]
    [InlineData("i", "1.0", "expected integer, got number 1.0 (an integer has no fraction or exponent)")]
    [InlineData("i", "1e2", "expected integer, got number 1e2 (an integer has no fraction or exponent)")]
    [InlineData("l", "3E0", "expected integer, got number 3E0 (an integer has no fraction or exponent)")]
    [InlineData("u", "[1]", "expected integer, got array")]
    [InlineData("i", "\"two\"", "expected integer, got string \"two\"")]
    [InlineData("i", "true", "expected integer, got boolean")]
    [InlineData("l", "1e400", "expected integer, got number 1e400 (an integer has no fraction or exponent)")]
    [InlineData("l", "123456789012345678901234567890123456789012", "value 123456789012345678901234567890123456789012 is out of range for an integer parameter")]
    [InlineData("f", "1e39", "value 1e39 exceeds F32")]
    [InlineData("d", "1e400", "value 1e400 exceeds F64")]
    [InlineData("d", "\"1.5\"", "expected number, got string")]
    [InlineData("dt", "\"2024-02-30\"", "invalid date '2024-02-30' (expected YYYY-MM-DD)")]
    [InlineData("dt", "20240101", "expected string, got number")]
    [InlineData("ts", "\"noon\"", "invalid datetime 'noon' (expected RFC 3339, e.g. 2024-06-01T12:00:00Z)")]
    [InlineData("tags", "\"a\"", "expected array, got string")]
    [InlineData("tags", "[\"a\", 2]", "element 1: expected string, got number")]
    [InlineData("tags", "[\"a\", null]", "element 1: null is not accepted in a list")]
    [InlineData("v", "[1, 2]", "expected 3 values for Vector(3), got 2")]
    [InlineData("v", "[1, \"x\", 3]", "element 1: expected number, got string")]
    [InlineData("v", "[1, 1e39, 3]", "element 1: value 1e39 exceeds F32")]
    [InlineData("s", "null", "null is not accepted for non-nullable parameter")]
    public void Mismatches_NameTheParameter(string parameter, string json, string message) =>
        BindFails(parameter, json, message);

    [Fact]
    public void ListsAndVectors()
    {
        Assert.Equal([QueryValue.FromString("a"), QueryValue.FromString("b")], Bind("tags", "[\"a\", \"b\"]").AsList().AsEnumerable());
        Assert.Empty(Bind("tags", "[]").AsList());
        Assert.Equal([1f, 2.5f, -3f], Bind("v", "[1, 2.5, -3]").AsVector().ToArray());
    }

    [Fact]
    public void OptionalParameters_NullOrOmittedAreNull()
    {
        Assert.True(s_all.TryGetParameter("opt", out var opt));
        Assert.True(QueryParameterBinder.Bind(s_all, "{\"opt\": null}")[opt].IsNull);
        var omitted = QueryParameterBinder.Bind(s_all, "{}");
        Assert.True(omitted.IsProvided(opt));
        Assert.True(omitted[opt].IsNull);
    }

    [Fact]
    public void MissingReferencedRequiredParameter_IsNotProvided()
    {
        var error = Assert.Throws<QueryException>(() => QueryParameterBinder.Bind(s_getPerson, "{\"nme\": \"Alice\"}"));
        Assert.Equal(ErrorCodes.QueryParameterMissing, error.Code);
        Assert.Equal("parameter 'name' not provided", error.Message);
    }

    [Fact]
    public void MissingUnreferencedParameter_FailsOnlyWhenRead()
    {
        var values = QueryParameterBinder.Bind(s_all, "{}");
        Assert.True(s_all.TryGetParameter("s", out var s));
        Assert.False(values.IsProvided(s));
        Assert.Equal("parameter 's' not provided", Assert.Throws<QueryException>(() => values[s]).Message);
    }

    [Fact]
    public void UndeclaredKeys_AreIgnored()
    {
        var values = QueryParameterBinder.Bind(s_getPerson, "{\"name\": \"Alice\", \"extra\": [1, {\"x\": null}]}");
        Assert.Equal(QueryValue.FromString("Alice"), values[s_getPerson.Parameters[0]]);
        Assert.False(values.TryGetValue("extra", out _));
    }

    [Theory]
    [InlineData("[]", "params must be a JSON object, got array")]
    [InlineData("\"x\"", "params must be a JSON object, got string")]
    [InlineData("null", "params must be a JSON object, got null")]
    public void Document_MustBeAnObject(string json, string message)
    {
        var error = Assert.Throws<QueryException>(() => QueryParameterBinder.Bind(s_getPerson, json));
        Assert.Equal(ErrorCodes.QueryParameterInvalid, error.Code);
        Assert.Equal(message, error.Message);
        Assert.Null(error.ParameterName);
    }

    [Fact]
    public void Document_MustBeValidJson()
    {
        var error = Assert.Throws<QueryException>(() => QueryParameterBinder.Bind(s_getPerson, "{\"name\": "));
        Assert.StartsWith("params are not valid JSON", error.Message);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void NoDocument_MeansNoParameters(string? json)
    {
        var adults = QueryAssert.Compile(Fixture.Test, Fixture.Read("test.gq"), "adults");
        var values = QueryParameterBinder.Bind(adults, json, new FixedClock(1_234_567));
        Assert.Empty(adults.Parameters);
        Assert.Equal(1_234_567, values.NowMilliseconds);
        Assert.Equal(QueryValue.FromDateTime(1_234_567), values.Now);
        Assert.False(values.TryGetValue("name", out _));
    }

    [Fact]
    public void Utf8AndElementOverloads_AgreeWithText()
    {
        var utf8 = QueryParameterBinder.Bind(s_getPerson, Encoding.UTF8.GetBytes("{\"name\":\"Bob\"}"));
        using var document = JsonDocument.Parse("{\"name\":\"Bob\"}");
        var element = QueryParameterBinder.Bind(s_getPerson, document.RootElement);
        Assert.Equal(utf8[s_getPerson.Parameters[0]], element[s_getPerson.Parameters[0]]);
    }

    [Fact]
    public void Now_IsPinnedByTheReservedKey_OrReadFromTheClock()
    {
        var pinned = QueryParameterBinder.Bind(s_getPerson, "{\"name\": \"A\", \"__omnigraph_now\": \"2024-06-01T12:00:00Z\"}");
        Assert.Equal(1_717_243_200_000, pinned.NowMilliseconds);
        Assert.Equal(QueryValue.FromDateTime(1_717_243_200_000), pinned.Now);
        Assert.Equal(5, QueryParameterBinder.Bind(s_getPerson, "{\"name\": \"A\", \"__omnigraph_now\": 5}").NowMilliseconds);
        var clock = new FixedClock(DateTimeOffset.FromUnixTimeMilliseconds(1_000_000));
        Assert.Equal(1_000_000, QueryParameterBinder.Bind(s_getPerson, "{\"name\": \"A\"}", clock).NowMilliseconds);
    }

    [Fact]
    public void TypedValues_ConvertExactly()
    {
        Assert.True(s_all.TryGetParameter("i", out var i));
        Assert.True(s_all.TryGetParameter("dt", out var dt));
        Assert.True(s_all.TryGetParameter("v", out var v));
        var values = QueryParameterBinder.Bind(s_all, new Dictionary<string, QueryValue>
        {
            ["i"] = QueryValue.FromInt64(7),
            ["dt"] = QueryValue.FromString("2024-01-01"),
            ["v"] = QueryValue.FromList([QueryValue.FromInt64(1), QueryValue.FromFloat64(2), QueryValue.FromFloat64(3)]),
        });
        Assert.Equal(QueryValue.FromInt32(7), values[i]);
        Assert.Equal(QueryValueKind.I32, values[i].Kind);
        Assert.Equal(QueryValueKind.Date, values[dt].Kind);
        Assert.Equal([1f, 2f, 3f], values[v].AsVector().ToArray());

        var overflow = Assert.Throws<QueryException>(() => QueryParameterBinder.Bind(s_all, new Dictionary<string, QueryValue> { ["i"] = QueryValue.FromInt64(1L << 40) }));
        Assert.Equal("param 'i': value 1099511627776 exceeds I32", overflow.Message);
        var wrongKind = Assert.Throws<QueryException>(() => QueryParameterBinder.Bind(s_all, new Dictionary<string, QueryValue> { ["s"] = QueryValue.FromInt32(1) }));
        Assert.Equal("param 's': expected String, got I32", wrongKind.Message);
    }

    [Fact]
    public void CompiledQuery_IsReusedWithDifferentValues()
    {
        var compiler = new QueryCompiler();
        var first = compiler.Compile(Fixture.Read("test.gq"), Fixture.Test, "get_person");
        var second = compiler.Compile(Fixture.Read("test.gq"), Fixture.Test, "get_person");
        Assert.Same(first, second);
        var alice = QueryParameterBinder.Bind(first, "{\"name\": \"Alice\"}");
        var bob = QueryParameterBinder.Bind(second, "{\"name\": \"Bob\"}");
        Assert.Equal("Alice", alice[first.Parameters[0]].AsString());
        Assert.Equal("Bob", bob[first.Parameters[0]].AsString());
    }

    [Fact]
    public void ValuesOfAnotherQuery_AreRejected()
    {
        var values = QueryParameterBinder.Bind(s_getPerson, "{\"name\": \"A\"}");
        Assert.Throws<ArgumentException>(() => values[s_all.Parameters[0]]);
    }
}

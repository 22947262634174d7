using System.Text;
using System.Text.Json;

namespace OmniGraph.Core.Tests.Errors;

/// <summary>
/// <see cref="JsonSyntax"/> explains JSON syntax errors in our words, with line and column: every text System.Text.Json
/// refuses gets an explanation, every text it accepts gets none, and no explanation is a framework resource key.
/// </summary>
public sealed class JsonSyntaxTests
{
    [Theory]
    [InlineData("""{"type":"City","data":{"name":"X","country":N}}""", 1, 45, "expected a value (an object, array, string, number, true, false or null), found 'N'")]
    [InlineData("{\"type\":\"City\",", 1, 16, "the text ends inside an object (expected a member name)")]
    [InlineData("""{"a":""", 1, 6, "the text ends where a value was expected")]
    [InlineData("", 1, 1, "the text is empty: expected a JSON value")]
    [InlineData("   ", 1, 4, "the text is empty: expected a JSON value")]
    [InlineData("""{"a":1,}""", 1, 8, "a ',' must be followed by another member, found '}' (trailing commas are not allowed)")]
    [InlineData("[1,2,]", 1, 6, "a ',' must be followed by another element, found ']' (trailing commas are not allowed)")]
    [InlineData("""{"a" 1}""", 1, 6, "expected ':' after the member name, found '1'")]
    [InlineData("""{"a":1 "b":2}""", 1, 8, "expected ',' or '}' after a member, found '\"'")]
    [InlineData("[1 2]", 1, 4, "expected ',' or ']' after an element, found '2'")]
    [InlineData("{a:1}", 1, 2, "expected a member name in double quotes or '}', found 'a'")]
    [InlineData("""{"a":1,b:2}""", 1, 8, "expected a member name in double quotes, found 'b'")]
    [InlineData("{'a':1}", 1, 2, "expected a member name in double quotes or '}', found '''")]
    [InlineData("['a']", 1, 2, "strings must be in double quotes (\"…\"), not single quotes")]
    [InlineData("""{"a":1} {"b":2}""", 1, 9, "unexpected '{' after the end of the JSON value (one value only)")]
    [InlineData("""{"a":tru}""", 1, 9, "invalid literal: expected true, found '}'")]
    [InlineData("""{"a":nul""", 1, 9, "the text ends inside the literal null")]
    [InlineData("""{"a":01}""", 1, 7, "invalid number: a leading zero must not be followed by another digit")]
    [InlineData("""{"a":-}""", 1, 7, "invalid number: expected a digit after '-', found '}'")]
    [InlineData("""{"a":1.}""", 1, 8, "invalid number: expected a digit after '.', found '}'")]
    [InlineData("""{"a":1e}""", 1, 8, "invalid number: expected a digit in the exponent, found '}'")]
    [InlineData("""{"a":"x""", 1, 8, "the text ends inside a string (a closing '\"' is missing)")]
    [InlineData("""{"a":"\q"}""", 1, 7, "invalid escape '\\q' (expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")]
    [InlineData("""{"a":"\u12G4"}""", 1, 11, "a \\u escape needs four hex digits, found 'G'")]
    [InlineData("{\"a\":\"tab\there\"}", 1, 10, "a control character (U+0009) must be escaped inside a string")]
    [InlineData("""{"a":1 // note""", 1, 8, "expected ',' or '}' after a member, found '/'")]
    [InlineData("// note", 1, 1, "comments are not allowed in JSON")]
    [InlineData("{\n  \"a\": 1,\n  \"b\": ]\n}", 3, 8, "expected a value (an object, array, string, number, true, false or null), found ']'")]
    [InlineData("{\"é\":x}", 1, 6, "expected a value (an object, array, string, number, true, false or null), found 'x'")]
    [InlineData("[\"a\"\u00a0]", 1, 5, "expected ',' or ']' after an element, found '\u00a0' (U+00A0)")]
    public void Errors_SayWhatIsWrongWhereAndWhatWasExpected(string text, int line, int column, string message)
    {
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));

        var error = JsonSyntax.FindError(text);

        Assert.NotNull(error);
        Assert.Equal((line, column, message), (error.Line, error.Column, error.Message));
        Assert.Equal($"line {line}, column {column}: {message}", error.ToString());
    }

    [Fact]
    public void InvalidUtf8_InAString_IsNamed()
    {
        byte[] text = [.. "{\"a\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        var error = JsonSyntax.FindError(text);

        Assert.Equal("a string holds bytes that are not valid UTF-8", error?.Message);
        Assert.Equal(7, error?.Column);
    }

    [Fact]
    public void NestingBeyondTheLimit_IsNamed()
    {
        var deep = new string('[', 65) + new string(']', 65);

        Assert.Equal("the value is nested more than 64 levels deep", JsonSyntax.FindError(deep)?.Message);
        Assert.Null(JsonSyntax.FindError(new string('[', 64) + new string(']', 64)));
    }

    [Fact]
    public void UnexpectedEnd_IsFlagged()
    {
        Assert.True(JsonSyntax.FindError("{\"a\":[1,")!.IsUnexpectedEnd);
        Assert.False(JsonSyntax.FindError("{\"a\":x}")!.IsUnexpectedEnd);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData(" {\"a\" : [1, -2.5e+3, 0, 0.25E-2, true, false, null, \"x\\\"\\u00e9\\n\", {\"b\":{}}]} \n")]
    [InlineData("\"just a string\"")]
    [InlineData("-0")]
    [InlineData("{\"é\":\"☃ 𝄞\"}")]
    public void WellFormedText_HasNoError(string text)
    {
        using var _ = JsonDocument.Parse(text);

        Assert.Null(JsonSyntax.FindError(text));
    }

    /// <summary>Seeded mutations of valid records: the scanner finds an error exactly when the framework's reader does.</summary>
    [Fact]
    public void AgreesWithTheFrameworkReader_OnMutatedRecords()
    {
        var random = new Random(20261206);
        const string seed = """{"type":"Person","data":{"name":"Ada \u00e9","age":36,"tags":["a","b"],"score":-1.5e3,"ok":true,"none":null}}""";
        const string alphabet = "{}[]:,\"\\ 0123456789.-+eEtrufalsn\u00e9x";
        var disagreements = new List<string>();
        var refused = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var text = new StringBuilder(seed);
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var position = random.Next(text.Length);
                switch (random.Next(3))
                {
                    case 0:
                        text.Remove(position, 1);
                        break;
                    case 1:
                        text.Insert(position, alphabet[random.Next(alphabet.Length)]);
                        break;
                    default:
                        text[position] = alphabet[random.Next(alphabet.Length)];
                        break;
                }
            }

            var candidate = text.ToString();
            bool frameworkRefuses;
            try
            {
                using var _ = JsonDocument.Parse(candidate);
                frameworkRefuses = false;
            }
            catch (JsonException)
            {
                frameworkRefuses = true;
                refused++;
            }

            var error = JsonSyntax.FindError(candidate);
            if (frameworkRefuses != error is not null)
            {
                disagreements.Add($"{candidate} -> {error?.ToString() ?? "no error"}");
            }
        }

        Assert.True(refused > 10_000, $"only {refused} mutants were invalid");
        Assert.True(disagreements.Count == 0, string.Join('\n', disagreements.Take(10)));
    }
}

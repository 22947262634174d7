using System.Text.Json;
using OmniGraph.Cli.Tests.Support;

namespace OmniGraph.Cli.Tests.QueryCommand;

/// <summary>The read output formats of <c>omnigraph query</c> (languages.md §4.1–§4.2) over every value type.</summary>
public sealed class QueryOutputFormatTests : IAsyncLifetime
{
    private const string Schema = """
        node Thing {
            key: String @key
            flag: Bool?
            small: I32?
            big: I64?
            usmall: U32?
            ubig: U64?
            single: F32?
            double: F64?
            day: Date?
            moment: DateTime?
            tags: [String]?
            embedding: Vector(3)?
            status: enum(draft, live)?
            note: String?
        }
        """;

    private const string Data = """
        {"type":"Thing","data":{"key":"a","flag":true,"small":-7,"big":9007199254740993,"usmall":4000000000,"ubig":18446744073709551615,"single":0.1,"double":30.0,"day":"2024-02-29","moment":"2024-06-01T12:00:00Z","tags":["x","y"],"embedding":[1,0.5,-2],"status":"live","note":"line1\nline2, \"quoted\""}}
        {"type":"Thing","data":{"key":"b","embedding":[0,0,0]}}
        """;

    private const string All = "query all() { match { $t: Thing } return { $t.key, $t.flag, $t.small, $t.big, $t.usmall, $t.ubig, $t.single, $t.double, $t.day, $t.moment, $t.tags, $t.embedding, $t.status, $t.note } order { $t.key } }";

    private readonly CliWorkspace _workspace = new();

    public async Task InitializeAsync()
    {
        var schema = _workspace.Write("things.pg", Schema);
        var data = _workspace.Write("things.jsonl", Data);
        await CliRun.OkAsync("init", "--schema", schema, _workspace.Graph);
        await CliRun.OkAsync("load", _workspace.Graph, "--data", data, "--mode", "overwrite", "--quiet");
    }

    public Task DisposeAsync()
    {
        _workspace.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Every type's JSON value: numbers stay numbers (F32 widened, integral floats keep .0), dates and times as ISO text, lists and vectors as arrays, nulls as null.</summary>
    [Fact]
    public async Task Json_MapsEveryValueType()
    {
        var result = await CliRun.OkAsync("query", "-e", All, "--json", "--store", _workspace.Graph);
        var rows = result.Json().GetProperty("rows");

        Assert.Equal(
            """{"t.key":"a","t.flag":true,"t.small":-7,"t.big":9007199254740993,"t.usmall":4000000000,"t.ubig":18446744073709551615,"t.single":0.10000000149011612,"t.double":30.0,"t.day":"2024-02-29","t.moment":"2024-06-01T12:00:00.000Z","t.tags":["x","y"],"t.embedding":[1.0,0.5,-2.0],"t.status":"live","t.note":"line1\nline2, \"quoted\""}""",
            RawObject(result.Out, 0));
        Assert.All(rows[1].EnumerateObject().Where(static p => p.Name is not ("t.key" or "t.embedding")), static p => Assert.Equal(JsonValueKind.Null, p.Value.ValueKind));
    }

    [Fact]
    public async Task JsonLines_IsAMetadataLineThenCompactRows()
    {
        var lines = (await CliRun.OkAsync("query", "-e", "query q() { match { $t: Thing } return { $t.key, $t.small } order { $t.key } }", "--format", "jsonl", "--store", _workspace.Graph)).Out.Split('\n');

        Assert.Equal("""{"kind":"metadata","query_name":"q","target":{"branch":"main","snapshot":null},"row_count":2}""", lines[0]);
        Assert.Equal("""{"t.key":"a","t.small":-7}""", lines[1]);
        Assert.Equal("""{"t.key":"b","t.small":null}""", lines[2]);
        Assert.Equal(string.Empty, lines[3]);
    }

    [Fact]
    public async Task Csv_QuotesFieldsWithCommasQuotesAndLineBreaks()
    {
        var output = (await CliRun.OkAsync("query", "-e", "query q() { match { $t: Thing } return { $t.key, $t.note, $t.tags, $t.day } order { $t.key } }", "--format", "csv", "--store", _workspace.Graph)).Out;

        Assert.Equal("t.key,t.note,t.tags,t.day\na,\"line1\nline2, \"\"quoted\"\"\",\"[\"\"x\"\",\"\"y\"\"]\",2024-02-29\nb,null,null,null\n", output);
    }

    [Fact]
    public async Task Table_HasAHeaderLineAFittedGridAndEscapedLineBreaks()
    {
        var output = (await CliRun.OkAsync("query", "-e", "query q() { match { $t: Thing } return { $t.key, $t.small, $t.note } order { $t.key } }", "--store", _workspace.Graph)).Out;

        Assert.Equal(
            "2 rows from branch main via q\n"
            + "t.key | t.small | t.note\n"
            + "------+---------+-----------------------\n"
            + "a     | -7      | line1\\nline2, \"quoted\"\n"
            + "b     | null    | null\n",
            output);
    }

    [Fact]
    public async Task KeyValue_ListsEachRowsColumns()
    {
        var output = (await CliRun.OkAsync("query", "-e", "query q() { match { $t: Thing } return { $t.key, $t.double as d } order { $t.key } }", "--format", "kv", "--store", _workspace.Graph)).Out;

        Assert.Equal("2 rows from branch main via q\nrow 1\nt.key: a\nd: 30.0\n\nrow 2\nt.key: b\nd: null\n", output);
    }

    [Fact]
    public async Task ScoreColumns_AreNumbersInEveryFormat()
    {
        // L2 distances to [1, 0.5, 1]: b = |(1, 0.5, 1)| = 1.5, a = |(0, 0, 3)| = 3 (exact in float32).
        const string Nearest = "query q() { match { $t: Thing } return { $t.key, nearest($t.embedding, [1, 0.5, 1]) as d } order { nearest($t.embedding, [1, 0.5, 1]) } limit 2 }";
        async Task<string> Run(string format) => (await CliRun.OkAsync("query", "-e", Nearest, "--format", format, "--store", _workspace.Graph)).Out;

        var json = (await CliRun.OkAsync("query", "-e", Nearest, "--json", "--store", _workspace.Graph)).Json();
        Assert.Equal("""[{"t.key":"b","d":1.5},{"t.key":"a","d":3.0}]""", CliResult.Compact(json.GetProperty("rows")));
        Assert.Equal("t.key,d\nb,1.5\na,3.0\n", await Run("csv"));
        Assert.Equal("""{"t.key":"b","d":1.5}""", (await Run("jsonl")).Split('\n')[1]);
        Assert.Equal("2 rows from branch main via q\nt.key | d\n------+----\nb     | 1.5\na     | 3.0\n", await Run("table"));
        Assert.Equal("2 rows from branch main via q\nrow 1\nt.key: b\nd: 1.5\n\nrow 2\nt.key: a\nd: 3.0\n", await Run("kv"));
    }

    [Theory]
    [InlineData("table")]
    [InlineData("kv")]
    public async Task EmptyResult_SaysNoRows(string format)
    {
        var output = (await CliRun.OkAsync("query", "-e", "query none() { match { $t: Thing { key: \"zz\" } } return { $t.key } }", "--format", format, "--store", _workspace.Graph)).Out;

        Assert.Equal("0 rows from branch main via none\n(no rows)\n", output);
    }

    [Fact]
    public async Task EmptyResult_InJsonAndCsv_KeepsColumns()
    {
        const string none = "query none() { match { $t: Thing { key: \"zz\" } } return { $t.key, $t.small } }";
        var json = (await CliRun.OkAsync("query", "-e", none, "--json", "--store", _workspace.Graph)).Json();
        var csv = (await CliRun.OkAsync("query", "-e", none, "--format", "csv", "--store", _workspace.Graph)).Out;

        Assert.Equal(0, json.GetProperty("row_count").GetInt32());
        Assert.Equal("""["t.key","t.small"]""", CliResult.Compact(json.GetProperty("columns")));
        Assert.Equal("[]", CliResult.Compact(json.GetProperty("rows")));
        Assert.Equal("t.key,t.small\n", csv);
    }

    /// <summary>The exact text of row <paramref name="index"/> of the envelope, re-serialized compactly without re-formatting numbers.</summary>
    private static string RawObject(string envelope, int index)
    {
        using var document = JsonDocument.Parse(envelope);
        var row = document.RootElement.GetProperty("rows")[index];
        var parts = row.EnumerateObject().Select(static p => $"{JsonSerializer.Serialize(p.Name)}:{Compact(p.Value)}");
        return "{" + string.Join(",", parts) + "}";
    }

    private static string Compact(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => "[" + string.Join(",", value.EnumerateArray().Select(Compact)) + "]",
        JsonValueKind.String => JsonSerializer.Serialize(value.GetString(), new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
        _ => value.GetRawText(),
    };
}

using OmniGraph.Ingest.Tests.Support;
using OmniGraph.Testing.Fixtures;

namespace OmniGraph.Ingest.Tests.Envelope;

/// <summary>The strict record envelope: one JSON object per line with <c>type</c>/<c>data</c> or <c>edge</c>/<c>from</c>/<c>to</c>/<c>data</c>.</summary>
public sealed class EnvelopeRulesTests
{
    private static readonly OmniGraph.Schema.SchemaCatalog s_test = Schemas.Test;

    [Fact]
    public void NodeAndEdgeRecords_AreRead()
    {
        var run = IntakeRun.Load(s_test, """
            {"type":"Person","data":{"name":"Alice","age":30}}
            {"edge":"Knows","from":"Alice","to":"Alice","data":{"since":"2020-01-01"}}
            """);

        Assert.Equal(["Alice"], run.Ids("node:Person"));
        Assert.Equal(["Alice"], run.Values("edge:Knows", "src"));
        Assert.Equal(["Alice"], run.Values("edge:Knows", "dst"));
    }

    [Fact]
    public void Data_IsOptional()
    {
        var run = IntakeRun.Load(s_test, """{"edge":"WorksAt","from":"Alice","to":"Acme"}""");

        Assert.Equal(1, run.Summary("edge:WorksAt").RowCount);
    }

    [Fact]
    public void MembersMayComeInAnyOrder_DataBeforeType()
    {
        var run = IntakeRun.Load(s_test, """
            {"data":{"age":30,"name":"Alice"},"type":"Person"}
            {"data":{"since":19000},"to":"Alice","from":"Alice","edge":"Knows"}
            """);

        Assert.Equal(["Alice"], run.Ids("node:Person"));
        Assert.Equal([30], run.Values("node:Person", "age"));
        Assert.Equal([19000], run.Values("edge:Knows", "since"));
    }

    [Fact]
    public void BothTypeAndEdge_AreRejected()
    {
        var error = IntakeRun.Fail(ErrorCodes.InvalidData, s_test, """{"type":"Person","edge":"Knows","data":{"name":"A"}}""");

        Assert.Equal("line 1: graph batch record must contain exactly one of 'type' or 'edge'", error.Message);
        Assert.Equal(ErrorCodes.InvalidData, error.Code);
    }

    [Fact]
    public void NeitherTypeNorEdge_IsRejected()
    {
        var error = IntakeRun.Fail(ErrorCodes.InvalidData, s_test, """{"data":{"name":"A"}}""");

        Assert.Contains("exactly one of 'type' or 'edge'", error.Message);
    }

    [Fact]
    public void UnknownTopLevelMember_IsRejected()
    {
        var error = IntakeRun.Fail(ErrorCodes.UnknownField, s_test, """{"type":"Person","data":{"name":"A"},"extra":1}""");

        Assert.Equal("line 1: unknown top-level graph batch field 'extra'", error.Message);
        Assert.Equal("extra", error.Field);
        Assert.Equal(ErrorCodes.UnknownField, error.Code);
    }

    [Fact]
    public void FromOnANodeRecord_IsAnUnknownTopLevelMember()
    {
        var error = IntakeRun.Fail(ErrorCodes.UnknownField, s_test, """{"type":"Person","from":"x","data":{"name":"A"}}""");

        Assert.Contains("unknown top-level graph batch field 'from'", error.Message);
    }

    [Theory]
    [InlineData("""{"type":1,"data":{}}""", "'type' must be a string, got 1", "type")]
    [InlineData("""{"edge":null,"from":"a","to":"b"}""", "'edge' must be a string, got null", "edge")]
    [InlineData("""{"edge":"Knows","from":5,"to":"b"}""", "'from' must be a string node id, got 5", "from")]
    [InlineData("""{"edge":"Knows","from":"a","to":["b"]}""", "'to' must be a string node id, got an array", "to")]
    [InlineData("""{"type":"Person","data":[1]}""", "'data' must be a JSON object, got an array", "data")]
    [InlineData("""{"type":"Person","data":null}""", "'data' must be a JSON object, got null", "data")]
    public void EnvelopeMembers_MustHaveTheirJsonTypes(string line, string reason, string field)
    {
        var error = IntakeRun.Fail(ErrorCodes.InvalidData, s_test, line);

        Assert.Equal($"line 1: {reason}", error.Message);
        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData("""{"edge":"Knows","to":"b"}""", "edge record is missing 'from'")]
    [InlineData("""{"edge":"Knows","from":"a"}""", "edge record is missing 'to'")]
    public void EdgeRecords_NeedBothEndpoints(string line, string reason)
    {
        Assert.Contains(reason, IntakeRun.Fail(ErrorCodes.InvalidData, s_test, line).Message);
    }

    [Fact]
    public void RecordMustBeAnObject()
    {
        var error = IntakeRun.Fail(ErrorCodes.InvalidData, s_test, "[1,2]");

        Assert.Equal("line 1: a graph batch record must be a JSON object", error.Message);
    }

    [Fact]
    public void UnknownNodeType_NamesTheLine()
    {
        var error = IntakeRun.Fail(ErrorCodes.UnknownType, s_test, "\n\n" + """{"type":"Persn","data":{}}""");

        Assert.Equal("line 3: unknown node type 'Persn'", error.Message);
        Assert.Equal(ErrorCodes.UnknownType, error.Code);
        Assert.Equal(3, error.Line);
        Assert.Equal("Persn", error.Get(ErrorDetail.TypeName));
    }

    [Fact]
    public void UnknownEdgeType_NamesTheLine()
    {
        var error = IntakeRun.Fail(ErrorCodes.UnknownType, s_test, """{"edge":"Likes","from":"a","to":"b"}""");

        Assert.Equal("line 1: unknown edge type 'Likes'", error.Message);
        Assert.True(error.Get(ErrorDetail.IsEdge));
    }

    [Fact]
    public void NodeTypeNames_AreCaseSensitive()
    {
        Assert.Contains("unknown node type 'person'", IntakeRun.Fail(ErrorCodes.UnknownType, s_test, """{"type":"person","data":{"name":"A"}}""").Message);
    }

    [Fact]
    public void EdgeTypeNames_MatchExactlyThenCaseInsensitively()
    {
        var run = IntakeRun.Load(s_test, """
            {"edge":"worksAt","from":"Alice","to":"Acme"}
            {"edge":"KNOWS","from":"Alice","to":"Bob"}
            """);

        Assert.Equal(1, run.Summary("edge:WorksAt").RowCount);
        Assert.Equal(1, run.Summary("edge:Knows").RowCount);
    }

    [Fact]
    public void EscapedNamesAndValues_AreUnescaped()
    {
        var run = IntakeRun.Load(s_test, """{"\u0074ype":"Per\u0073on","data":{"n\u0061me":"Al\u00e9\"x\"","age":1}}""");

        Assert.Equal(["Alé\"x\""], run.Ids("node:Person"));
    }

    [Fact]
    public void UnknownDataField_NamesTheTable()
    {
        var error = IntakeRun.Fail(ErrorCodes.UnknownField, s_test, """{"type":"Person","data":{"name":"A","height":2}}""");

        Assert.Equal("line 1: unknown input field 'height' for 'node:Person'", error.Message);
        Assert.Equal("height", error.Field);
        Assert.Equal("node:Person", error.TableName);
    }

    [Theory]
    [InlineData("_tombstone")]
    [InlineData("_rowid")]
    [InlineData("_rowaddr")]
    [InlineData("_rowoffset")]
    [InlineData("_row_created_at_version")]
    [InlineData("_row_last_updated_at_version")]
    public void ReservedPhysicalFields_AreRejected(string field)
    {
        var error = IntakeRun.Fail(ErrorCodes.InvalidData, s_test, $$$"""{"type":"Person","data":{"name":"A","{{{field}}}":1}}""");

        Assert.Equal($"line 1: data field '{field}' is reserved physical state", error.Message);
        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData("src")]
    [InlineData("dst")]
    public void EdgeStructuralFields_AreRejectedInData(string field)
    {
        var error = IntakeRun.Fail(ErrorCodes.InvalidData, s_test, $$$"""{"edge":"Knows","from":"a","to":"b","data":{"{{{field}}}":"x"}}""");

        Assert.Contains($"edge data field '{field}' is reserved structural state", error.Message);
    }

    [Fact]
    public void DataId_MustBeAString()
    {
        var error = IntakeRun.Fail(ErrorCodes.InvalidData, s_test, """{"edge":"Knows","from":"a","to":"b","data":{"id":7}}""");

        Assert.Equal("line 1: data.id must be a string, got 7", error.Message);
        Assert.Equal("id", error.Field);
    }

    [Theory]
    [InlineData("""{"type":"Person","type":"Person","data":{"name":"A"}}""", "type")]
    [InlineData("""{"type":"Person","data":{"name":"A","name":"B"}}""", "name")]
    [InlineData("""{"edge":"Knows","from":"a","to":"b","data":{"id":"x","id":"y"}}""", "id")]
    [InlineData("""{"type":"Person","data":{"name":"A","age":{"v":1,"v":2}}}""", "v")]
    [InlineData("""{"type":"Person","data":{"name":"A"},"extra":[{"q":1},{"z":1,"z":2}]}""", "z")]
    public void DuplicateMembers_AtAnyDepth_AreInvalidJson(string line, string member)
    {
        var error = IntakeRun.Fail(ErrorCodes.InvalidData, s_test, line);

        Assert.Equal($"invalid strict JSON at line 1: duplicate JSON member '{member}'", error.Message);
    }

    [Theory]
    [InlineData("""{"type":"Person","data":{"name":"A"}""")]
    [InlineData("""{"type":"Person","data":{"name":"A"}} {}""")]
    [InlineData("""{"type":"Person","data":{"name":"A",}}""")]
    [InlineData("""{"type":"Person",/*c*/"data":{"name":"A"}}""")]
    [InlineData("""{'type':'Person'}""")]
    [InlineData("""{"type":"Person","data":{"name":"A","age":NaN}}""")]
    [InlineData("""{"type":"Person","data":{"name":"\ud800"}}""")]
    public void MalformedJson_IsInvalidStrictJson(string line)
    {
        var error = IntakeRun.Fail(ErrorCodes.InvalidData, s_test, "\n" + line);

        Assert.StartsWith("invalid strict JSON at line 2: ", error.Message);
        Assert.Equal(2, error.Line);
        Assert.Null(error.Field);
    }

    /// <summary>A line is parsed as JSON before it is interpreted, so a syntax error later in the line wins over a type error earlier in it.</summary>
    [Fact]
    public void JsonErrors_TakePrecedenceOverInterpretationErrors()
    {
        var error = IntakeRun.Fail(ErrorCodes.InvalidData, s_test, """{"type":"Person","data":{"name":"A","age":"x"}, oops}""");

        Assert.StartsWith("invalid strict JSON at line 1: ", error.Message);
    }

    [Fact]
    public void PrettyPrintedRecords_AreRejected()
    {
        var error = IntakeRun.Fail(ErrorCodes.InvalidData, s_test, "{\"type\":\"Person\",\n\"data\":{\"name\":\"A\"}}");

        Assert.StartsWith("invalid strict JSON at line 1: ", error.Message);
    }

    [Fact]
    public void InvalidUtf8_IsRejected()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("""{"type":"Person","data":{"name":"AB"}}""");
        bytes[Array.IndexOf(bytes, (byte)'B')] = 0xC3;
        var error = Assert.IsType<IngestException>(Record.Exception(() => IntakeRun.Load(s_test, bytes)));

        Assert.Equal("invalid strict JSON at line 1: the line is not valid UTF-8", error.Message);
    }

    [Fact]
    public void ByteOrderMark_AtTheStart_IsIgnored()
    {
        var run = IntakeRun.Load(s_test, "\uFEFF" + """{"type":"Person","data":{"name":"A"}}""");

        Assert.Equal(["A"], run.Ids("node:Person"));
    }

    [Fact]
    public void BlankAndWhitespaceLines_AreSkippedButCounted()
    {
        var run = IntakeRun.Load(s_test, "\n   \n\t\r\n" + """{"type":"Person","data":{"name":"A"}}""" + "\n\n");

        Assert.Equal(1, run.Result.RecordCount);
        Assert.Equal(5, run.Result.LineCount);
        Assert.Equal([4L], run.Fragments.Single().LineNumbers.ToArray());
    }

    [Fact]
    public void CrLfLineEndings_AreAccepted()
    {
        var run = IntakeRun.Load(s_test, "{\"type\":\"Person\",\"data\":{\"name\":\"A\"}}\r\n{\"type\":\"Person\",\"data\":{\"name\":\"B\"}}\r\n");

        Assert.Equal(["A", "B"], run.Ids("node:Person"));
    }

    [Fact]
    public void LaterLines_ReportTheirOwnLineNumber()
    {
        var error = IntakeRun.Fail(ErrorCodes.UnknownField, s_test, AcceptanceFixtures.TestData + "\n\n" + """{"type":"Person","data":{"name":"Z","x":1}}""");

        Assert.Equal(13, error.Line);
        Assert.StartsWith("line 13: ", error.Message);
    }
}

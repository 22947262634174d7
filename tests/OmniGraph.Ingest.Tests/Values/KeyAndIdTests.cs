using System.Buffers;
using System.Text;
using OmniGraph.Ingest.Tests.Support;
using OmniGraph.Schema;

namespace OmniGraph.Ingest.Tests.Values;

/// <summary>Node ids derived from <c>@key</c> (single and composite), explicit ids, and generated ULIDs.</summary>
public sealed class KeyAndIdTests
{
    private static string KeyedId(string keyType, string json)
    {
        var catalog = SchemaCatalog.Compile($"node T {{ k: {keyType} @key }}");
        return IntakeRun.Load(catalog, $$$"""{"type":"T","data":{"k":{{{json}}}}}""").Ids("node:T").Single();
    }

    [Theory]
    [InlineData("String", "\"Alice\"", "Alice")]
    [InlineData("String", "\"\"", "")]
    [InlineData("I32", "-17", "-17")]
    [InlineData("I64", "-0", "0")]
    [InlineData("U64", "18446744073709551615", "18446744073709551615")]
    [InlineData("Bool", "true", "true")]
    [InlineData("Date", "\"2024-06-01\"", "19875")]
    [InlineData("Date", "19875", "19875")]
    [InlineData("DateTime", "\"2024-06-01T12:00:00Z\"", "1717243200000")]
    [InlineData("DateTime", "\"2024-06-01T14:00:00.5+02:00\"", "1717243200500")]
    [InlineData("enum(a, b)", "\"b\"", "b")]
    public void SingleKeys_RenderCanonically(string keyType, string json, string expectedId) =>
        Assert.Equal(expectedId, KeyedId(keyType, json));

    [Theory]
    [InlineData("F64", "1.0", "1")]
    [InlineData("F64", "1", "1")]
    [InlineData("F64", "0.1", "0.1")]
    [InlineData("F64", "-0.0", "0")]
    [InlineData("F64", "123.456", "123.456")]
    [InlineData("F64", "1e21", "1000000000000000000000")]
    [InlineData("F64", "1.5e-7", "0.00000015")]
    [InlineData("F64", "-2.5e3", "-2500")]
    [InlineData("F32", "0.1", "0.1")]
    [InlineData("F32", "16777217", "16777216")]
    [InlineData("F32", "3.4028235e38", "340282350000000000000000000000000000000")]
    [InlineData("F32", "-0", "0")]
    public void FloatKeys_UseTheShortestRoundTripAtStoredWidth(string keyType, string json, string expectedId) =>
        Assert.Equal(expectedId, KeyedId(keyType, json));

    [Fact]
    public void FloatKeys_NeverUseAnExponent()
    {
        Assert.Equal("0." + new string('0', 323) + "5", KeyedId("F64", "5e-324"));
        Assert.Equal("17976931348623157" + new string('0', 292), KeyedId("F64", "1.7976931348623157e308"));
    }

    [Fact]
    public void CompositeKeys_RenderAJsonArrayInStablePropertyOrder()
    {
        // @key lists number first, but components follow declaration (stable id) order.
        var catalog = SchemaCatalog.Compile("node Task { project: String  number: I64  @key(number, project) }");
        var run = IntakeRun.Load(catalog, """{"type":"Task","data":{"number":42,"project":"acme"}}""");

        Assert.Equal(["[\"acme\",\"42\"]"], run.Ids("node:Task"));
    }

    [Fact]
    public void CompositeKeys_EscapeComponentsLikeJson()
    {
        var catalog = SchemaCatalog.Compile("node Pair { a: String  b: String  @key(a, b) }");
        var run = IntakeRun.Load(catalog, """{"type":"Pair","data":{"a":"q\"uote\\back\nline\u0001é","b":"x/y"}}""");

        Assert.Equal(["[\"q\\\"uote\\\\back\\nline\\u0001é\",\"x/y\"]"], run.Ids("node:Pair"));
    }

    [Fact]
    public void CompositeKeys_CanBeReferencedByEdges()
    {
        var catalog = SchemaCatalog.Compile("node Task { project: String  number: I64  @key(project, number) }  edge Blocks: Task -> Task");
        var run = IntakeRun.Load(catalog, """
            {"type":"Task","data":{"project":"acme","number":1}}
            {"edge":"Blocks","from":"[\"acme\",\"1\"]","to":"[\"acme\",\"1\"]"}
            """);

        Assert.Equal(run.Ids("node:Task"), run.Values("edge:Blocks", "src"));
    }

    [Fact]
    public void MissingKey_IsRejected()
    {
        var error = IntakeRun.Fail(ErrorCodes.InvalidData, Schemas.Test, """{"type":"Person","data":{"age":3}}""");

        Assert.Equal("line 1: node Person missing @key property 'name'", error.Message);
        Assert.Equal("name", error.Field);
    }

    [Fact]
    public void NullKey_IsRejected() =>
        Assert.Equal(
            "line 1: node Person missing @key property 'name'",
            IntakeRun.Fail(ErrorCodes.InvalidData, Schemas.Test, """{"type":"Person","data":{"name":null}}""").Message);

    [Fact]
    public void ExplicitId_MustEqualTheCanonicalKeyId()
    {
        var run = IntakeRun.Load(Schemas.Test, """{"type":"Person","data":{"id":"Alice","name":"Alice"}}""");
        Assert.Equal(["Alice"], run.Ids("node:Person"));

        var error = IntakeRun.Fail(ErrorCodes.InvalidData, Schemas.Test, """{"type":"Person","data":{"id":"alice","name":"Alice"}}""");
        Assert.Equal("line 1: explicit id 'alice' does not match its canonical @key id 'Alice'", error.Message);
        Assert.Equal("id", error.Field);
    }

    [Fact]
    public void ExplicitId_OfACompositeKey_MustBeTheJsonArrayText()
    {
        var catalog = SchemaCatalog.Compile("node Task { project: String  number: I64  @key(project, number) }");

        IntakeRun.Load(catalog, """{"type":"Task","data":{"id":"[\"acme\",\"7\"]","project":"acme","number":7}}""");
        Assert.Contains(
            "does not match its canonical @key id '[\"acme\",\"7\"]'",
            IntakeRun.Fail(ErrorCodes.InvalidData, catalog, """{"type":"Task","data":{"id":"acme/7","project":"acme","number":7}}""").Message);
    }

    [Fact]
    public void UnkeyedNodes_UseTheExplicitIdOrAGeneratedUlid()
    {
        var catalog = SchemaCatalog.Compile("node Note { text: String }");
        var intake = new JsonlIntake(catalog, LoadMode.Append);
        intake.Feed("""
            {"type":"Note","data":{"id":"note-1","text":"a"}}
            {"type":"Note","data":{"text":"b"}}
            {"type":"Note","data":{"text":"c"}}
            """u8);
        var result = intake.Complete();
        Assert.True(intake.TryTakeFragment(out var fragment));
        var ids = ColumnValues.Read(fragment.Batch.Column("id")).Cast<string>().ToList();

        Assert.Equal("note-1", ids[0]);
        Assert.True(Ulid.TryParse(ids[1], out var first));
        Assert.True(Ulid.TryParse(ids[2], out var second));
        Assert.True(first < second);
        var summary = result.Tables.Single();
        Assert.Equal(1, summary.Ids.Count);
        Assert.True(summary.Ids.Contains("note-1"));
        Assert.Equal(2, summary.GeneratedIdCount);
    }

    [Fact]
    public void Edges_UseTheExplicitIdOrAGeneratedOne()
    {
        var run = IntakeRun.Load(Schemas.Test, """
            {"edge":"Knows","from":"A","to":"B","data":{"id":"k-1"}}
            {"edge":"Knows","from":"A","to":"B"}
            {"edge":"Knows","from":"A","to":"B"}
            """);
        var ids = run.Ids("edge:Knows");

        Assert.Equal("k-1", ids[0]);
        Assert.Equal(3, ids.Distinct().Count());
        Assert.All(ids.Skip(1), id => Assert.True(Ulid.TryParse(id, out _)));
    }

    /// <summary>The engine re-renders committed rows with <see cref="CanonicalKeys"/>; it must reproduce the intake's ids exactly.</summary>
    [Fact]
    public void CanonicalKeys_ReproduceTheIdsFromStoredColumns()
    {
        var catalog = SchemaCatalog.Compile("""
            node Reading { sensor: String  at: DateTime  value: F32  ok: Bool  day: Date  n: U32  @key(sensor, at, value, ok, day, n) }
            node Plain { x: F64 @key }
            """);
        var run = IntakeRun.Load(catalog, """
            {"type":"Reading","data":{"sensor":"t\"1","at":"2024-06-01T12:00:00.25Z","value":0.1,"ok":true,"day":"2024-01-02","n":4294967295}}
            {"type":"Reading","data":{"sensor":"t2","at":-5,"value":-0.0,"ok":false,"day":-1,"n":0}}
            {"type":"Plain","data":{"x":1e21}}
            {"type":"Plain","data":{"x":-0.000001}}
            """);

        foreach (var type in catalog.NodeTypes)
        {
            var batch = run.Table(type.TableName);
            var ids = run.Ids(type.TableName);
            for (var row = 0; row < batch.Length; row++)
            {
                var writer = new ArrayBufferWriter<byte>();
                CanonicalKeys.WriteNodeId(type, batch, row, writer);
                Assert.Equal(ids[row], Encoding.UTF8.GetString(writer.WrittenSpan));
            }
        }
    }

    [Fact]
    public void CanonicalKeys_FormatFloats()
    {
        Assert.Equal("1", CanonicalKeys.FormatFloat64(1.0));
        Assert.Equal("0", CanonicalKeys.FormatFloat64(-0.0));
        Assert.Equal("0.1", CanonicalKeys.FormatFloat32(0.1f));
        Assert.Equal("0.10000000149011612", CanonicalKeys.FormatFloat64(0.1f));
        Assert.Throws<ArgumentOutOfRangeException>(() => CanonicalKeys.FormatFloat64(double.NaN));
    }
}

using OmniGraph.Ingest.Tests.Support;

namespace OmniGraph.Ingest.Tests.Values;

/// <summary>Every property type: the JSON forms it accepts, what is stored, and the error for each wrong form.</summary>
public sealed class ValueConversionTests
{
    private static object? Stored(string property, string json)
    {
        var run = IntakeRun.Load(Schemas.Everything, $$$"""{"type":"Item","data":{"name":"x","{{{property}}}":{{{json}}}}}""");
        return run.Values("node:Item", property).Single();
    }

    private static IngestException Rejected(string property, string json) =>
        IntakeRun.Fail(ErrorCodes.InvalidData, Schemas.Everything, $$$"""{"type":"Item","data":{"name":"x","{{{property}}}":{{{json}}}}}""");

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Bool_AcceptsJsonBooleans(string json, bool expected) => Assert.Equal(expected, Stored("flag", json));

    [Theory]
    [InlineData("\"true\"")]
    [InlineData("1")]
    public void Bool_RejectsOtherKinds(string json) =>
        Assert.Equal($"line 1: strict property 'flag' expects Boolean, got {json}", Rejected("flag", json).Message);

    [Theory]
    [InlineData("0", 0)]
    [InlineData("-0", 0)]
    [InlineData("2147483647", int.MaxValue)]
    [InlineData("-2147483648", int.MinValue)]
    public void I32_AcceptsIntegersInRange(string json, int expected) => Assert.Equal(expected, Stored("i32", json));

    [Fact]
    public void I32_RejectsAString_WithTheDocumentedMessage()
    {
        var error = Rejected("i32", "\"x\"");

        Assert.Equal("line 1: strict property 'i32' expects Int32, got \"x\"", error.Message);
        Assert.Equal("i32", error.Field);
        Assert.Equal("node:Item", error.TableName);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1e2")]
    [InlineData("1.5")]
    public void Integers_RejectFloatSpellings(string json) =>
        Assert.Equal($"line 1: strict property 'i32' expects Int32, got {json}", Rejected("i32", json).Message);

    [Theory]
    [InlineData("i32", "2147483648", "Int32")]
    [InlineData("i32", "-2147483649", "Int32")]
    [InlineData("i64", "9223372036854775808", "Int64")]
    [InlineData("i64", "-9223372036854775809", "Int64")]
    [InlineData("u32", "4294967296", "UInt32")]
    [InlineData("u32", "-1", "UInt32")]
    [InlineData("u64", "18446744073709551616", "UInt64")]
    [InlineData("u64", "-5", "UInt64")]
    [InlineData("i64", "123456789012345678901234567890", "Int64")]
    public void Integers_AreRangeChecked(string property, string json, string rangeName) =>
        Assert.Equal($"line 1: property '{property}' value {json} exceeds {rangeName} range", Rejected(property, json).Message);

    [Fact]
    public void I64_KeepsFullPrecision()
    {
        Assert.Equal(long.MaxValue, Stored("i64", "9223372036854775807"));
        Assert.Equal(long.MinValue, Stored("i64", "-9223372036854775808"));
    }

    [Fact]
    public void U32AndU64_CoverTheirWholeRange()
    {
        Assert.Equal(uint.MaxValue, Stored("u32", "4294967295"));
        Assert.Equal(ulong.MaxValue, Stored("u64", "18446744073709551615"));
        Assert.Equal(0UL, Stored("u64", "-0"));
    }

    [Theory]
    [InlineData("1", 1.0)]
    [InlineData("0.1", 0.1)]
    [InlineData("-2.5e3", -2500.0)]
    [InlineData("1.7976931348623157e308", double.MaxValue)]
    public void F64_AcceptsAnyFiniteNumber(string json, double expected) => Assert.Equal(expected, Stored("f64", json));

    [Fact]
    public void F64_RejectsOverflowToInfinity() =>
        Assert.Equal("line 1: property 'f64' value 1e400 exceeds Float64 range", Rejected("f64", "1e400").Message);

    [Fact]
    public void F32_NarrowsAndMustStayFinite()
    {
        Assert.Equal(0.1f, Stored("f32", "0.1"));
        Assert.Equal(0f, Stored("f32", "1e-50"));
        Assert.Equal("line 1: property 'f32' value 1e39 exceeds Float32 range", Rejected("f32", "1e39").Message);
    }

    [Fact]
    public void Floats_RejectStrings() =>
        Assert.Equal("line 1: strict property 'f64' expects Float64, got \"1.5\"", Rejected("f64", "\"1.5\"").Message);

    [Theory]
    [InlineData("\"1970-01-01\"", 0)]
    [InlineData("\"2024-06-01\"", 19875)]
    [InlineData("\"1969-12-31\"", -1)]
    [InlineData("\"2000-02-29\"", 11016)]
    [InlineData("19876", 19876)]
    [InlineData("-3", -3)]
    public void Date_AcceptsIsoDatesAndDayCounts(string json, int expectedDays) => Assert.Equal(expectedDays, Stored("day", json));

    [Theory]
    [InlineData("2024-13-01")]
    [InlineData("2023-02-29")]
    [InlineData("2024-6-1")]
    [InlineData("2024-06-01T00:00:00Z")]
    [InlineData("yesterday")]
    public void Date_RejectsInvalidLiterals(string literal) =>
        Assert.Contains($"invalid Date literal '{literal}' for property 'day'", Rejected("day", $"\"{literal}\"").Message);

    [Fact]
    public void Date_RejectsFloatsAndHugeDayCounts()
    {
        Assert.Contains("strict property 'day' expects Date, got 1.5", Rejected("day", "1.5").Message);
        Assert.Contains("property 'day' value 3000000000 exceeds Int32 range", Rejected("day", "3000000000").Message);
    }

    [Theory]
    [InlineData("\"1970-01-01T00:00:00Z\"", 0L)]
    [InlineData("\"2024-06-01T12:00:00Z\"", 1717243200000L)]
    [InlineData("\"2024-06-01T12:00:00.123Z\"", 1717243200123L)]
    [InlineData("\"2024-06-01T12:00:00.1239999Z\"", 1717243200123L)]
    [InlineData("\"2024-06-01T14:00:00+02:00\"", 1717243200000L)]
    [InlineData("\"2024-06-01t07:30:00-04:30\"", 1717243200000L)]
    [InlineData("\"2024-06-01 12:00:00z\"", 1717243200000L)]
    [InlineData("\"1969-12-31T23:59:59.5Z\"", -500L)]
    [InlineData("1717243200000", 1717243200000L)]
    [InlineData("-1", -1L)]
    public void DateTime_AcceptsRfc3339AndMilliseconds(string json, long expected) => Assert.Equal(expected, Stored("at", json));

    [Theory]
    [InlineData("2024-06-01")]
    [InlineData("2024-06-01T25:00:00Z")]
    [InlineData("2024-06-01T12:00:60Z")]
    [InlineData("2024-06-01T12:00:00")]
    [InlineData("2024-06-01T12:00:00.Z")]
    [InlineData("2024-06-01T12:00:00+0200")]
    [InlineData("2024-06-01T12:00Z")]
    [InlineData("2024-06-01T07:30:00-04:30z")]
    [InlineData("2024-06-01T07:30:00+24:00")]
    public void DateTime_RejectsInvalidLiterals(string literal) =>
        Assert.Contains($"invalid DateTime literal '{literal}' for property 'at'", Rejected("at", $"\"{literal}\"").Message);

    [Fact]
    public void Blob_DecodesBase64()
    {
        Assert.Equal("hello"u8.ToArray(), Stored("payload", "\"base64:aGVsbG8=\""));
        Assert.Equal(Array.Empty<byte>(), Stored("payload", "\"base64:\""));
        Assert.Equal(new byte[] { 0xFB, 0xFF }, Stored("payload", "\"base64:+\\/8=\""));
    }

    [Theory]
    [InlineData("base64:aGVsbG8")]
    [InlineData("base64:aGVs bG8=")]
    [InlineData("base64:@@@@")]
    public void Blob_RejectsInvalidBase64(string literal) =>
        Assert.Contains("property 'payload' holds invalid base64 data", Rejected("payload", $"\"{literal}\"").Message);

    [Fact]
    public void Blob_ExternalReferences_AreDeniedByPolicy()
    {
        var error = IntakeRun.Fail(ErrorCodes.PolicyDenied, Schemas.Everything, """{"type":"Item","data":{"name":"x","payload":"s3://bucket/key"}}""");

        Assert.Equal(ErrorCodes.PolicyDenied, error.Code);
        Assert.Contains("external blob references are not allowed by policy", error.Message);
        Assert.Contains("'s3://bucket/key'", error.Message);
        Assert.Equal("payload", error.Field);
    }

    [Fact]
    public void Lists_HoldTheirItems()
    {
        Assert.Equal(new object[] { "a", "b" }, Stored("tags", "[\"a\",\"b\"]"));
        Assert.Equal(Array.Empty<object>(), Stored("tags", "[]"));
        Assert.Equal(new object[] { 1L, -2L }, Stored("counts", "[1,-2]"));
        Assert.Equal(new object[] { 0, 19875 }, Stored("days", "[\"1970-01-01\",19875]"));
        Assert.Equal(new object[] { true, false }, Stored("flags", "[true,false]"));
        Assert.Equal(new object[] { 0.5f }, Stored("ratios", "[0.5]"));
    }

    [Fact]
    public void Lists_RejectNullItems() =>
        Assert.Equal("line 1: property 'tags' list items may not be null (item 1 is null)", Rejected("tags", "[\"a\",null]").Message);

    [Fact]
    public void Lists_CheckEachItem()
    {
        Assert.Equal("line 1: strict property 'counts' item 1 expects Int64, got \"2\"", Rejected("counts", "[1,\"2\"]").Message);
        Assert.Contains("property 'counts' item 0 value 9223372036854775808 exceeds Int64 range", Rejected("counts", "[9223372036854775808]").Message);
        Assert.Contains("invalid Date literal 'x' for property 'days' item 0", Rejected("days", "[\"x\"]").Message);
    }

    [Fact]
    public void Lists_MustBeArrays() =>
        Assert.Equal("line 1: strict property 'tags' expects [String], got \"a\"", Rejected("tags", "\"a\"").Message);

    [Fact]
    public void Vectors_HoldExactlyTheirDimension()
    {
        Assert.Equal(new[] { 1f, 2.5f, -3f }, Stored("embedding", "[1, 2.5, -3]"));
        Assert.Equal("line 1: vector property 'embedding' expects 3 dimensions, got 2", Rejected("embedding", "[1,2]").Message);
        Assert.Equal("line 1: vector property 'embedding' expects 3 dimensions, got 4", Rejected("embedding", "[1,2,3,4]").Message);
    }

    [Theory]
    [InlineData("[0.1,null,0.3]", "element 1 is null")]
    [InlineData("[0.1,\"0.2\",0.3]", "element 1 is \"0.2\"")]
    [InlineData("[[1],2,3]", "element 0 is an array")]
    public void Vectors_RejectNonNumericElements(string json, string detail) =>
        Assert.Equal($"line 1: vector property 'embedding' elements must be numeric ({detail})", Rejected("embedding", json).Message);

    [Fact]
    public void Vectors_RejectElementsBeyondFloat32() =>
        Assert.Contains("vector property 'embedding' element 2 value 1e39 exceeds Float32 range", Rejected("embedding", "[1,2,1e39]").Message);

    [Fact]
    public void Vectors_MustBeArrays() =>
        Assert.Equal("line 1: strict property 'embedding' expects Vector(3), got 1", Rejected("embedding", "1").Message);

    [Fact]
    public void Enums_StoreTheirValue() => Assert.Equal("guest", Stored("role", "\"guest\""));

    [Fact]
    public void Enums_MustBeStrings() =>
        Assert.Equal("line 1: strict property 'role' expects enum(admin, guest, member), got 1", Rejected("role", "1").Message);

    [Fact]
    public void Strings_MustBeStrings() =>
        Assert.Equal("line 1: strict property 'code' expects String, got 12", Rejected("code", "12").Message);

    [Fact]
    public void Objects_AreNeverValues() =>
        Assert.Equal("line 1: strict property 'code' expects String, got an object", Rejected("code", "{\"a\":1}").Message);

    [Fact]
    public void NullAndOmitted_AreNullForNullableProperties()
    {
        var run = IntakeRun.Load(Schemas.Everything, """
            {"type":"Item","data":{"name":"a","i32":null,"tags":null,"embedding":null,"payload":null,"role":null,"flag":null}}
            {"type":"Item","data":{"name":"b"}}
            """);
        var batch = run.Table("node:Item");

        for (var column = batch.Schema.GetFieldIndex("flag"); column < batch.ColumnCount; column++)
        {
            Assert.Equal(2, batch.Column(column).NullCount);
        }
    }
}

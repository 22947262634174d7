using OmniGraph.Ingest.Tests.Support;
using OmniGraph.Schema;

namespace OmniGraph.Ingest.Tests.Validation;

/// <summary>Schema constraints checked per row: required properties, enum membership, <c>@range</c> and <c>@check</c>.</summary>
public sealed class ConstraintTests
{
    [Fact]
    public void RequiredProperty_Omitted_IsRejected()
    {
        var catalog = SchemaCatalog.Compile("node Person { name: String @key  age: I32 }");
        var error = IntakeRun.Fail(ErrorCodes.ConstraintViolation, catalog, """{"type":"Person","data":{"name":"A"}}""");

        Assert.Equal("line 1: non-nullable property 'age' has null or invalid values", error.Message);
        Assert.Equal(ErrorCodes.ConstraintViolation, error.Code);
        Assert.Equal("age", error.Field);
        Assert.Equal("node:Person", error.TableName);
    }

    [Fact]
    public void RequiredProperty_Null_IsRejected()
    {
        var catalog = SchemaCatalog.Compile("node Person { name: String @key  age: I32 }");

        Assert.Equal(
            "line 2: non-nullable property 'age' has null or invalid values",
            IntakeRun.Fail(ErrorCodes.ConstraintViolation, catalog, "{\"type\":\"Person\",\"data\":{\"name\":\"A\",\"age\":1}}\n{\"type\":\"Person\",\"data\":{\"name\":\"B\",\"age\":null}}").Message);
    }

    [Fact]
    public void RequiredEdgeProperty_IsRejectedWhenMissing()
    {
        var catalog = SchemaCatalog.Compile("node P { n: String @key }  edge Rated: P -> P { stars: I32 }");

        Assert.Contains("non-nullable property 'stars'", IntakeRun.Fail(ErrorCodes.ConstraintViolation, catalog, """{"edge":"Rated","from":"a","to":"b"}""").Message);
    }

    [Fact]
    public void Enum_OutsideTheSet_IsRejectedWithTheSortedValues()
    {
        var catalog = SchemaCatalog.Compile("node Person { name: String @key  role: enum(member, admin, guest) }");
        var error = IntakeRun.Fail(ErrorCodes.ConstraintViolation, catalog, """{"type":"Person","data":{"name":"A","role":"superadmin"}}""");

        Assert.Equal("line 1: invalid enum value 'superadmin' for Person.role (expected: admin, guest, member)", error.Message);
        Assert.Equal("role", error.Field);
    }

    [Fact]
    public void Enum_IsCaseSensitive()
    {
        var catalog = SchemaCatalog.Compile("node Person { name: String @key  role: enum(admin, guest) }");

        Assert.Contains("invalid enum value 'Admin'", IntakeRun.Fail(ErrorCodes.ConstraintViolation, catalog, """{"type":"Person","data":{"name":"A","role":"Admin"}}""").Message);
    }

    [Fact]
    public void Range_AboveMax_HasTheDocumentedMessage()
    {
        var catalog = SchemaCatalog.Compile("node Person { name: String @key  age: I32?  @range(age, 0..120) }");
        var error = IntakeRun.Fail(ErrorCodes.ConstraintViolation, catalog, """{"type":"Person","data":{"name":"Old","age":130}}""");

        Assert.Equal("line 1: @range violation on Person.age: value 130 > max 120", error.Message);
        Assert.Equal("age", error.Field);
    }

    [Fact]
    public void Range_BelowMin_HasTheDocumentedMessage()
    {
        var catalog = SchemaCatalog.Compile("node Person { name: String @key  age: I32?  @range(age, 0..120) }");

        Assert.Equal(
            "line 1: @range violation on Person.age: value -1 < min 0",
            IntakeRun.Fail(ErrorCodes.ConstraintViolation, catalog, """{"type":"Person","data":{"name":"Neg","age":-1}}""").Message);
    }

    [Fact]
    public void Range_BoundsAreInclusive_AndNullsAreNotChecked()
    {
        var catalog = SchemaCatalog.Compile("node Person { name: String @key  age: I32?  @range(age, 0..200) }");
        var run = IntakeRun.Load(catalog, """
            {"type":"Person","data":{"name":"A","age":0}}
            {"type":"Person","data":{"name":"B","age":200}}
            {"type":"Person","data":{"name":"C","age":null}}
            {"type":"Person","data":{"name":"D"}}
            """);

        Assert.Equal(4, run.Summary("node:Person").RowCount);
        Assert.Contains("@range violation", IntakeRun.Fail(ErrorCodes.ConstraintViolation, catalog, """{"type":"Person","data":{"name":"Old","age":300}}""").Message);
    }

    [Theory]
    [InlineData("0.0..100.0", "150.5", "value 150.5 > max 100.0")]
    [InlineData("-40.0..60.0", "-50.0", "value -50 < min -40.0")]
    public void Range_OnFloats(string bounds, string value, string detail)
    {
        var catalog = SchemaCatalog.Compile($"node Measurement {{ name: String @key  temperature: F64?  @range(temperature, {bounds}) }}");

        Assert.Equal(
            $"line 1: @range violation on Measurement.temperature: {detail}",
            IntakeRun.Fail(ErrorCodes.ConstraintViolation, catalog, $$$"""{"type":"Measurement","data":{"name":"m","temperature":{{{value}}}}}""").Message);
    }

    [Theory]
    [InlineData("37.5")]
    [InlineData("-20.0")]
    public void Range_OnFloats_AcceptsValuesInside(string value)
    {
        var catalog = SchemaCatalog.Compile("node Measurement { name: String @key  temperature: F64?  @range(temperature, -40.0..60.0) }");

        Assert.Single(IntakeRun.Load(catalog, $$$"""{"type":"Measurement","data":{"name":"m","temperature":{{{value}}}}}""").Fragments);
    }

    /// <summary>An F32 value is checked as stored (after narrowing), so 0.1 read as F32 exceeds a max of 0.1 written as a decimal.</summary>
    [Fact]
    public void Range_OnF32_ChecksTheStoredValue()
    {
        var catalog = SchemaCatalog.Compile("node M { name: String @key  r: F32?  @range(r, ..0.1) }");

        Assert.Equal(
            "line 1: @range violation on M.r: value 0.1 > max 0.1",
            IntakeRun.Fail(ErrorCodes.ConstraintViolation, catalog, """{"type":"M","data":{"name":"m","r":0.1}}""").Message);
    }

    [Fact]
    public void Range_OnUnsignedAndOpenBounds()
    {
        var catalog = SchemaCatalog.Compile("node M { name: String @key  n: U64?  big: I64?  @range(n, 10..)  @range(big, ..-5) }");

        Assert.Contains("value 9 < min 10", IntakeRun.Fail(ErrorCodes.ConstraintViolation, catalog, """{"type":"M","data":{"name":"m","n":9}}""").Message);
        Assert.Contains("value -4 > max -5", IntakeRun.Fail(ErrorCodes.ConstraintViolation, catalog, """{"type":"M","data":{"name":"m","big":-4}}""").Message);
        Assert.Single(IntakeRun.Load(catalog, """{"type":"M","data":{"name":"m","n":18446744073709551615,"big":-9223372036854775808}}""").Fragments);
    }

    [Fact]
    public void Check_Mismatch_HasTheDocumentedMessage()
    {
        var catalog = SchemaCatalog.Compile("""node Order { code: String @key  @check(code, "^[A-Z]{3}-[0-9]+$") }""");
        var error = IntakeRun.Fail(ErrorCodes.ConstraintViolation, catalog, """{"type":"Order","data":{"code":"invalid"}}""");

        Assert.Equal("line 1: @check violation on Order.code: value 'invalid' does not match pattern '^[A-Z]{3}-[0-9]+$'", error.Message);
        Assert.Equal("code", error.Field);
        Assert.Single(IntakeRun.Load(catalog, """{"type":"Order","data":{"code":"ABC-123"}}""").Fragments);
    }

    [Fact]
    public void Check_IsAnUnanchoredSearch_AndSkipsNulls()
    {
        var catalog = SchemaCatalog.Compile("""node Order { code: String @key  label: String?  @check(label, "[0-9]") }""");
        var run = IntakeRun.Load(catalog, """
            {"type":"Order","data":{"code":"a","label":"abc1def"}}
            {"type":"Order","data":{"code":"b","label":null}}
            {"type":"Order","data":{"code":"c"}}
            """);

        Assert.Equal(3, run.Summary("node:Order").RowCount);
    }

    [Fact]
    public void Check_MatchesNonAsciiText()
    {
        var catalog = SchemaCatalog.Compile("""node City { name: String @key  @check(name, "^\\p{Lu}\\p{Ll}+$") }""");

        Assert.Single(IntakeRun.Load(catalog, """{"type":"City","data":{"name":"Zürich"}}""").Fragments);
        Assert.Contains("value 'zürich'", IntakeRun.Fail(ErrorCodes.ConstraintViolation, catalog, """{"type":"City","data":{"name":"zürich"}}""").Message);
    }

    /// <summary>Patterns are validated at write time: the schema compiles, the first row that needs the pattern fails with the schema's own error.</summary>
    [Fact]
    public void Check_WithAnInvalidPattern_FailsAtFirstUseWithTheSchemaError()
    {
        var catalog = SchemaCatalog.Compile("""node Order { code: String @key  label: String?  @check(label, "([a-z]") }""");

        Assert.Single(IntakeRun.Load(catalog, """{"type":"Order","data":{"code":"a"}}""").Fragments);
        var error = Assert.IsType<SchemaException>(Record.Exception(() => IntakeRun.Load(catalog, """{"type":"Order","data":{"code":"a","label":"x"}}""")));
        Assert.Equal(ErrorCodes.SchemaInvalidCheckPattern, error.Code);
        Assert.Contains("@check on Order.label has an invalid pattern '([a-z]'", error.Message);
    }
}

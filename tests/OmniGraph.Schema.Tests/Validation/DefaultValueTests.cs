namespace OmniGraph.Schema.Tests.Validation;

/// <summary>
/// <c>@default(literal)</c>: a value of the property's type for every type that takes one, kept in the IR and the schema
/// hash, printed back; every wrong value or place refused with <c>schema_invalid_default</c>, and a default that breaks the
/// property's own <c>@range</c>/<c>@check</c> with <c>schema_default_violates_constraint</c> (docs/schema-language.md).
/// </summary>
public sealed class DefaultValueTests
{
    private static Property Compile(string property) =>
        SchemaCatalog.Compile($"node A {{ id_: String @key\n {property} }}").GetNodeType("A").Properties[1];

    [Theory]
    [InlineData("a: String @default(\"x \\\"q\\\"\")", "\"x \\u0022q\\u0022\"", "@default(\"x \\\"q\\\"\")")]
    [InlineData("a: Bool @default(false)", "false", "@default(false)")]
    [InlineData("a: I32 @default(-2147483648)", "-2147483648", "@default(-2147483648)")]
    [InlineData("a: I32 @default(007)", "7", "@default(7)")]
    [InlineData("a: I64 @default(-9223372036854775808)", "-9223372036854775808", "@default(-9223372036854775808)")]
    [InlineData("a: U32 @default(4294967295)", "4294967295", "@default(4294967295)")]
    [InlineData("a: U64 @default(18446744073709551615)", "18446744073709551615", "@default(18446744073709551615)")]
    [InlineData("a: F32 @default(1.5)", "1.5", "@default(1.5)")]
    [InlineData("a: F64 @default(-0.25)", "-0.25", "@default(-0.25)")]
    [InlineData("a: F64 @default(3)", "3", "@default(3)")]
    [InlineData("a: F64 @default(0.000001)", "0.000001", "@default(0.000001)")]
    [InlineData("a: F64 @default(12345678901234567890.0)", "12345678901234567000", "@default(12345678901234567000)")]
    [InlineData("a: Date @default(\"2024-02-29\")", "\"2024-02-29\"", "@default(\"2024-02-29\")")]
    [InlineData("a: DateTime @default(\"2024-06-01T14:00:00.5+02:00\")", "\"2024-06-01T12:00:00.500Z\"", "@default(\"2024-06-01T12:00:00.500Z\")")]
    [InlineData("a: DateTime @default(\"2024-06-01t12:00:00z\")", "\"2024-06-01T12:00:00.000Z\"", "@default(\"2024-06-01T12:00:00.000Z\")")]
    [InlineData("a: enum(low, high-risk) @default(low)", "\"low\"", "@default(\"low\")")]
    [InlineData("a: enum(low, high-risk) @default(\"high-risk\")", "\"high-risk\"", "@default(\"high-risk\")")]
    [InlineData("a: [I32] @default([1, -2, 3])", "[1,-2,3]", "@default([1, -2, 3])")]
    [InlineData("a: [String] @default([])", "[]", "@default([])")]
    [InlineData("a: [Date]? @default([\"2024-01-01\"])", "[\"2024-01-01\"]", "@default([\"2024-01-01\"])")]
    [InlineData("a: I32? @default(5)", "5", "@default(5)")]
    public void EveryTypeTakesAValueOfItsType(string declaration, string json, string source)
    {
        var property = Compile(declaration);

        Assert.NotNull(property.Default);
        Assert.Equal(json, property.Default.Json);
        Assert.Equal(source, property.Default.ToSourceText());
        Assert.Empty(property.CustomAnnotations);
    }

    [Theory]
    [InlineData("a: String @default(1)", "expects a String value, found integer 1")]
    [InlineData("a: String @default(x)", "found identifier x")]
    [InlineData("a: Bool @default(\"true\")", "expects a Bool value, found string \"true\"")]
    [InlineData("a: I32 @default(2147483648)", "2147483648 is out of range for I32")]
    [InlineData("a: I32 @default(1.5)", "expects a I32 value, found number 1.5")]
    [InlineData("a: U32 @default(-1)", "-1 is out of range for U32")]
    [InlineData("a: U64 @default(18446744073709551616)", "out of range for U64")]
    [InlineData("a: I64 @default(true)", "expects a I64 value, found true")]
    [InlineData("a: F32 @default(340282356779733661637539395458142568448.0)", "out of range for F32")]
    [InlineData("a: F64 @default(\"1\")", "found string \"1\"")]
    [InlineData("a: Date @default(\"2023-02-29\")", "invalid Date literal '2023-02-29'")]
    [InlineData("a: Date @default(19000)", "expects a Date value, found integer 19000")]
    [InlineData("a: DateTime @default(\"2024-06-01T12:00:00\")", "invalid DateTime literal")]
    [InlineData("a: DateTime @default(\"2024-06-01\")", "invalid DateTime literal")]
    [InlineData("a: enum(low, high) @default(mid)", "'mid' is not a value of enum(high, low)")]
    [InlineData("a: enum(low, high) @default(1)", "expects one of its values, found integer 1")]
    [InlineData("a: [I32] @default(1)", "expects a list of I32, found integer 1")]
    [InlineData("a: [I32] @default([1, \"2\"])", "found string \"2\"")]
    [InlineData("a: I32 @default([1])", "expects a I32 value, found a list")]
    [InlineData("a: Vector(3) @default([1.0, 2.0, 3.0])", "@default is not supported on vector property A.a")]
    [InlineData("a: Blob @default(\"base64:AA==\")", "@default is not supported on blob property A.a")]
    [InlineData("a: I32 @default(1) @default(2)", "declares @default multiple times")]
    [InlineData("a: I32 @default", "requires exactly one value")]
    public void AWrongValueOrPlaceIsRefused(string declaration, string reason) =>
        SchemaAssert.CatalogError($"node A {{ id_: String @key\n {declaration} }}", ErrorCodes.SchemaInvalidDefault, reason);

    [Theory]
    [InlineData("node A { k: String @key @default(\"x\") }", "@default is not supported on @key property A.k")]
    [InlineData("node A { k: I32 @default(1)\n @key(k) }", "@default is not supported on @key property A.k")]
    [InlineData("node A @default(1) { k: I32 }", "@default is only supported on properties")]
    [InlineData("node A { a: I32 } edge E: A -> A @default(1)", "@default is only supported on properties")]
    public void KeysAndTypesTakeNoDefault(string source, string reason) =>
        SchemaAssert.CatalogError(source, ErrorCodes.SchemaInvalidDefault, reason);

    [Theory]
    [InlineData("node A { a: I32 @default(1, 2) }", "@default takes exactly one value")]
    [InlineData("node A { a: I32 @default() }", "expected @default value")]
    [InlineData("node A { a: [I32] @default([[1]]) }", "expected list item")]
    [InlineData("node A { a: I32 @default(x=1) }", "@default takes exactly one value")]
    public void MalformedDefaultsAreParseErrors(string source, string fragment) =>
        SchemaAssert.ParseError(source, fragment);

    [Theory]
    [InlineData("node A { a: I32 @default(130)\n @range(a, 0..120) }", "@default(130) on A.a breaks its @range(0..120): value 130 > max 120")]
    [InlineData("node A { a: F64 @default(-0.5)\n @range(a, 0.0..) }", "value -0.5 < min 0.0")]
    [InlineData("node A { a: String @default(\"x y\")\n @check(a, \"^[a-z]+$\") }", "breaks its @check: value 'x y' does not match pattern '^[a-z]+$'")]
    public void ADefaultThatBreaksItsOwnConstraintIsRefused(string source, string reason) =>
        SchemaAssert.CatalogError(source, ErrorCodes.SchemaDefaultViolatesConstraint, reason);

    [Fact]
    public void ADefaultWithinItsConstraintsAndAnInvalidPatternLeftForTheFirstWrite()
    {
        var catalog = SchemaCatalog.Compile("node A { a: I32 @default(120)\n b: String @default(\"ab\")\n c: String @default(\"x\")\n @range(a, 0..120)\n @check(b, \"^[a-z]+$\")\n @check(c, \"(?<=x)\") }");

        Assert.Equal("120", catalog.GetNodeType("A").GetProperty("a").Default!.Json);

        // The invalid pattern still surfaces, typed, where the language reports it: at its first use.
        var check = catalog.GetNodeType("A").Constraints.OfType<CheckConstraint>().Single(c => c.PropertyName == "c");
        Assert.Equal(ErrorCodes.SchemaInvalidCheckPattern, Assert.Throws<SchemaException>(() => check.IsMatch("x")).Code);
    }

    [Fact]
    public void InterfacesEdgesAndNullablePropertiesCarryDefaults()
    {
        var catalog = SchemaCatalog.Compile("""
            interface Rated { score: I32 @default(3) }
            node A implements Rated { k: String @key }
            edge E: A -> A { weight: F64? @default(1.0) }
            """);

        Assert.Equal("3", catalog.GetNodeType("A").GetProperty("score").Default!.Json);
        Assert.Equal("1", catalog.GetEdgeType("E").GetProperty("weight").Default!.Json);
    }

    [Fact]
    public void TheDefaultIsPartOfTheIrAndTheHashAndRoundTrips()
    {
        const string source = "node A {\n    k: String @key\n    n: I32 @default(-4) @description(\"d\")\n    l: [String] @default([\"a\", \"b\\\"\"])\n    w: DateTime? @default(\"2024-06-01T12:00:00.000Z\")\n}\n";
        var catalog = SchemaCatalog.Compile(source);

        Assert.Equal(source, catalog.Print());
        Assert.Contains("\"default\":-4", catalog.ToIrJson(), StringComparison.Ordinal);
        var reread = SchemaCatalog.FromIrJson(catalog.ToIrJson());
        Assert.Equal(catalog.ContentHash, reread.ContentHash);
        Assert.Equal("[\"a\",\"b\\u0022\"]", reread.GetNodeType("A").GetProperty("l").Default!.Json);
        Assert.Equal(catalog.ContentHash, SchemaCatalog.Compile(catalog.Print()).ContentHash);
        Assert.NotEqual(catalog.ContentHash, SchemaCatalog.Compile(source.Replace("@default(-4)", "@default(4)", StringComparison.Ordinal)).ContentHash);
        Assert.NotEqual(catalog.ContentHash, SchemaCatalog.Compile(source.Replace(" @default(-4)", string.Empty, StringComparison.Ordinal)).ContentHash);
    }

    [Fact]
    public void AnIrDefaultOfTheWrongTypeIsAnInvalidIr()
    {
        var json = SchemaCatalog.Compile("node A { k: String @key\n n: I32 @default(1) }").ToIrJson();

        var error = Assert.Throws<SchemaException>(() => SchemaCatalog.FromIrJson(json.Replace("\"default\":1", "\"default\":\"one\"", StringComparison.Ordinal)));
        Assert.Equal(ErrorCodes.SchemaInvalidIr, error.Code);
        Assert.Contains("@default on A.n (I32) expects a I32 value, found string \"one\"", error.Message, StringComparison.Ordinal);
        var nested = Assert.Throws<SchemaException>(() => SchemaCatalog.FromIrJson(json.Replace("\"default\":1", "\"default\":{\"a\":1}", StringComparison.Ordinal)));
        Assert.Equal(ErrorCodes.SchemaInvalidIr, nested.Code);
    }
}

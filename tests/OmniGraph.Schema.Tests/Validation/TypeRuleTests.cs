using OmniGraph.Schema.Syntax;

namespace OmniGraph.Schema.Tests.Validation;

/// <summary>Type well-formedness beyond the grammar (languages.md §1.3).</summary>
public sealed class TypeRuleTests
{
    [Fact]
    public void VectorDimensionZero()
    {
        var error = SchemaAssert.CatalogError("node A { v: Vector(0) }", ErrorCodes.SchemaInvalidType, "Vector dimension must be greater than zero");
        Assert.Equal(new SourcePosition(1, 13), error.Position);
    }

    [Theory]
    [InlineData("2147483648")]
    [InlineData("4294967296")]
    [InlineData("99999999999999999999999999")]
    public void VectorDimensionAboveInt32Max(string dimension) =>
        SchemaAssert.CatalogError($"node A {{ v: Vector({dimension}) }}", ErrorCodes.SchemaInvalidType, $"Vector dimension {dimension} exceeds maximum supported (2147483647)");

    [Fact]
    public void VectorDimensionLimitsAreInclusive()
    {
        var node = SchemaCatalog.Compile("node A { a: Vector(1)  b: Vector(2147483647)? }").GetNodeType("A");
        Assert.Equal(1, node.GetProperty("a").Type.VectorDimension);
        Assert.Equal(int.MaxValue, node.GetProperty("b").Type.VectorDimension);
        Assert.Equal("Vector(2147483647)?", node.GetProperty("b").Type.DisplayName);
    }

    [Theory]
    [InlineData("[Blob]")]
    [InlineData("[Blob]?")]
    public void ListOfBlob(string type) =>
        SchemaAssert.CatalogError($"node A {{ b: {type} }}", ErrorCodes.SchemaInvalidType, "list of Blob is not supported");

    [Fact]
    public void EnumValuesAreSortedAndOrderIsIrrelevant()
    {
        var a = SchemaCatalog.Compile("node A { s: enum(zeta, alpha, Beta, 2x, a-b) }").GetNodeType("A").GetProperty("s").Type;
        var b = SchemaCatalog.Compile("node A { s: enum(a-b, 2x, Beta, alpha, zeta) }").GetNodeType("A").GetProperty("s").Type;
        Assert.Equal<string>(["2x", "Beta", "a-b", "alpha", "zeta"], a.EnumValues);
        Assert.Equal(a, b);
        Assert.Equal("enum(2x, Beta, a-b, alpha, zeta)", a.DisplayName);
    }

    [Fact]
    public void EnumDuplicatesInAHandBuiltDocumentAreACatalogError()
    {
        var type = new TypeReferenceSyntax(TypeReferenceKind.Enum, new(1, 5), ScalarKind.String, null, [new("a", new(1, 6)), new("a", new(1, 9))], false);
        var document = new SchemaDocument([new NodeDeclarationSyntax(new(1, 1), new("A", new(1, 1)), [], [], [new PropertyDeclarationSyntax(new("s", new(1, 2)), type, [])], [])]);
        var error = Assert.Throws<SchemaException>(() => SchemaCatalog.Build(document));
        Assert.Equal(ErrorCodes.SchemaInvalidType, error.Code);
        Assert.Contains("enum type cannot include duplicate values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HandBuiltDocumentsWithUnparseableNamesAreRejected()
    {
        var document = new SchemaDocument([new NodeDeclarationSyntax(default, new("bad name", default), [], [], [], [])]);
        var error = Assert.Throws<SchemaException>(() => SchemaCatalog.Build(document));
        Assert.Equal(ErrorCodes.SchemaParseError, error.Code);
        Assert.Contains("invalid type name 'bad name'", error.Message, StringComparison.Ordinal);
    }
}

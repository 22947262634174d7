namespace OmniGraph.Schema.Tests.Validation;

/// <summary>Property-level annotations (languages.md §1.4): where each is allowed, argument shapes, at most once.</summary>
public sealed class PropertyAnnotationRuleTests
{
    private const string Edge = "node A {}\nedge E: A -> A ";

    [Fact]
    public void Key_OnEdgeProperty() =>
        SchemaAssert.CatalogError(Edge + "{ k: String @key }", ErrorCodes.SchemaInvalidAnnotation, "@key is not supported on edge properties (edge E.k)");

    [Theory]
    [InlineData("[String]", "@key is not supported on list property A.k")]
    [InlineData("Vector(3)", "@key is not supported on vector property A.k")]
    [InlineData("Blob", "@key is not supported on blob property A.k")]
    [InlineData("String?", "@key property A.k cannot be nullable (String?)")]
    [InlineData("I64?", "@key property A.k cannot be nullable (I64?)")]
    public void Key_RejectedShapes(string type, string reason) =>
        SchemaAssert.CatalogError($"node A {{ k: {type} @key }}", ErrorCodes.SchemaInvalidAnnotation, reason);

    [Theory]
    [InlineData("String")]
    [InlineData("I64")]
    [InlineData("U32")]
    [InlineData("Date")]
    [InlineData("DateTime")]
    [InlineData("Bool")]
    [InlineData("F64")]
    [InlineData("enum(a, b)")]
    public void Key_AllowedScalarShapes(string type) =>
        Assert.True(SchemaCatalog.Compile($"node A {{ k: {type} @key }}").GetNodeType("A").HasKey);

    [Fact]
    public void Key_Twice() =>
        SchemaAssert.CatalogError("node A { k: String @key @key }", ErrorCodes.SchemaInvalidAnnotation, "property A.k declares @key multiple times");

    [Theory]
    [InlineData("[I32]", "@unique is not supported on list property A.u")]
    [InlineData("Vector(2)", "@unique is not supported on vector property A.u")]
    [InlineData("Blob?", "@unique is not supported on blob property A.u")]
    public void Unique_RejectedShapes(string type, string reason) =>
        SchemaAssert.CatalogError($"node A {{ u: {type} @unique }}", ErrorCodes.SchemaInvalidAnnotation, reason);

    [Fact]
    public void Unique_Twice() =>
        SchemaAssert.CatalogError("node A { u: String @unique @unique }", ErrorCodes.SchemaInvalidAnnotation, "property A.u declares @unique multiple times");

    [Fact]
    public void Unique_AllowedOnEdgeProperties()
    {
        var edge = SchemaCatalog.Compile(Edge + "{ ref: String? @unique @index }").GetEdgeType("E");
        Assert.Equal<string>(["ref"], edge.UniqueConstraints.Single().Columns);
        Assert.Equal<string>(["ref"], edge.IndexConstraints.Single().Columns);
    }

    [Theory]
    [InlineData("[String]?", "@index is not supported on list property A.i")]
    [InlineData("Blob", "@index is not supported on blob property A.i")]
    public void Index_RejectedShapes(string type, string reason) =>
        SchemaAssert.CatalogError($"node A {{ i: {type} @index }}", ErrorCodes.SchemaInvalidAnnotation, reason);

    [Fact]
    public void Index_AllowedOnVector() =>
        Assert.Single(SchemaCatalog.Compile("node A { v: Vector(8) @index }").GetNodeType("A").IndexConstraints);

    [Fact]
    public void Index_Twice() =>
        SchemaAssert.CatalogError("node A { i: String @index @index }", ErrorCodes.SchemaInvalidAnnotation, "property A.i declares @index multiple times");

    [Theory]
    [InlineData("t: String  v: Vector(2) @embed(\"t\")", "t", null)]
    [InlineData("t: String  v: Vector(2) @embed(t)", "t", null)]
    [InlineData("t: String?  v: Vector(2)? @embed(\"t\", model=\"m-1\")", "t", "m-1")]
    public void Embed_RecordsSourceAndModel(string body, string source, string? model) =>
        Assert.Equal(new EmbedSpec(source, model), SchemaCatalog.Compile($"node A {{ {body} }}").GetNodeType("A").GetProperty("v").Embed);

    [Fact]
    public void Embed_SourceDeclaredAfterTheVector() =>
        Assert.Equal(new EmbedSpec("t", null), SchemaCatalog.Compile("node A { v: Vector(2) @embed(\"t\")  t: String }").GetNodeType("A").GetProperty("v").Embed);

    [Theory]
    [InlineData("t: String  v: [F32] @embed(\"t\")", "@embed is only supported on Vector properties (A.v is [F32])")]
    [InlineData("t: String  v: String @embed(\"t\")", "@embed is only supported on Vector properties (A.v is String)")]
    [InlineData("t: String  v: Blob @embed(\"t\")", "@embed is only supported on Vector properties (A.v is Blob)")]
    public void Embed_OnlyOnVectors(string body, string reason) =>
        SchemaAssert.CatalogError($"node A {{ {body} }}", ErrorCodes.SchemaInvalidAnnotation, reason);

    [Fact]
    public void Embed_OnEdgeProperty() =>
        SchemaAssert.CatalogError(Edge + "{ t: String  v: Vector(2) @embed(\"t\") }", ErrorCodes.SchemaInvalidAnnotation, "@embed is not supported on edge properties (edge E.v)");

    [Fact]
    public void Embed_Twice() =>
        SchemaAssert.CatalogError("node A { t: String  v: Vector(2) @embed(\"t\") @embed(\"t\") }", ErrorCodes.SchemaInvalidAnnotation, "property A.v declares @embed multiple times");

    [Fact]
    public void Embed_NeedsSource()
    {
        SchemaAssert.CatalogError("node A { v: Vector(2) @embed }", ErrorCodes.SchemaInvalidAnnotation, "@embed on A.v requires a source property name");
        SchemaAssert.CatalogError("node A { v: Vector(2) @embed(model=\"m\") }", ErrorCodes.SchemaInvalidAnnotation, "@embed on A.v requires a source property name");
        SchemaAssert.CatalogError("node A { v: Vector(2) @embed(\" \") }", ErrorCodes.SchemaInvalidAnnotation, "@embed on A.v requires a source property name");
    }

    [Fact]
    public void Embed_UnknownSource() =>
        SchemaAssert.CatalogError("node A { v: Vector(2) @embed(\"title\") }", ErrorCodes.SchemaInvalidAnnotation, "@embed on A.v references unknown source property 'title'");

    [Theory]
    [InlineData("I32")]
    [InlineData("[String]")]
    [InlineData("enum(a)")]
    public void Embed_SourceMustBeString(string type) =>
        SchemaAssert.CatalogError($"node A {{ t: {type}  v: Vector(2) @embed(t) }}", ErrorCodes.SchemaInvalidAnnotation, $"@embed source property A.t must be String (found {type})");

    [Fact]
    public void Description_Recorded()
    {
        var property = SchemaCatalog.Compile("node A { a: String @description(\"the \\\"a\\\"\") }").GetNodeType("A").GetProperty("a");
        Assert.Equal("the \"a\"", property.Description);
    }

    [Theory]
    [InlineData("@description(\"\")", "@description on property A.a requires a non-empty value")]
    [InlineData("@description(\"  \")", "@description on property A.a requires a non-empty value")]
    [InlineData("@description", "@description on property A.a requires a non-empty value")]
    [InlineData("@description(\"x\") @description(\"y\")", "property A.a declares @description multiple times")]
    [InlineData("@description(\"x\", lang=\"en\")", "@description on property A.a accepts a single value, not name=value arguments")]
    public void Description_Shape(string annotations, string reason) =>
        SchemaAssert.CatalogError($"node A {{ a: String {annotations} }}", ErrorCodes.SchemaInvalidAnnotation, reason);

    [Fact]
    public void Instruction_NotOnProperties() =>
        SchemaAssert.CatalogError("node A { a: String @instruction(\"x\") }", ErrorCodes.SchemaInvalidAnnotation, "@instruction is only supported on node and edge types (property A.a)");

    [Theory]
    [InlineData("@rename_from(\"\")", "@rename_from on property A.a requires exactly one non-empty value")]
    [InlineData("@rename_from", "@rename_from on property A.a requires exactly one non-empty value")]
    [InlineData("@rename_from(\"x\", y=\"z\")", "@rename_from on property A.a requires exactly one non-empty value")]
    [InlineData("@rename_from(\"x\") @rename_from(\"y\")", "property A.a declares @rename_from multiple times")]
    public void RenameFrom_Shape(string annotations, string reason) =>
        SchemaAssert.CatalogError($"node A {{ a: String {annotations} }}", ErrorCodes.SchemaInvalidAnnotation, reason);

    [Fact]
    public void RenameFrom_AllowedOnInterfaceProperties() =>
        Assert.Equal("old", SchemaCatalog.Compile("interface I { a: String @rename_from(\"old\") }").Interfaces.Single().GetProperty("a").RenameFrom);

    [Theory]
    [InlineData("@range", "@range is a body constraint and needs arguments")]
    [InlineData("@check", "@check is a body constraint and needs arguments")]
    public void BareConstraintNamesAreNotMetadata(string annotation, string reason) =>
        SchemaAssert.CatalogError($"node A {{ a: I32 {annotation} }}", ErrorCodes.SchemaInvalidAnnotation, reason);

    [Fact]
    public void CustomAnnotationsAreKeptInOrder()
    {
        var property = SchemaCatalog.Compile("node A { a: I32 @weight(1) @owner(\"team\", since=2024, active=true) @deprecated }").GetNodeType("A").GetProperty("a");
        Assert.Equal(
            ["@weight(1)", "@owner(\"team\", since=2024, active=true)", "@deprecated"],
            property.CustomAnnotations.Select(a => a.ToSourceText()));
        var owner = property.CustomAnnotations[1];
        Assert.Equal(new AnnotationValue(LiteralKind.String, "team"), owner.Value);
        Assert.Equal(new AnnotationArgument("since", new AnnotationValue(LiteralKind.Integer, "2024")), owner.Arguments[0]);
    }
}

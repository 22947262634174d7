namespace OmniGraph.Schema.Tests.Validation;

/// <summary><c>interface</c> / <c>implements</c> (languages.md §1.6).</summary>
public sealed class InterfaceRuleTests
{
    [Fact]
    public void ConflictingRedeclaration()
    {
        var error = SchemaAssert.CatalogError(
            "interface Named { name: String }\nnode Person implements Named { name: I32 }",
            ErrorCodes.SchemaInterfaceConflict,
            "node Person property 'name' has type I32 but interface Named declares it as String");
        Assert.Equal(new SourcePosition(2, 24), error.Position);
    }

    [Theory]
    [InlineData("String?", "String")]
    [InlineData("[String]", "String")]
    [InlineData("enum(a, b)", "enum(a, c)")]
    [InlineData("enum(a)", "String")]
    public void TypesMustBeIdenticalIncludingNullabilityListnessAndEnumSet(string nodeType, string interfaceType) =>
        SchemaAssert.CatalogError(
            $"interface I {{ p: {interfaceType} }}\nnode N implements I {{ p: {nodeType} }}",
            ErrorCodes.SchemaInterfaceConflict,
            "has type");

    [Fact]
    public void IdenticalRedeclarationKeepsTheNodesOwnDeclaration()
    {
        var node = SchemaCatalog.Compile("interface I { s: enum(b, a) @unique }\nnode N implements I { s: enum(a, b) @index }").GetNodeType("N");
        var property = node.Properties.Single();
        Assert.Null(property.InheritedFrom);
        Assert.True(property.HasIndexAnnotation);
        Assert.Empty(node.UniqueConstraints);
    }

    [Fact]
    public void InjectsPropertiesAndTheirConstraints()
    {
        var node = SchemaCatalog.Compile("""
            interface Slugged { slug: String @key @description("id") }
            interface Audited { created: DateTime @index  note: String? @unique }
            node Doc implements Slugged, Audited { body: String }
            """).GetNodeType("Doc");
        Assert.Equal(["body", "slug", "created", "note"], node.Properties.Select(p => p.Name));
        Assert.Equal(["Slugged", "Audited", "Audited"], node.Properties.Skip(1).Select(p => p.InheritedFrom));
        Assert.Equal("id", node.GetProperty("slug").Description);
        Assert.Equal(["@key(slug)", "@index(created)", "@unique(note)"], node.Constraints.Select(c => c.ToSourceText()));
        Assert.All(node.Constraints, c => Assert.Equal(ConstraintOrigin.Interface, c.Origin));
        Assert.Equal(["Slugged", "Audited", "Audited"], node.Constraints.Select(c => c.InterfaceName));
    }

    [Fact]
    public void SamePropertyFromTwoInterfacesIsInjectedOnce()
    {
        var node = SchemaCatalog.Compile("interface A { name: String }\ninterface B { name: String  age: I32? }\nnode N implements A, B {}").GetNodeType("N");
        Assert.Equal(["name", "age"], node.Properties.Select(p => p.Name));
        Assert.Equal("A", node.GetProperty("name").InheritedFrom);
    }

    [Fact]
    public void SamePropertyFromTwoInterfacesWithDifferentTypes() =>
        SchemaAssert.CatalogError(
            "interface A { name: String }\ninterface B { name: String? }\nnode N implements A, B {}",
            ErrorCodes.SchemaInterfaceConflict,
            "node N property 'name' has type String but interface B declares it as String?");

    [Fact]
    public void RepeatedInterface() =>
        SchemaAssert.CatalogError("interface A {}\nnode N implements A, A {}", ErrorCodes.SchemaInterfaceConflict, "node N implements interface 'A' more than once");

    [Fact]
    public void InterfaceKeyPlusOwnKeyIsMultipleKeys() =>
        SchemaAssert.CatalogError("interface S { slug: String @key }\nnode N implements S { id2: String @key }", ErrorCodes.SchemaInvalidConstraint, "node N has multiple @key constraints");

    [Fact]
    public void InterfacePropertyAnnotationsAreCheckedOnTheInterface() =>
        SchemaAssert.CatalogError("interface S { slug: String? @key }", ErrorCodes.SchemaInvalidAnnotation, "@key property S.slug cannot be nullable");

    [Fact]
    public void BodyConstraintsMayReferToInjectedProperties()
    {
        var node = SchemaCatalog.Compile("interface S { score: F64 }\nnode N implements S { @range(score, 0.0..1.0) }").GetNodeType("N");
        Assert.Equal("score", node.RangeConstraints.Single().PropertyName);
    }

    [Fact]
    public void EmbedSourceMayComeFromTheImplementingNode()
    {
        var node = SchemaCatalog.Compile("interface E { embedding: Vector(3) @embed(\"title\") }\nnode Doc implements E { title: String }").GetNodeType("Doc");
        Assert.Equal("title", node.GetProperty("embedding").Embed!.SourceProperty);
    }

    [Fact]
    public void EmbedSourceMustExistOnTheImplementingNode() =>
        SchemaAssert.CatalogError(
            "interface E { embedding: Vector(3) @embed(\"title\") }\nnode Doc implements E { body: String }",
            ErrorCodes.SchemaInvalidAnnotation,
            "@embed on Doc.embedding references unknown source property 'title'");

    [Fact]
    public void UnimplementedInterfacesAreKeptForPrinting()
    {
        var catalog = SchemaCatalog.Compile("interface Lonely { x: I32 }");
        Assert.Equal("Lonely", catalog.Interfaces.Single().Name);
        Assert.Empty(catalog.NodeTypes);
    }
}

namespace OmniGraph.Schema.Tests.Validation;

/// <summary><c>@key</c> rules (languages.md §1.5): one key per node, members exist and are required scalars.</summary>
public sealed class KeyConstraintTests
{
    [Fact]
    public void PropertyKeyDesugarsToKeyConstraint()
    {
        var person = SchemaCatalog.Compile("node Person { name: String @key  age: I32? }").GetNodeType("Person");
        Assert.Equal<string>(["name"], person.Key!.PropertyNames);
        Assert.Equal(ConstraintOrigin.PropertyAnnotation, person.Key.Origin);
        Assert.False(person.Key.IsComposite);
    }

    [Fact]
    public void CompositeKeyMembersOrderedByStableId()
    {
        var task = SchemaCatalog.Compile("node Task { project: String  number: I64  @key(number, project) }").GetNodeType("Task");
        Assert.Equal<string>(["number", "project"], task.Key!.PropertyNames);
        Assert.Equal(["project", "number"], task.KeyProperties.Select(p => p.Name));
    }

    [Fact]
    public void TwoPropertyKeysAreMultipleKeys()
    {
        var error = SchemaAssert.CatalogError("node T {\n  a: String @key\n  b: String @key\n}", ErrorCodes.SchemaInvalidConstraint, "node T has multiple @key constraints");
        Assert.Equal(new SourcePosition(3, 3), error.Position);
    }

    [Fact]
    public void PropertyKeyPlusBodyKey() =>
        SchemaAssert.CatalogError("node T { a: String @key  b: String  @key(b) }", ErrorCodes.SchemaInvalidConstraint, "node T has multiple @key constraints");

    [Fact]
    public void TwoBodyKeys() =>
        SchemaAssert.CatalogError("node T { a: String  b: String  @key(a)  @key(b) }", ErrorCodes.SchemaInvalidConstraint, "node T has multiple @key constraints");

    [Fact]
    public void UnknownMember() =>
        SchemaAssert.CatalogError("node T { a: String  @key(a, c) }", ErrorCodes.SchemaInvalidConstraint, "@key on node T references unknown property 'c'");

    [Fact]
    public void RepeatedMember() =>
        SchemaAssert.CatalogError("node T { a: String  @key(a, a) }", ErrorCodes.SchemaInvalidConstraint, "@key on node T lists 'a' more than once");

    [Theory]
    [InlineData("String?", "@key property T.a cannot be nullable (String?)")]
    [InlineData("[String]", "@key cannot include list property T.a ([String])")]
    [InlineData("Vector(2)", "@key cannot include vector property T.a (Vector(2))")]
    [InlineData("Blob", "@key cannot include blob property T.a (Blob)")]
    public void MemberShapes(string type, string reason) =>
        SchemaAssert.CatalogError($"node T {{ a: {type}  b: String  @key(b, a) }}", ErrorCodes.SchemaInvalidConstraint, reason);

    [Fact]
    public void ArgumentsMustBeNames()
    {
        SchemaAssert.CatalogError("node T { a: String  @key(\"a\") }", ErrorCodes.SchemaInvalidConstraint, "@key arguments must be property names (found \"a\")");
        SchemaAssert.CatalogError("node T { a: String  @key(1) }", ErrorCodes.SchemaInvalidConstraint, "@key arguments must be property names (found 1)");
        SchemaAssert.CatalogError("node T { a: I32  @key(a, 0..1) }", ErrorCodes.SchemaInvalidConstraint, "@key arguments must be property names (found 0..1)");
    }

    [Fact]
    public void NotOnEdges() =>
        SchemaAssert.CatalogError("node A {}\nedge E: A -> A { a: String  @key(a) }", ErrorCodes.SchemaInvalidConstraint, "@key constraint is not supported on edges (edge E)");

    [Fact]
    public void PhysicalIdIsNotAKeyMember() =>
        SchemaAssert.CatalogError("node T { a: String  @key(id) }", ErrorCodes.SchemaInvalidConstraint, "references unknown property 'id'");
}

namespace OmniGraph.Schema.Tests.Validation;

/// <summary>languages.md §1.7: duplicates and case-folding collisions.</summary>
public sealed class NameRuleTests
{
    [Fact]
    public void DuplicateNodeType()
    {
        var error = SchemaAssert.CatalogError("node Person {}\nnode Person {}", ErrorCodes.SchemaDuplicateType, "duplicate node type: Person");
        Assert.Equal(new SourcePosition(2, 6), error.Position);
        Assert.Equal("catalog error: duplicate node type: Person (at line 2, column 6)", error.Message);
    }

    [Fact]
    public void DuplicateEdgeType() =>
        SchemaAssert.CatalogError("node A {}\nedge E: A -> A\nedge E: A -> A", ErrorCodes.SchemaDuplicateType, "duplicate edge type: E");

    [Fact]
    public void DuplicateInterface() =>
        SchemaAssert.CatalogError("interface I {}\ninterface I {}", ErrorCodes.SchemaDuplicateType, "duplicate interface: I");

    [Fact]
    public void NodeAndEdgeMayShareAName()
    {
        var catalog = SchemaCatalog.Compile("node Knows { name: String @key }\nedge Knows: Knows -> Knows");
        Assert.True(catalog.TryGetNodeType("Knows", out _));
        Assert.True(catalog.TryGetEdgeType("Knows", out _));
    }

    [Fact]
    public void EdgeNamesCollidingAfterCaseFolding()
    {
        var error = SchemaAssert.CatalogError(
            "node A {}\nedge WorksAt: A -> A\nedge Worksat: A -> A",
            ErrorCodes.SchemaNameCollision,
            "edge name collision after case folding");
        Assert.Equal("edge name collision after case folding: 'WorksAt' and 'Worksat'", error.Reason);
        Assert.Equal(new SourcePosition(3, 6), error.Position);
    }

    [Fact]
    public void NodeNamesDifferingOnlyInCaseAreAllowed()
    {
        var catalog = SchemaCatalog.Compile("node Tag {}\nnode TAG {}");
        Assert.Equal(2, catalog.NodeTypes.Length);
    }

    [Theory]
    [InlineData("node A { x: String  x: I32 }", "duplicate property 'x' on node A")]
    [InlineData("node A {} edge E: A -> A { x: String  x: String }", "duplicate property 'x' on edge E")]
    [InlineData("interface I { x: String  x: String }", "duplicate property 'x' on interface I")]
    public void DuplicateProperty(string source, string reason) =>
        SchemaAssert.CatalogError(source, ErrorCodes.SchemaDuplicateProperty, reason);
}

namespace OmniGraph.Schema.Tests.Validation;

/// <summary>Edge endpoints and interfaces resolve against the whole file, in any declaration order.</summary>
public sealed class ReferenceRuleTests
{
    [Fact]
    public void UnknownSourceType()
    {
        var error = SchemaAssert.CatalogError("node B {}\nedge E: A -> B", ErrorCodes.SchemaUnknownType, "edge E references unknown source type: A");
        Assert.Equal(new SourcePosition(2, 9), error.Position);
    }

    [Fact]
    public void UnknownTargetType() =>
        SchemaAssert.CatalogError("node A {}\nedge E: A -> Ghost", ErrorCodes.SchemaUnknownType, "edge E references unknown target type: Ghost");

    [Fact]
    public void EndpointMustBeANodeNotAnInterfaceOrEdge()
    {
        SchemaAssert.CatalogError("interface I {}\nnode A {}\nedge E: A -> I", ErrorCodes.SchemaUnknownType, "unknown target type: I");
        SchemaAssert.CatalogError("node A {}\nedge F: A -> A\nedge E: F -> A", ErrorCodes.SchemaUnknownType, "unknown source type: F");
    }

    [Fact]
    public void EdgeMayPrecedeItsNodes()
    {
        var catalog = SchemaCatalog.Compile("edge Knows: Person -> Person\nnode Person { name: String @key }");
        Assert.Equal("Person", catalog.GetEdgeType("Knows").From.Name);
    }

    [Fact]
    public void UnknownInterface() =>
        SchemaAssert.CatalogError("node Person implements Named {}", ErrorCodes.SchemaUnknownType, "node Person implements unknown interface 'Named'");

    [Fact]
    public void InterfaceMayBeDeclaredLater()
    {
        var catalog = SchemaCatalog.Compile("node Person implements Named {}\ninterface Named { name: String @key }");
        Assert.Equal(["name"], catalog.GetNodeType("Person").KeyProperties.Select(p => p.Name));
    }
}

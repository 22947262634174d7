namespace OmniGraph.Schema.Tests.Validation;

/// <summary>Property names that collide with physical storage columns are rejected (languages.md §1.3).</summary>
public sealed class ReservedNameTests
{
    [Theory]
    [InlineData("_rowid")]
    [InlineData("_rowaddr")]
    [InlineData("_rowoffset")]
    [InlineData("_row_created_at_version")]
    [InlineData("_row_last_updated_at_version")]
    [InlineData("_tombstone")]
    public void SystemColumnsAreRejectedEverywhere(string name)
    {
        SchemaAssert.CatalogError($"node A {{ {name}: String }}", ErrorCodes.SchemaReservedName, $"property name '{name}' is reserved for a storage system column (node A)");
        SchemaAssert.CatalogError($"node A {{}}\nedge E: A -> A {{ {name}: I32 }}", ErrorCodes.SchemaReservedName, "(edge E)");
        SchemaAssert.CatalogError($"interface I {{ {name}: I32 }}", ErrorCodes.SchemaReservedName, "(interface I)");
    }

    [Theory]
    [InlineData("_row_id")]
    [InlineData("rowid")]
    [InlineData("_rowids")]
    [InlineData("tombstone")]
    public void LookAlikesAreFine(string name) =>
        Assert.Single(SchemaCatalog.Compile($"node A {{ {name}: String }}").GetNodeType("A").Properties);

    [Fact]
    public void IdOnNodeCollidesWithPhysicalColumn() =>
        SchemaAssert.CatalogError("node A { id: String }", ErrorCodes.SchemaReservedName, "property 'id' on node A collides with the physical 'id' column");

    [Fact]
    public void IdOnInterfaceWouldBeInjectedIntoNodes() =>
        SchemaAssert.CatalogError("interface I { id: String }", ErrorCodes.SchemaReservedName, "property 'id' on interface I collides");

    [Theory]
    [InlineData("id")]
    [InlineData("src")]
    [InlineData("dst")]
    public void EdgeStructuralColumns(string name) =>
        SchemaAssert.CatalogError($"node A {{}}\nedge E: A -> A {{ {name}: String }}", ErrorCodes.SchemaReservedName, $"property '{name}' on edge E collides with the physical '{name}' column");

    [Fact]
    public void SrcAndDstAreOrdinaryNodeProperties()
    {
        var node = SchemaCatalog.Compile("node A { src: String  dst: String }").GetNodeType("A");
        Assert.Equal(["src", "dst"], node.Properties.Select(p => p.Name));
    }
}

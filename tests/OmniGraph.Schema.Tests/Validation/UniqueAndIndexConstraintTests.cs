namespace OmniGraph.Schema.Tests.Validation;

/// <summary><c>@unique</c> and <c>@index</c> body constraints (languages.md §1.5).</summary>
public sealed class UniqueAndIndexConstraintTests
{
    [Fact]
    public void CompositeUniqueAndIndexOnNodes()
    {
        var node = SchemaCatalog.Compile("node X { slug: String @key  source: String @index  external_id: String @index  @unique(source, external_id) }").GetNodeType("X");
        var unique = node.UniqueConstraints.Single();
        Assert.Equal<string>(["source", "external_id"], unique.Columns);
        Assert.Equal("(source, external_id)", unique.ColumnDisplay);
        Assert.Equal(2, node.IndexConstraints.Length);
    }

    [Fact]
    public void EdgesMayNameSrcAndDst()
    {
        var edge = SchemaCatalog.Compile("node A {}\nedge E: A -> A { w: I32?  @unique(src, dst)  @index(dst, w) }").GetEdgeType("E");
        Assert.Equal<string>(["src", "dst"], edge.UniqueConstraints.Single().Columns);
        Assert.Equal<string>(["dst", "w"], edge.IndexConstraints.Single().Columns);
    }

    [Fact]
    public void NodesCannotNameSrc() =>
        SchemaAssert.CatalogError("node A { a: String  @unique(src) }", ErrorCodes.SchemaInvalidConstraint, "@unique on node A references unknown property 'src'");

    [Fact]
    public void UnknownColumn() =>
        SchemaAssert.CatalogError("node A {}\nedge E: A -> A { @index(weight) }", ErrorCodes.SchemaInvalidConstraint, "@index on edge E references unknown property 'weight'");

    [Fact]
    public void RepeatedColumn() =>
        SchemaAssert.CatalogError("node A {}\nedge E: A -> A { @unique(src, src) }", ErrorCodes.SchemaInvalidConstraint, "@unique on edge E lists 'src' more than once");

    [Theory]
    [InlineData("Blob", "@unique cannot include blob property A.b (Blob)")]
    [InlineData("[I32]", "@unique cannot include list property A.b ([I32])")]
    [InlineData("Vector(3)", "@unique cannot include vector property A.b (Vector(3))")]
    public void UniqueShapes(string type, string reason) =>
        SchemaAssert.CatalogError($"node A {{ a: String  b: {type}  @unique(a, b) }}", ErrorCodes.SchemaInvalidConstraint, reason);

    [Theory]
    [InlineData("Blob?", "@index cannot include blob property A.b (Blob?)")]
    [InlineData("[String]", "@index cannot include list property A.b ([String])")]
    public void IndexShapes(string type, string reason) =>
        SchemaAssert.CatalogError($"node A {{ b: {type}  @index(b) }}", ErrorCodes.SchemaInvalidConstraint, reason);

    [Fact]
    public void IndexOnVectorIsAVectorIndexIntent() =>
        Assert.Equal<string>(["v"], SchemaCatalog.Compile("node A { v: Vector(4)  @index(v) }").GetNodeType("A").IndexConstraints.Single().Columns);

    [Fact]
    public void NullableMembersAreAllowedInUnique() =>
        Assert.Single(SchemaCatalog.Compile("node User { name: String @key  email: String?  @unique(email) }").GetNodeType("User").UniqueConstraints);
}

namespace OmniGraph.Schema.Tests.Validation;

/// <summary><c>@card</c> on edge headers (languages.md §1.5 and the issue's <c>*</c> acceptance).</summary>
public sealed class CardinalityTests
{
    private static EdgeCardinality Card(string clause) =>
        SchemaCatalog.Compile($"node A {{}}\nedge E: A -> A {clause}").GetEdgeType("E").Cardinality;

    [Theory]
    [InlineData("", 0u, null)]
    [InlineData("@card(0..)", 0u, null)]
    [InlineData("@card(0..*)", 0u, null)]
    [InlineData("@card(1..*)", 1u, null)]
    [InlineData("@card(1..)", 1u, null)]
    [InlineData("@card(1..1)", 1u, 1u)]
    [InlineData("@card(0..1)", 0u, 1u)]
    [InlineData("@card(2..4294967295)", 2u, uint.MaxValue)]
    public void Forms(string clause, uint min, uint? max) =>
        Assert.Equal(new EdgeCardinality(min, max), Card(clause));

    [Fact]
    public void MinAboveMax()
    {
        var error = SchemaAssert.CatalogError("node A {}\nedge E: A -> A @card(3..1)", ErrorCodes.SchemaInvalidConstraint, "cardinality min (3) exceeds max (1)");
        Assert.Equal(new SourcePosition(2, 16), error.Position);
    }

    [Fact]
    public void BoundAboveUInt32() =>
        SchemaAssert.CatalogError("node A {}\nedge E: A -> A @card(0..4294967296)", ErrorCodes.SchemaInvalidConstraint, "cardinality bound 4294967296 exceeds maximum supported (4294967295)");

    [Fact]
    public void Allows()
    {
        var exactlyOne = new EdgeCardinality(1, 1);
        Assert.False(exactlyOne.Allows(0));
        Assert.True(exactlyOne.Allows(1));
        Assert.False(exactlyOne.Allows(2));
        Assert.True(EdgeCardinality.Default.Allows(long.MaxValue));
        Assert.Equal("@card(1..)", new EdgeCardinality(1, null).ToSourceText());
    }
}

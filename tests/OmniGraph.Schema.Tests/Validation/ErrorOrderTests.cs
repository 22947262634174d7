namespace OmniGraph.Schema.Tests.Validation;

/// <summary>
/// The first error is chosen deterministically: declaration-local rules for every declaration in file order,
/// then reference rules in file order.
/// </summary>
public sealed class ErrorOrderTests
{
    [Fact]
    public void EarlierDeclarationWinsWithinAPass()
    {
        var error = Assert.Throws<SchemaException>(() => SchemaCatalog.Compile("node A { id: String }\nnode B { _rowid: String }"));
        Assert.Equal(new SourcePosition(1, 10), error.Position);
    }

    [Fact]
    public void LocalRulesComeBeforeReferenceRules()
    {
        // The unknown endpoint is on line 1, but the local rule on line 2 is reported first.
        var error = Assert.Throws<SchemaException>(() => SchemaCatalog.Compile("edge E: Ghost -> Ghost\nnode A { v: Vector(0) }"));
        Assert.Equal(ErrorCodes.SchemaInvalidType, error.Code);
    }

    [Fact]
    public void SameInputSameError()
    {
        const string source = "node A { a: String @key  b: String @key }\nedge E: X -> A\nnode A {}";
        var first = Assert.Throws<SchemaException>(() => SchemaCatalog.Compile(source));
        var second = Assert.Throws<SchemaException>(() => SchemaCatalog.Compile(source));
        Assert.Equal(first.Message, second.Message);
        Assert.Equal("duplicate node type: A", first.Reason);
    }

    [Fact]
    public void ParseErrorsPrecedeCatalogErrors()
    {
        var error = Assert.Throws<SchemaException>(() => SchemaCatalog.Compile("node A {}\nnode A {}\nnode B { x }"));
        Assert.Equal(ErrorCodes.SchemaParseError, error.Code);
    }
}

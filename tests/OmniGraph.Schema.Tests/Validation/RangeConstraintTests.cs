namespace OmniGraph.Schema.Tests.Validation;

/// <summary><c>@range</c>: placement and bound rules, plus evaluation and the documented violation text.</summary>
public sealed class RangeConstraintTests
{
    private static RangeConstraint Range(string type, string bounds) =>
        SchemaCatalog.Compile($"node Person {{ name: String @key  age: {type}  @range(age, {bounds}) }}").GetNodeType("Person").RangeConstraints.Single();

    [Fact]
    public void NotOnEdges() =>
        SchemaAssert.CatalogError("node A {}\nedge E: A -> A { w: I32  @range(w, 0..1) }", ErrorCodes.SchemaInvalidConstraint, "@range constraint is not supported on edges (edge E)");

    [Theory]
    [InlineData("String")]
    [InlineData("Bool")]
    [InlineData("Date")]
    [InlineData("DateTime")]
    [InlineData("[I32]")]
    [InlineData("Vector(2)")]
    [InlineData("enum(a)")]
    public void RequiresANumericType(string type) =>
        SchemaAssert.CatalogError($"node A {{ p: {type}  @range(p, 0..1) }}", ErrorCodes.SchemaInvalidConstraint, $"@range on A.p requires a numeric type, found {type}");

    [Fact]
    public void UnknownProperty() =>
        SchemaAssert.CatalogError("node A { p: I32  @range(q, 0..1) }", ErrorCodes.SchemaInvalidConstraint, "@range on node A references unknown property 'q'");

    [Theory]
    [InlineData("@range(p)")]
    [InlineData("@range(p, 1)")]
    [InlineData("@range(p, \"0..1\")")]
    [InlineData("@range(0..1, p)")]
    [InlineData("@range(p, 0..1, 2..3)")]
    public void ArgumentShape(string constraint) =>
        SchemaAssert.CatalogError($"node A {{ p: I32  {constraint} }}", ErrorCodes.SchemaInvalidConstraint, "@range on node A expects a property and bounds: @range(property, min..max)");

    [Theory]
    [InlineData("I32", "0.5..1", "@range on A.p: bound 0.5 must be an integer for I32")]
    [InlineData("U64", "..2.0", "@range on A.p: bound 2.0 must be an integer for U64")]
    [InlineData("I32", "0..2147483648", "@range on A.p: bound 2147483648 is outside the I32 range")]
    [InlineData("U32", "-1..5", "@range on A.p: bound -1 is outside the U32 range")]
    [InlineData("I64", "-9223372036854775809..", "@range on A.p: bound -9223372036854775809 is outside the I64 range")]
    [InlineData("I32", "5..1", "@range on A.p: min (5) exceeds max (1)")]
    [InlineData("F64", "2.5..-2.5", "@range on A.p: min (2.5) exceeds max (-2.5)")]
    [InlineData("F64", "1..0.5", "@range on A.p: min (1) exceeds max (0.5)")]
    public void BoundRules(string type, string bounds, string reason) =>
        SchemaAssert.CatalogError($"node A {{ p: {type}  @range(p, {bounds}) }}", ErrorCodes.SchemaInvalidConstraint, reason);

    [Fact]
    public void IntegerLiteralsBeyond128BitsAreRejected() =>
        SchemaAssert.CatalogError("node A { p: F64  @range(p, 0..999999999999999999999999999999999999999999) }", ErrorCodes.SchemaInvalidConstraint, "is not a representable number");

    [Theory]
    [InlineData("I32", "0..200", "0..200")]
    [InlineData("U64", "0..18446744073709551615", "0..18446744073709551615")]
    [InlineData("F64", "-40.0..60.0", "-40.0..60.0")]
    [InlineData("F32", "0..100", "0..100")]
    [InlineData("F64", "-1.50..", "-1.5..")]
    [InlineData("F64", "..007.250", "..7.25")]
    [InlineData("I64", "-0..00", "0..0")]
    [InlineData("I32?", "3..3", "3..3")]
    public void AcceptedBoundsAreCanonicalised(string type, string bounds, string canonical) =>
        Assert.Equal(canonical, Range(type, bounds).BoundsText);

    [Fact]
    public void EvaluatesIntegersInclusively()
    {
        var range = Range("I32?", "0..200");
        Assert.Equal(RangeViolation.None, range.Evaluate(0L));
        Assert.Equal(RangeViolation.None, range.Evaluate(200L));
        Assert.Equal(RangeViolation.BelowMinimum, range.Evaluate(-1L));
        Assert.Equal(RangeViolation.AboveMaximum, range.Evaluate(300L));
        Assert.Equal(RangeViolation.AboveMaximum, range.Evaluate(ulong.MaxValue));
        Assert.Equal("@range violation on Person.age: value 300 > max 200", range.FormatViolation(RangeViolation.AboveMaximum, "300"));
        Assert.Equal("@range violation on Person.age: value -1 < min 0", range.FormatViolation(RangeViolation.BelowMinimum, "-1"));
    }

    [Fact]
    public void EvaluatesFloatsAndRejectsNaN()
    {
        var range = Range("F64?", "-40.0..60.0");
        Assert.Equal(RangeViolation.None, range.Evaluate(-20.0));
        Assert.Equal(RangeViolation.BelowMinimum, range.Evaluate(-50.0));
        Assert.Equal(RangeViolation.AboveMaximum, range.Evaluate(150.5));
        Assert.Equal(RangeViolation.NotANumber, range.Evaluate(double.NaN));
        Assert.Equal("@range violation on Person.age: value is NaN", range.FormatViolation(RangeViolation.NotANumber, "NaN"));
    }

    [Fact]
    public void OpenBoundsOnlyCheckOneSide()
    {
        var atLeast = Range("F64", "-1.5..");
        Assert.Equal(RangeViolation.None, atLeast.Evaluate(double.MaxValue));
        Assert.Equal(RangeViolation.BelowMinimum, atLeast.Evaluate(-1.6));
        var atMost = Range("I64", "..10");
        Assert.Equal(RangeViolation.None, atMost.Evaluate(long.MinValue));
        Assert.Equal(RangeViolation.AboveMaximum, atMost.Evaluate(11L));
    }
}

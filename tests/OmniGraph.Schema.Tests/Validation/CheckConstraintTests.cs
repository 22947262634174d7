namespace OmniGraph.Schema.Tests.Validation;

/// <summary><c>@check</c>: placement rules, and the matcher compiled once per catalog on first use.</summary>
public sealed class CheckConstraintTests
{
    private static CheckConstraint Check(string pattern) =>
        SchemaCatalog.Compile($"node Order {{ code: String @key  label: String?  @check(code, {PgQuote(pattern)}) }}").GetNodeType("Order").CheckConstraints.Single();

    private static string PgQuote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    [Fact]
    public void NotOnEdges() =>
        SchemaAssert.CatalogError("node A {}\nedge E: A -> A { s: String  @check(s, \"x\") }", ErrorCodes.SchemaInvalidConstraint, "@check constraint is not supported on edges (edge E)");

    [Theory]
    [InlineData("I32")]
    [InlineData("[String]")]
    [InlineData("enum(a, b)")]
    [InlineData("Blob")]
    public void RequiresAStringProperty(string type) =>
        SchemaAssert.CatalogError($"node A {{ s: {type}  @check(s, \"x\") }}", ErrorCodes.SchemaInvalidConstraint, $"@check on A.s requires a String property, found {type}");

    [Fact]
    public void NullableStringIsAllowed() =>
        Assert.Equal("label", SchemaCatalog.Compile("node A { label: String?  @check(label, \"^[A-Z]+$\") }").GetNodeType("A").CheckConstraints.Single().PropertyName);

    [Theory]
    [InlineData("@check(s)")]
    [InlineData("@check(s, x)")]
    [InlineData("@check(\"x\", s)")]
    [InlineData("@check(s, \"a\", \"b\")")]
    public void ArgumentShape(string constraint) =>
        SchemaAssert.CatalogError($"node A {{ s: String  {constraint} }}", ErrorCodes.SchemaInvalidConstraint, "@check on node A expects a property and a pattern: @check(property, \"regex\")");

    [Fact]
    public void UnknownProperty() =>
        SchemaAssert.CatalogError("node A { s: String  @check(t, \"x\") }", ErrorCodes.SchemaInvalidConstraint, "@check on node A references unknown property 't'");

    [Fact]
    public void MatchIsAnUnanchoredSearch()
    {
        var anchored = Check("^[A-Z]{3}-[0-9]+$");
        Assert.True(anchored.IsMatch("ABC-123"));
        Assert.False(anchored.IsMatch("invalid"));
        Assert.False(anchored.IsMatch("xABC-123"));
        var unanchored = Check("[0-9]");
        Assert.True(unanchored.IsMatch("abc7def"));
        Assert.False(unanchored.IsMatch("abcdef"));
    }

    [Fact]
    public void MatcherIsCompiledOnceAndUsesLinearTimeEngine()
    {
        var check = Check("^a+$");
        var regex = check.Regex;
        Assert.Same(regex, check.Regex);
        Assert.True(regex.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.NonBacktracking));
        Assert.True(regex.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.CultureInvariant));

        var seen = new System.Collections.Concurrent.ConcurrentBag<System.Text.RegularExpressions.Regex>();
        Parallel.For(0, 64, _ => seen.Add(check.Regex));
        Assert.All(seen, r => Assert.Same(regex, r));
    }

    [Fact]
    public void PathologicalInputRunsInLinearTime()
    {
        // (a+)+$ backtracks exponentially in a backtracking engine; the non-backtracking engine stays linear.
        var check = Check("^(a+)+$");
        var input = new string('a', 50_000) + "!";
        Assert.False(check.IsMatch(input));
    }

    [Fact]
    public void InvalidPatternIsReportedAtFirstUseNotAtParse()
    {
        var catalog = SchemaCatalog.Compile("node Order { code: String @key  @check(code, \"([a-z\") }");
        var check = catalog.GetNodeType("Order").CheckConstraints.Single();
        var error = Assert.Throws<SchemaException>(() => check.IsMatch("abc"));
        Assert.Equal(ErrorCodes.SchemaInvalidCheckPattern, error.Code);
        Assert.Equal("catalog error: @check on Order.code has an invalid pattern '([a-z': at position 5: a '[' character class is not closed with ']'", error.Message);
        var again = Assert.Throws<SchemaException>(() => check.Regex);
        Assert.Equal(error.Message, again.Message);
    }

    [Fact]
    public void BacktrackingOnlyConstructsAreInvalidPatterns()
    {
        var error = Assert.Throws<SchemaException>(() => Check("^(a)\\1$").IsMatch("aa"));
        Assert.Equal(ErrorCodes.SchemaInvalidCheckPattern, error.Code);
        Assert.Contains("it uses a construct that needs backtracking", error.Message, StringComparison.Ordinal);
        Assert.Throws<SchemaException>(() => Check("^(?=a)a$").IsMatch("a"));
    }

    [Fact]
    public void ViolationMessage() =>
        Assert.Equal(
            "@check violation on Order.code: value 'invalid' does not match pattern '^[A-Z]{3}-[0-9]+$'",
            Check("^[A-Z]{3}-[0-9]+$").FormatViolation("invalid"));
}

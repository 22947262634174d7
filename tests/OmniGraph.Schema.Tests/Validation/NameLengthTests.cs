namespace OmniGraph.Schema.Tests.Validation;

/// <summary>
/// Names become part of storage keys, so the schema refuses what storage could not hold: a type, edge, interface or
/// property name is at most <see cref="SchemaLimits.MaxNameLength"/> characters (<c>schema_name_too_long</c>, before
/// anything is stored), and the error quotes a long name shortened, so it stays one short line.
/// </summary>
public sealed class NameLengthTests
{
    private static readonly string s_longest = "T" + new string('a', SchemaLimits.MaxNameLength - 1);
    private static readonly string s_tooLong = "T" + new string('a', SchemaLimits.MaxNameLength);

    [Fact]
    public void NamesUpToTheLimit_AreAccepted()
    {
        var property = "p" + new string('x', SchemaLimits.MaxNameLength - 1);
        var catalog = SchemaCatalog.Compile($"node {s_longest} {{ {property}: String @key }}\nedge E{s_longest[1..]}: {s_longest} -> {s_longest}");

        Assert.True(catalog.TryGetNodeType(s_longest, out _));
    }

    [Theory]
    [InlineData("node {0} {{ name: String @key }}", "type name", 1, 6)]
    [InlineData("node A {{ name: String @key }}\nedge {0}: A -> A", "type name", 2, 6)]
    [InlineData("interface {0} {{ name: String }}", "type name", 1, 11)]
    [InlineData("node A {{ {1}: String @key }}", "property name", 1, 10)]
    public void LongerNames_AreRefusedWithATypedError(string template, string what, int line, int column)
    {
        var source = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, s_tooLong, "p" + new string('x', SchemaLimits.MaxNameLength));

        var error = Assert.Throws<SchemaException>(() => SchemaCatalog.Compile(source));

        Assert.Equal(ErrorCodes.SchemaNameTooLong, error.Code);
        Assert.Equal(new SourcePosition(line, column), error.Position);
        Assert.Contains($"{what} '", error.Message, StringComparison.Ordinal);
        Assert.Contains($"' is too long: a name is at most {SchemaLimits.MaxNameLength} characters", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A million-character name: refused, and the message quotes it shortened (it used to be a 2 MB line).</summary>
    [Fact]
    public void AMillionCharacterName_GivesAShortMessage()
    {
        var error = Assert.Throws<SchemaException>(() => SchemaCatalog.Compile($"node T{new string('a', 1_000_000)} {{ name: String @key }}"));

        Assert.Equal(ErrorCodes.SchemaNameTooLong, error.Code);
        Assert.True(error.Message.Length < 300, error.Message);
        Assert.Contains("… (1,000,001 characters)", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A parse error that quotes a huge token is bounded too (every error message is).</summary>
    [Fact]
    public void AParseErrorQuotingAHugeToken_IsBounded()
    {
        var error = Assert.Throws<SchemaException>(() => SchemaCatalog.Compile($"node A {{ name: {new string('q', 1_000_000)} }}"));

        Assert.True(error.Message.Length <= ErrorText.MaxMessageChars + 60, $"{error.Message.Length} characters");
    }
}

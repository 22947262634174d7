namespace OmniGraph.Schema.Tests;

/// <summary>Assertions for the error contract of the schema layer.</summary>
internal static class SchemaAssert
{
    /// <summary>Compiling <paramref name="source"/> fails with a parse error at the given place whose text contains <paramref name="fragment"/>.</summary>
    public static SchemaException ParseError(string source, int line, int column, string fragment)
    {
        var error = Assert.Throws<SchemaException>(() => SchemaCatalog.Compile(source));
        Assert.Equal(ErrorCodes.SchemaParseError, error.Code);
        Assert.StartsWith($"parse error: line {line}, column {column}: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(new SourcePosition(line, column), error.Position);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        return error;
    }

    /// <summary>Compiling <paramref name="source"/> fails with a parse error whose text contains <paramref name="fragment"/>.</summary>
    public static SchemaException ParseError(string source, string fragment)
    {
        var error = Assert.Throws<SchemaException>(() => SchemaCatalog.Compile(source));
        Assert.Equal(ErrorCodes.SchemaParseError, error.Code);
        Assert.StartsWith("parse error: line ", error.Message, StringComparison.Ordinal);
        Assert.True(error.Position.IsKnown);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        return error;
    }

    /// <summary>
    /// Compiling <paramref name="source"/> fails catalog validation with <paramref name="code"/>; the message
    /// is <c>catalog error: </c> + a reason containing <paramref name="fragment"/>, and names a source position.
    /// </summary>
    public static SchemaException CatalogError(string source, string code, string fragment)
    {
        var error = Assert.Throws<SchemaException>(() => SchemaCatalog.Compile(source));
        Assert.Equal(code, error.Code);
        Assert.StartsWith("catalog error: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, error.Reason, StringComparison.Ordinal);
        Assert.Contains("catalog error: " + error.Reason, error.Message, StringComparison.Ordinal);
        Assert.True(error.Position.IsKnown, "catalog errors from source text carry a position");
        Assert.EndsWith($"(at {error.Position})", error.Message, StringComparison.Ordinal);
        return error;
    }
}

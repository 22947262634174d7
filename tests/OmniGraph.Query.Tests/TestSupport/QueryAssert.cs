using OmniGraph.Query.Ir;
using OmniGraph.Schema;

namespace OmniGraph.Query.Tests;

/// <summary>Compile helpers and assertions on the documented error shapes.</summary>
internal static class QueryAssert
{
    public static CompiledQuery Compile(SchemaCatalog schema, string source, string? name = null) =>
        new QueryCompiler().Compile(source, schema, name);

    public static ReadQuery Read(SchemaCatalog schema, string source, string? name = null) =>
        Assert.IsType<ReadQuery>(Compile(schema, source, name));

    public static MutationQuery Mutation(SchemaCatalog schema, string source, string? name = null) =>
        Assert.IsType<MutationQuery>(Compile(schema, source, name));

    /// <summary>Compiles <c>query q(params) { match { match } return { ret } tail }</c>.</summary>
    public static ReadQuery Match(SchemaCatalog schema, string match, string ret, string tail = "", string parameters = "") =>
        Read(schema, $"query q({parameters}) {{ match {{ {match} }} return {{ {ret} }} {tail} }}");

    public static QueryException ParseError(string source, int line, int column, string fragment)
    {
        var error = Assert.Throws<QueryException>(() => QuerySource.Parse(source));
        Assert.Equal(ErrorCodes.QueryParseError, error.Code);
        Assert.Equal(new SourcePosition(line, column), error.Position);
        Assert.StartsWith($"parse error: line {line}, column {column}: ", error.Message);
        Assert.Contains(fragment, error.Message);
        return error;
    }

    /// <summary>Any parse error (position not checked) whose message contains <paramref name="fragment"/>.</summary>
    public static QueryException ParseError(string source, string fragment)
    {
        var error = Assert.Throws<QueryException>(() => QuerySource.Parse(source));
        Assert.Equal(ErrorCodes.QueryParseError, error.Code);
        Assert.StartsWith("parse error: ", error.Message);
        Assert.Contains(fragment, error.Message);
        return error;
    }

    public static QueryTypeException TypeError(SchemaCatalog schema, string source, TypeRule rule, string fragment)
    {
        var error = Assert.Throws<QueryTypeException>(() => Compile(schema, source));
        Assert.Equal(ErrorCodes.QueryTypeError, error.Code);
        Assert.Equal(rule, error.Rule);
        Assert.StartsWith($"type error: {rule}: ", error.Message);
        Assert.Contains(fragment, error.Message);
        Assert.True(error.Position.IsKnown, "type errors name a line and column");
        Assert.Contains($"(at line {error.Position.Line}, column {error.Position.Column})", error.Message);
        return error;
    }

    /// <summary>A function error (<c>query_function_*</c>) at a known position, rendered <c>function error: … (at line L, column C)</c>.</summary>
    public static QueryException FunctionError(SchemaCatalog schema, string source, string code, string fragment)
    {
        var error = Assert.Throws<QueryException>(() => Compile(schema, source));
        Assert.Equal(code, error.Code);
        Assert.StartsWith("function error: ", error.Message);
        Assert.Contains(fragment, error.Message);
        Assert.True(error.Position.IsKnown, "function errors name a line and column");
        Assert.EndsWith($"(at line {error.Position.Line}, column {error.Position.Column})", error.Message);
        Assert.Equal(ErrorKind.Invalid, ErrorCatalog.KindOf(error.Code));
        return error;
    }

    /// <summary>Type error of <c>query q(params) { match { match } return { ret } tail }</c>.</summary>
    public static QueryTypeException MatchError(SchemaCatalog schema, string match, string ret, TypeRule rule, string fragment, string tail = "", string parameters = "") =>
        TypeError(schema, $"query q({parameters}) {{ match {{ {match} }} return {{ {ret} }} {tail} }}", rule, fragment);
}

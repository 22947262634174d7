using OmniGraph.Query.Syntax;

namespace OmniGraph.Query.Tests.Lexing;

/// <summary>Tokens, trivia, literals and lexical errors of <c>.gq</c> text.</summary>
public sealed class QueryLexerTests
{
    private static QueryTokenKind[] Kinds(string source) => QueryLexer.Tokenize(source).Select(static t => t.Kind).ToArray();

    [Fact]
    public void Punctuation_AndOperators()
    {
        Assert.Equal(
            [QueryTokenKind.LeftBrace, QueryTokenKind.RightBrace, QueryTokenKind.LeftParen, QueryTokenKind.RightParen, QueryTokenKind.LeftBracket,
             QueryTokenKind.RightBracket, QueryTokenKind.Colon, QueryTokenKind.Comma, QueryTokenKind.Dot, QueryTokenKind.Question, QueryTokenKind.Equal,
             QueryTokenKind.NotEqual, QueryTokenKind.Less, QueryTokenKind.LessOrEqual, QueryTokenKind.Greater, QueryTokenKind.GreaterOrEqual,
             QueryTokenKind.Unknown, QueryTokenKind.EndOfInput],
            Kinds("{ } ( ) [ ] : , . ? = != < <= > >= !"));
    }

    [Fact]
    public void Words_VariablesAndAnnotations()
    {
        var tokens = QueryLexer.Tokenize("query Person $p $_ $a_1 @description worksAt");
        Assert.Equal(
            [QueryTokenKind.Identifier, QueryTokenKind.TypeName, QueryTokenKind.Variable, QueryTokenKind.Variable, QueryTokenKind.Variable, QueryTokenKind.Annotation, QueryTokenKind.Identifier, QueryTokenKind.EndOfInput],
            tokens.Select(static t => t.Kind));
        Assert.Equal("p", tokens[2].Text);
        Assert.Equal("_", tokens[3].Text);
        Assert.Equal("description", tokens[5].Text);
    }

    [Fact]
    public void Numbers_IntegersAndDecimals()
    {
        var tokens = QueryLexer.Tokenize("42 3.14 7.");
        Assert.Equal([QueryTokenKind.Integer, QueryTokenKind.Float, QueryTokenKind.Integer, QueryTokenKind.Dot, QueryTokenKind.EndOfInput], tokens.Select(static t => t.Kind));
        Assert.Equal("3.14", tokens[1].Text);
    }

    [Fact]
    public void Strings_DecodeTheFiveEscapes()
    {
        var token = QueryLexer.Tokenize("\"a\\\"b\\\\c\\nd\\re\\tf\"")[0];
        Assert.Equal(QueryTokenKind.String, token.Kind);
        Assert.Equal("a\"b\\c\nd\re\tf", token.Text);
    }

    [Fact]
    public void Trivia_CommentsAndPositions()
    {
        var tokens = QueryLexer.Tokenize("// line\n/* block\n comment */ match\r\n\t{");
        Assert.Equal(new Schema.SourcePosition(3, 13), tokens[0].Position);
        Assert.Equal(new Schema.SourcePosition(4, 2), tokens[1].Position);
    }

    [Theory]
    [InlineData("\"abc", 1, 1, "unterminated string literal")]
    [InlineData("/* open", 1, 1, "unterminated block comment")]
    [InlineData("\"a\\u0041\"", 1, 3, "unsupported escape sequence '\\u'")]
    [InlineData("x $Name", 1, 3, "invalid variable name '$Name': variable names start with a lowercase letter or '_'")]
    [InlineData("$ p", 1, 1, "expected a variable name after '$'")]
    [InlineData("@ x", 1, 1, "expected an annotation name after '@'")]
    public void LexicalErrors(string source, int line, int column, string fragment) =>
        QueryAssert.ParseError(source, line, column, fragment);
}

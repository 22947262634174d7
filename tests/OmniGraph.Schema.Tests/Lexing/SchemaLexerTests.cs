using OmniGraph.Schema.Syntax;

namespace OmniGraph.Schema.Tests.Lexing;

public sealed class SchemaLexerTests
{
    private static List<Token> Lex(string source)
    {
        var lexer = new SchemaLexer(source);
        var tokens = new List<Token>();
        Token token;
        do
        {
            token = lexer.Next();
            tokens.Add(token);
        }
        while (token.Kind != TokenKind.EndOfInput);
        return tokens;
    }

    [Fact]
    public void Lexer_ReportsKindsTextAndPositions()
    {
        var tokens = Lex("node Person {\n  age: I32?\n}");
        Assert.Equal(
            [
                new Token(TokenKind.Word, "node", new(1, 1)),
                new Token(TokenKind.Word, "Person", new(1, 6)),
                new Token(TokenKind.LeftBrace, "{", new(1, 13)),
                new Token(TokenKind.Word, "age", new(2, 3)),
                new Token(TokenKind.Colon, ":", new(2, 6)),
                new Token(TokenKind.Word, "I32", new(2, 8)),
                new Token(TokenKind.Question, "?", new(2, 11)),
                new Token(TokenKind.RightBrace, "}", new(3, 1)),
                new Token(TokenKind.EndOfInput, "", new(3, 2)),
            ],
            tokens);
    }

    [Fact]
    public void Lexer_SkipsLineAndBlockCommentsAndTracksLines()
    {
        var tokens = Lex("// one\n/* two\n three */ edge /**/X // tail\r\n->");
        Assert.Equal(TokenKind.Word, tokens[0].Kind);
        Assert.Equal(new SourcePosition(3, 11), tokens[0].Position);
        Assert.Equal(new SourcePosition(3, 20), tokens[1].Position);
        Assert.Equal(new Token(TokenKind.Arrow, "->", new(4, 1)), tokens[2]);
    }

    [Fact]
    public void Lexer_PunctuationTokens()
    {
        var kinds = Lex("{}()[]:,->..?=*").Select(t => t.Kind).ToArray();
        Assert.Equal(
            [TokenKind.LeftBrace, TokenKind.RightBrace, TokenKind.LeftParen, TokenKind.RightParen, TokenKind.LeftBracket, TokenKind.RightBracket,
             TokenKind.Colon, TokenKind.Comma, TokenKind.Arrow, TokenKind.DotDot, TokenKind.Question, TokenKind.Equals, TokenKind.Star, TokenKind.EndOfInput],
            kinds);
    }

    [Theory]
    [InlineData("12", false, "12")]
    [InlineData("0.5", true, "0.5")]
    [InlineData("-3", false, "-3")]
    [InlineData("-2.25", true, "-2.25")]
    [InlineData("007", false, "007")]
    public void Lexer_Numbers(string source, bool isFloat, string text)
    {
        var token = Lex(source)[0];
        Assert.Equal(isFloat ? TokenKind.Float : TokenKind.Integer, token.Kind);
        Assert.Equal(text, token.Text);
    }

    [Fact]
    public void Lexer_RangeIsNotAFloat()
    {
        var tokens = Lex("1..5 -1.5..").Select(t => (t.Kind, t.Text)).ToArray();
        Assert.Equal(
            [(TokenKind.Integer, "1"), (TokenKind.DotDot, ".."), (TokenKind.Integer, "5"), (TokenKind.Float, "-1.5"), (TokenKind.DotDot, ".."), (TokenKind.EndOfInput, "")],
            tokens);
    }

    [Fact]
    public void Lexer_FloatNeedsDigitsOnBothSides()
    {
        var tokens = Lex("1. .5").Select(t => (t.Kind, t.Text)).ToArray();
        Assert.Equal([(TokenKind.Integer, "1"), (TokenKind.Unknown, "."), (TokenKind.Unknown, "."), (TokenKind.Integer, "5"), (TokenKind.EndOfInput, "")], tokens);
    }

    [Fact]
    public void Lexer_LoneMinusAndStrangeCharactersAreUnknownTokens()
    {
        var tokens = Lex("- $ é");
        Assert.Equal([TokenKind.Unknown, TokenKind.Unknown, TokenKind.Unknown, TokenKind.EndOfInput], tokens.Select(t => t.Kind));
        Assert.Equal("character '$'", tokens[1].Describe());
    }

    [Fact]
    public void Lexer_DecodesTheFiveEscapes()
    {
        var token = Lex("\"a\\\"b\\\\c\\nd\\re\\tf\"")[0];
        Assert.Equal(TokenKind.String, token.Kind);
        Assert.Equal("a\"b\\c\nd\re\tf", token.Text);
    }

    [Fact]
    public void Lexer_StringsMaySpanLines()
    {
        var tokens = Lex("\"one\ntwo\" x");
        Assert.Equal("one\ntwo", tokens[0].Text);
        Assert.Equal(new SourcePosition(2, 6), tokens[1].Position);
    }

    [Theory]
    [InlineData("\"\\u0041\"", "unsupported escape sequence '\\u'")]
    [InlineData("\"\\x\"", "unsupported escape sequence '\\x'")]
    [InlineData("\"\\'\"", "unsupported escape sequence '\\''")]
    public void Lexer_RejectsOtherEscapes(string source, string fragment)
    {
        var error = Assert.Throws<SchemaException>(() => Lex(source));
        Assert.Equal(ErrorCodes.SchemaParseError, error.Code);
        Assert.Equal("parse error: line 1, column 2: " + error.Reason, error.Message);
        Assert.Contains(fragment, error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"abc", "unterminated string literal", 1, 1)]
    [InlineData("x \"abc\\", "unterminated string literal", 1, 3)]
    [InlineData("a /* open", "unterminated block comment", 1, 3)]
    [InlineData("@ key", "expected annotation name after '@'", 1, 1)]
    public void Lexer_ReportsLexicalErrorsWithPosition(string source, string reason, int line, int column)
    {
        var error = Assert.Throws<SchemaException>(() => Lex(source));
        Assert.Equal(reason, error.Reason);
        Assert.Equal(new SourcePosition(line, column), error.Position);
    }

    [Fact]
    public void Lexer_AnnotationTokenCarriesTheName()
    {
        var token = Lex("@rename_from(")[0];
        Assert.Equal(new Token(TokenKind.Annotation, "rename_from", new(1, 1)), token);
    }

    [Fact]
    public void Lexer_ScansEnumValuesInRawMode()
    {
        var lexer = new SchemaLexer("( archived-2, /* c */ 2fa)");
        Assert.Equal(TokenKind.LeftParen, lexer.Next().Kind);
        Assert.Equal(new Token(TokenKind.Word, "archived-2", new(1, 3)), lexer.ScanEnumValue());
        Assert.Equal(TokenKind.Comma, lexer.Next().Kind);
        Assert.Equal("2fa", lexer.ScanEnumValue().Text);
        Assert.Equal(TokenKind.RightParen, lexer.Next().Kind);
        Assert.Equal(string.Empty, lexer.ScanEnumValue().Text);
    }
}

using OmniGraph.Schema;
using OmniGraph.Schema.Syntax;

namespace OmniGraph.Query.Syntax;

/// <summary>
/// Tokenizes <c>.gq</c> text in one pass. Whitespace (space, tab, CR, LF) and comments (<c>// …</c> to end of line,
/// <c>/* … */</c> not nested) separate tokens. Lexical failures (unterminated string or comment, unsupported
/// escape, malformed variable) throw a <see cref="QueryException"/> with code <c>query_parse_error</c>. The conventions
/// shared with the schema language live in <see cref="SourceCursor"/>.
/// </summary>
internal sealed class QueryLexer
{
    private readonly SourceCursor _cursor;

    private QueryLexer(string source)
    {
        _cursor = new SourceCursor(source, QueryThrow.ParseError);
    }

    /// <summary>All tokens of <paramref name="source"/>, ending with one <see cref="QueryTokenKind.EndOfInput"/>.</summary>
    public static List<QueryToken> Tokenize(string source)
    {
        var lexer = new QueryLexer(source);
        var tokens = new List<QueryToken>(Math.Min(source.Length / 3 + 4, 1 << 16));
        QueryToken token;
        do
        {
            token = lexer.Next();
            tokens.Add(token);
        }
        while (token.Kind != QueryTokenKind.EndOfInput);

        return tokens;
    }

    private QueryToken Next()
    {
        _cursor.SkipTrivia();
        var position = _cursor.Position;
        if (_cursor.IsAtEnd)
        {
            return new QueryToken(QueryTokenKind.EndOfInput, string.Empty, position);
        }

        var c = _cursor.Peek();
        switch (c)
        {
            case '{': return Take(1, QueryTokenKind.LeftBrace, position);
            case '}': return Take(1, QueryTokenKind.RightBrace, position);
            case '(': return Take(1, QueryTokenKind.LeftParen, position);
            case ')': return Take(1, QueryTokenKind.RightParen, position);
            case '[': return Take(1, QueryTokenKind.LeftBracket, position);
            case ']': return Take(1, QueryTokenKind.RightBracket, position);
            case ':': return Take(1, QueryTokenKind.Colon, position);
            case ',': return Take(1, QueryTokenKind.Comma, position);
            case '.': return Take(1, QueryTokenKind.Dot, position);
            case '?': return Take(1, QueryTokenKind.Question, position);
            case '=': return Take(1, QueryTokenKind.Equal, position);
            case '<': return _cursor.Peek(1) == '=' ? Take(2, QueryTokenKind.LessOrEqual, position) : Take(1, QueryTokenKind.Less, position);
            case '>': return _cursor.Peek(1) == '=' ? Take(2, QueryTokenKind.GreaterOrEqual, position) : Take(1, QueryTokenKind.Greater, position);
            case '!':
                return _cursor.Peek(1) == '=' ? Take(2, QueryTokenKind.NotEqual, position) : Take(1, QueryTokenKind.Unknown, position);
            case '"': return new QueryToken(QueryTokenKind.String, _cursor.TakeStringLiteral(), position);
            case '$': return ScanVariable(position);
            case '@': return ScanAnnotation(position);
        }

        if (char.IsAsciiDigit(c))
        {
            var text = _cursor.TakeNumber(allowSign: false, out var isFloat);
            return new QueryToken(isFloat ? QueryTokenKind.Float : QueryTokenKind.Integer, text, position);
        }

        if (SourceCursor.IsWordStart(c))
        {
            var word = _cursor.TakeWord();
            return new QueryToken(char.IsAsciiLetterUpper(word[0]) ? QueryTokenKind.TypeName : QueryTokenKind.Identifier, word, position);
        }

        return new QueryToken(QueryTokenKind.Unknown, _cursor.TakeCharacter(), position);
    }

    private QueryToken Take(int length, QueryTokenKind kind, SourcePosition position) => new(kind, _cursor.Take(length), position);

    private QueryToken ScanVariable(SourcePosition position)
    {
        _cursor.Take(1);
        if (!SourceCursor.IsWordStart(_cursor.Peek()))
        {
            return QueryThrow.Parse<QueryToken>(position, "expected a variable name after '$'");
        }

        var name = _cursor.TakeWord();
        if (char.IsAsciiLetterUpper(name[0]))
        {
            QueryThrow.Parse(position, $"invalid variable name '${name}': variable names start with a lowercase letter or '_'");
        }

        return new QueryToken(QueryTokenKind.Variable, name, position);
    }

    private QueryToken ScanAnnotation(SourcePosition position)
    {
        _cursor.Take(1);
        if (!SourceCursor.IsWordStart(_cursor.Peek()))
        {
            return QueryThrow.Parse<QueryToken>(position, "expected an annotation name after '@'");
        }

        return new QueryToken(QueryTokenKind.Annotation, _cursor.TakeWord(), position);
    }
}

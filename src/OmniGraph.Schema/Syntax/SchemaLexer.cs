namespace OmniGraph.Schema.Syntax;

/// <summary>
/// Pull-based lexer for <c>.pg</c> text. Whitespace (space, tab, CR, LF) and comments (<c>// …</c> to end of
/// line, <c>/* … */</c> not nested) separate tokens. Lexical failures (unterminated string or comment,
/// unsupported escape) throw <see cref="SchemaException"/> with code <c>schema_parse_error</c>. The conventions shared
/// with the query language live in <see cref="SourceCursor"/>.
/// </summary>
/// <remarks>
/// Enum values (<c>[A-Za-z0-9_-]+</c>, e.g. <c>archived-2</c>) overlap with words, numbers and arrows, so the
/// parser switches to <see cref="ScanEnumValue"/> inside <c>enum(…)</c> instead of reading normal tokens.
/// </remarks>
internal sealed class SchemaLexer
{
    private readonly SourceCursor _cursor;

    public SchemaLexer(string source)
    {
        _cursor = new SourceCursor(source, SchemaThrow.ParseError);
    }

    /// <summary>The position of the next unread character (after skipping nothing).</summary>
    public SourcePosition CurrentPosition => _cursor.Position;

    public Token Next()
    {
        _cursor.SkipTrivia();
        var position = _cursor.Position;
        if (_cursor.IsAtEnd)
        {
            return new Token(TokenKind.EndOfInput, string.Empty, position);
        }

        var c = _cursor.Peek();
        switch (c)
        {
            case '{': return Take(TokenKind.LeftBrace, 1, position);
            case '}': return Take(TokenKind.RightBrace, 1, position);
            case '(': return Take(TokenKind.LeftParen, 1, position);
            case ')': return Take(TokenKind.RightParen, 1, position);
            case '[': return Take(TokenKind.LeftBracket, 1, position);
            case ']': return Take(TokenKind.RightBracket, 1, position);
            case ':': return Take(TokenKind.Colon, 1, position);
            case ',': return Take(TokenKind.Comma, 1, position);
            case '?': return Take(TokenKind.Question, 1, position);
            case '=': return Take(TokenKind.Equals, 1, position);
            case '*': return Take(TokenKind.Star, 1, position);
            case '"': return new Token(TokenKind.String, _cursor.TakeStringLiteral(), position);
            case '@': return ScanAnnotation(position);
            case '.':
                return _cursor.Peek(1) == '.' ? Take(TokenKind.DotDot, 2, position) : Take(TokenKind.Unknown, 1, position);
            case '-':
                if (_cursor.Peek(1) == '>')
                {
                    return Take(TokenKind.Arrow, 2, position);
                }

                return char.IsAsciiDigit(_cursor.Peek(1)) ? ScanNumber(position) : Take(TokenKind.Unknown, 1, position);
        }

        if (char.IsAsciiDigit(c))
        {
            return ScanNumber(position);
        }

        if (SourceCursor.IsWordStart(c))
        {
            return new Token(TokenKind.Word, _cursor.TakeWord(), position);
        }

        return new Token(TokenKind.Unknown, _cursor.TakeCharacter(), position);
    }

    /// <summary>
    /// Reads one enum value (<c>[A-Za-z0-9_-]+</c>) after skipping trivia; returns a token whose text is
    /// empty when no value character follows (the parser then reports what it found instead).
    /// </summary>
    public Token ScanEnumValue()
    {
        _cursor.SkipTrivia();
        var position = _cursor.Position;
        return new Token(TokenKind.Word, _cursor.TakeWhile(static c => SourceCursor.IsWordPart(c) || c == '-'), position);
    }

    private Token Take(TokenKind kind, int length, SourcePosition position) => new(kind, _cursor.Take(length), position);

    private Token ScanAnnotation(SourcePosition position)
    {
        _cursor.Take(1);
        if (!SourceCursor.IsWordStart(_cursor.Peek()))
        {
            return SchemaThrow.Parse<Token>(position, "expected annotation name after '@'");
        }

        return new Token(TokenKind.Annotation, _cursor.TakeWord(), position);
    }

    private Token ScanNumber(SourcePosition position)
    {
        var text = _cursor.TakeNumber(allowSign: true, out var isFloat);
        return new Token(isFloat ? TokenKind.Float : TokenKind.Integer, text, position);
    }
}

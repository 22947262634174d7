using System.Text;

namespace OmniGraph.Schema.Syntax;

/// <summary>
/// Pull-based lexer for <c>.pg</c> text. Whitespace (space, tab, CR, LF) and comments (<c>// …</c> to end of
/// line, <c>/* … */</c> not nested) separate tokens. Lexical failures (unterminated string or comment,
/// unsupported escape) throw <see cref="SchemaException"/> with code <c>schema_parse_error</c>.
/// </summary>
/// <remarks>
/// Enum values (<c>[A-Za-z0-9_-]+</c>, e.g. <c>archived-2</c>) overlap with words, numbers and arrows, so the
/// parser switches to <see cref="ScanEnumValue"/> inside <c>enum(…)</c> instead of reading normal tokens.
/// </remarks>
internal sealed class SchemaLexer
{
    private readonly string _source;
    private int _offset;
    private int _line = 1;
    private int _lineStart;

    public SchemaLexer(string source)
    {
        _source = source;
    }

    /// <summary>The position of the next unread character (after skipping nothing).</summary>
    public SourcePosition CurrentPosition => new(_line, _offset - _lineStart + 1);

    public Token Next()
    {
        SkipTrivia();
        var position = CurrentPosition;
        if (_offset >= _source.Length)
        {
            return new Token(TokenKind.EndOfInput, string.Empty, position);
        }

        var c = _source[_offset];
        switch (c)
        {
            case '{': return Single(TokenKind.LeftBrace, position);
            case '}': return Single(TokenKind.RightBrace, position);
            case '(': return Single(TokenKind.LeftParen, position);
            case ')': return Single(TokenKind.RightParen, position);
            case '[': return Single(TokenKind.LeftBracket, position);
            case ']': return Single(TokenKind.RightBracket, position);
            case ':': return Single(TokenKind.Colon, position);
            case ',': return Single(TokenKind.Comma, position);
            case '?': return Single(TokenKind.Question, position);
            case '=': return Single(TokenKind.Equals, position);
            case '*': return Single(TokenKind.Star, position);
            case '"': return ScanString(position);
            case '@': return ScanAnnotation(position);
            case '.':
                if (Peek(1) == '.')
                {
                    _offset += 2;
                    return new Token(TokenKind.DotDot, "..", position);
                }

                return Single(TokenKind.Unknown, position);
            case '-':
                if (Peek(1) == '>')
                {
                    _offset += 2;
                    return new Token(TokenKind.Arrow, "->", position);
                }

                return IsDigit(Peek(1)) ? ScanNumber(position) : Single(TokenKind.Unknown, position);
        }

        if (IsDigit(c))
        {
            return ScanNumber(position);
        }

        if (IsWordStart(c))
        {
            var start = _offset;
            while (_offset < _source.Length && IsWordPart(_source[_offset]))
            {
                _offset++;
            }

            return new Token(TokenKind.Word, _source[start.._offset], position);
        }

        // Keep a surrogate pair together so the error names the whole character.
        var length = char.IsHighSurrogate(c) && _offset + 1 < _source.Length && char.IsLowSurrogate(_source[_offset + 1]) ? 2 : 1;
        var text = _source.Substring(_offset, length);
        _offset += length;
        return new Token(TokenKind.Unknown, text, position);
    }

    /// <summary>
    /// Reads one enum value (<c>[A-Za-z0-9_-]+</c>) after skipping trivia; returns a token whose text is
    /// empty when no value character follows (the parser then reports what it found instead).
    /// </summary>
    public Token ScanEnumValue()
    {
        SkipTrivia();
        var position = CurrentPosition;
        var start = _offset;
        while (_offset < _source.Length && IsEnumValuePart(_source[_offset]))
        {
            _offset++;
        }

        return new Token(TokenKind.Word, _source[start.._offset], position);
    }

    private Token Single(TokenKind kind, SourcePosition position)
    {
        var text = _source.Substring(_offset, 1);
        _offset++;
        return new Token(kind, text, position);
    }

    private char Peek(int ahead) => _offset + ahead < _source.Length ? _source[_offset + ahead] : '\0';

    private void SkipTrivia()
    {
        while (_offset < _source.Length)
        {
            var c = _source[_offset];
            if (c == '\n')
            {
                _offset++;
                _line++;
                _lineStart = _offset;
            }
            else if (c is ' ' or '\t' or '\r')
            {
                _offset++;
            }
            else if (c == '/' && Peek(1) == '/')
            {
                while (_offset < _source.Length && _source[_offset] != '\n')
                {
                    _offset++;
                }
            }
            else if (c == '/' && Peek(1) == '*')
            {
                SkipBlockComment();
            }
            else
            {
                return;
            }
        }
    }

    private void SkipBlockComment()
    {
        var position = CurrentPosition;
        _offset += 2;
        while (_offset < _source.Length)
        {
            var c = _source[_offset];
            if (c == '*' && Peek(1) == '/')
            {
                _offset += 2;
                return;
            }

            Advance(c);
        }

        SchemaThrow.Parse(position, "unterminated block comment");
    }

    /// <summary>Consumes one character, keeping line bookkeeping right for text that spans lines.</summary>
    private void Advance(char c)
    {
        _offset++;
        if (c == '\n')
        {
            _line++;
            _lineStart = _offset;
        }
    }

    private Token ScanString(SourcePosition position)
    {
        _offset++;
        StringBuilder? builder = null;
        var segmentStart = _offset;
        while (_offset < _source.Length)
        {
            var c = _source[_offset];
            if (c == '"')
            {
                var value = builder is null
                    ? _source[segmentStart.._offset]
                    : builder.Append(_source, segmentStart, _offset - segmentStart).ToString();
                _offset++;
                return new Token(TokenKind.String, value, position);
            }

            if (c == '\\')
            {
                if (_offset + 1 >= _source.Length)
                {
                    break;
                }

                var escapePosition = CurrentPosition;
                builder ??= new StringBuilder();
                builder.Append(_source, segmentStart, _offset - segmentStart);
                var escaped = Peek(1);
                builder.Append(escaped switch
                {
                    '"' => '"',
                    '\\' => '\\',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    _ => SchemaThrow.Parse<char>(escapePosition, DescribeBadEscape(escaped)),
                });
                _offset += 2;
                segmentStart = _offset;
                continue;
            }

            Advance(c);
        }

        return SchemaThrow.Parse<Token>(position, "unterminated string literal");
    }

    private static string DescribeBadEscape(char escaped) =>
        char.IsControl(escaped) || char.IsSurrogate(escaped)
                ? $"unsupported escape sequence (backslash followed by U+{(int)escaped:X4}); only \\\" \\\\ \\n \\r \\t are allowed"
                : $"unsupported escape sequence '\\{escaped}'; only \\\" \\\\ \\n \\r \\t are allowed";

    private Token ScanAnnotation(SourcePosition position)
    {
        _offset++;
        if (_offset >= _source.Length || !IsWordStart(_source[_offset]))
        {
            return SchemaThrow.Parse<Token>(position, "expected annotation name after '@'");
        }

        var start = _offset;
        while (_offset < _source.Length && IsWordPart(_source[_offset]))
        {
            _offset++;
        }

        return new Token(TokenKind.Annotation, _source[start.._offset], position);
    }

    private Token ScanNumber(SourcePosition position)
    {
        var start = _offset;
        if (_source[_offset] == '-')
        {
            _offset++;
        }

        while (_offset < _source.Length && IsDigit(_source[_offset]))
        {
            _offset++;
        }

        // A fraction needs digits on both sides of a single dot; "1..5" is a range, not a float.
        if (Peek(0) == '.' && IsDigit(Peek(1)))
        {
            _offset++;
            while (_offset < _source.Length && IsDigit(_source[_offset]))
            {
                _offset++;
            }

            return new Token(TokenKind.Float, _source[start.._offset], position);
        }

        return new Token(TokenKind.Integer, _source[start.._offset], position);
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsWordStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    private static bool IsWordPart(char c) => IsWordStart(c) || IsDigit(c);

    private static bool IsEnumValuePart(char c) => IsWordPart(c) || c == '-';
}

using System.Text;
using OmniGraph.Schema;

namespace OmniGraph.Query.Syntax;

/// <summary>
/// Tokenizes <c>.gq</c> text in one pass. Whitespace (space, tab, CR, LF) and comments (<c>// …</c> to end of line,
/// <c>/* … */</c> not nested) separate tokens. Lexical failures (unterminated string or comment, unsupported
/// escape, malformed variable) throw a <see cref="QueryException"/> with code <c>query_parse_error</c>.
/// </summary>
internal sealed class QueryLexer
{
    private readonly string _source;
    private int _offset;
    private int _line = 1;
    private int _lineStart;

    private QueryLexer(string source)
    {
        _source = source;
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

    private SourcePosition CurrentPosition => new(_line, _offset - _lineStart + 1);

    private QueryToken Next()
    {
        SkipTrivia();
        var position = CurrentPosition;
        if (_offset >= _source.Length)
        {
            return new QueryToken(QueryTokenKind.EndOfInput, string.Empty, position);
        }

        var c = _source[_offset];
        switch (c)
        {
            case '{': return Single(QueryTokenKind.LeftBrace, position);
            case '}': return Single(QueryTokenKind.RightBrace, position);
            case '(': return Single(QueryTokenKind.LeftParen, position);
            case ')': return Single(QueryTokenKind.RightParen, position);
            case '[': return Single(QueryTokenKind.LeftBracket, position);
            case ']': return Single(QueryTokenKind.RightBracket, position);
            case ':': return Single(QueryTokenKind.Colon, position);
            case ',': return Single(QueryTokenKind.Comma, position);
            case '.': return Single(QueryTokenKind.Dot, position);
            case '?': return Single(QueryTokenKind.Question, position);
            case '=': return Single(QueryTokenKind.Equal, position);
            case '<': return Peek(1) == '=' ? Double(QueryTokenKind.LessOrEqual, position) : Single(QueryTokenKind.Less, position);
            case '>': return Peek(1) == '=' ? Double(QueryTokenKind.GreaterOrEqual, position) : Single(QueryTokenKind.Greater, position);
            case '!':
                return Peek(1) == '=' ? Double(QueryTokenKind.NotEqual, position) : Single(QueryTokenKind.Unknown, position);
            case '"': return ScanString(position);
            case '$': return ScanVariable(position);
            case '@': return ScanAnnotation(position);
        }

        if (char.IsAsciiDigit(c))
        {
            return ScanNumber(position);
        }

        if (IsWordStart(c))
        {
            var word = ScanWord();
            return new QueryToken(char.IsAsciiLetterUpper(word[0]) ? QueryTokenKind.TypeName : QueryTokenKind.Identifier, word, position);
        }

        // Keep a surrogate pair together so the error names the whole character.
        var length = char.IsHighSurrogate(c) && _offset + 1 < _source.Length && char.IsLowSurrogate(_source[_offset + 1]) ? 2 : 1;
        var text = _source.Substring(_offset, length);
        _offset += length;
        return new QueryToken(QueryTokenKind.Unknown, text, position);
    }

    private QueryToken Single(QueryTokenKind kind, SourcePosition position)
    {
        var text = _source.Substring(_offset, 1);
        _offset++;
        return new QueryToken(kind, text, position);
    }

    private QueryToken Double(QueryTokenKind kind, SourcePosition position)
    {
        var text = _source.Substring(_offset, 2);
        _offset += 2;
        return new QueryToken(kind, text, position);
    }

    private char Peek(int ahead) => _offset + ahead < _source.Length ? _source[_offset + ahead] : '\0';

    private string ScanWord()
    {
        var start = _offset;
        while (_offset < _source.Length && IsWordPart(_source[_offset]))
        {
            _offset++;
        }

        return _source[start.._offset];
    }

    private QueryToken ScanVariable(SourcePosition position)
    {
        _offset++;
        var next = Peek(0);
        if (!IsWordStart(next))
        {
            return QueryThrow.Parse<QueryToken>(position, "expected a variable name after '$'");
        }

        var name = ScanWord();
        if (char.IsAsciiLetterUpper(name[0]))
        {
            QueryThrow.Parse(position, $"invalid variable name '${name}': variable names start with a lowercase letter or '_'");
        }

        return new QueryToken(QueryTokenKind.Variable, name, position);
    }

    private QueryToken ScanAnnotation(SourcePosition position)
    {
        _offset++;
        if (!IsWordStart(Peek(0)))
        {
            return QueryThrow.Parse<QueryToken>(position, "expected an annotation name after '@'");
        }

        return new QueryToken(QueryTokenKind.Annotation, ScanWord(), position);
    }

    private QueryToken ScanNumber(SourcePosition position)
    {
        var start = _offset;
        while (_offset < _source.Length && char.IsAsciiDigit(_source[_offset]))
        {
            _offset++;
        }

        if (Peek(0) == '.' && char.IsAsciiDigit(Peek(1)))
        {
            _offset++;
            while (_offset < _source.Length && char.IsAsciiDigit(_source[_offset]))
            {
                _offset++;
            }

            return new QueryToken(QueryTokenKind.Float, _source[start.._offset], position);
        }

        return new QueryToken(QueryTokenKind.Integer, _source[start.._offset], position);
    }

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

        QueryThrow.Parse(position, "unterminated block comment");
    }

    private void Advance(char c)
    {
        _offset++;
        if (c == '\n')
        {
            _line++;
            _lineStart = _offset;
        }
    }

    private QueryToken ScanString(SourcePosition position)
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
                return new QueryToken(QueryTokenKind.String, value, position);
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
                    _ => QueryThrow.Parse<char>(escapePosition, DescribeBadEscape(escaped)),
                });
                _offset += 2;
                segmentStart = _offset;
                continue;
            }

            Advance(c);
        }

        return QueryThrow.Parse<QueryToken>(position, "unterminated string literal");
    }

    private static string DescribeBadEscape(char escaped) =>
        char.IsControl(escaped) || char.IsSurrogate(escaped) || char.IsWhiteSpace(escaped)
            ? $"unsupported escape sequence '\\' followed by U+{(int)escaped:X4} (allowed: \\\" \\\\ \\n \\r \\t)"
            : $"unsupported escape sequence '\\{escaped}' (allowed: \\\" \\\\ \\n \\r \\t)";

    private static bool IsWordStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsWordPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}

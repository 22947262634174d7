using System.Text;

namespace OmniGraph.Schema.Syntax;

/// <summary>
/// The lexical conventions both OmniGraph languages (<c>.pg</c> schemas and <c>.gq</c> queries) share, in one place:
/// a position in the source with 1-based line/column bookkeeping, trivia (space, tab, CR, LF, <c>// …</c> line
/// comments and non-nested <c>/* … */</c> block comments), string literals with exactly the escapes
/// <c>\" \\ \n \r \t</c>, words and unsigned numbers. Each language's lexer drives a cursor and reports lexical
/// failures through the error factory it supplies, so errors keep that language's exception type and code.
/// </summary>
public sealed class SourceCursor
{
    private readonly string _source;
    private readonly Func<SourcePosition, string, Exception> _error;
    private int _offset;
    private int _line = 1;
    private int _lineStart;

    /// <param name="source">The text to scan.</param>
    /// <param name="error">Builds the exception thrown for a lexical failure at a position.</param>
    public SourceCursor(string source, Func<SourcePosition, string, Exception> error)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(error);
        _source = source;
        _error = error;
    }

    /// <summary>Offset of the next unread character.</summary>
    public int Offset => _offset;

    /// <summary><c>true</c> when every character has been read.</summary>
    public bool IsAtEnd => _offset >= _source.Length;

    /// <summary>Line and column of the next unread character.</summary>
    public SourcePosition Position => new(_line, _offset - _lineStart + 1);

    /// <summary>The character <paramref name="ahead"/> positions past the next unread one, or <c>'\0'</c> past the end.</summary>
    public char Peek(int ahead = 0) => _offset + ahead < _source.Length ? _source[_offset + ahead] : '\0';

    /// <summary>Consumes <paramref name="count"/> characters that contain no line break and returns them.</summary>
    public string Take(int count)
    {
        var text = _source.Substring(_offset, count);
        _offset += count;
        return text;
    }

    /// <summary>Consumes one character, or a whole surrogate pair, so a message can name the complete character.</summary>
    public string TakeCharacter()
    {
        var c = _source[_offset];
        var length = char.IsHighSurrogate(c) && _offset + 1 < _source.Length && char.IsLowSurrogate(_source[_offset + 1]) ? 2 : 1;
        return Take(length);
    }

    /// <summary>Consumes characters while <paramref name="predicate"/> holds and returns them (possibly empty).</summary>
    public string TakeWhile(Func<char, bool> predicate)
    {
        var start = _offset;
        while (_offset < _source.Length && predicate(_source[_offset]))
        {
            _offset++;
        }

        return _source[start.._offset];
    }

    /// <summary>Consumes a word: an ASCII letter or underscore, then letters, digits and underscores.</summary>
    public string TakeWord() => TakeWhile(IsWordPart);

    /// <summary>
    /// Consumes an optional leading '-' (when <paramref name="allowSign"/>), digits, and a fraction when a single dot is
    /// followed by a digit (<c>1..5</c> stays a range). Returns the text and whether it is a float.
    /// </summary>
    public string TakeNumber(bool allowSign, out bool isFloat)
    {
        var start = _offset;
        if (allowSign && Peek() == '-')
        {
            _offset++;
        }

        SkipDigits();
        isFloat = Peek() == '.' && char.IsAsciiDigit(Peek(1));
        if (isFloat)
        {
            _offset++;
            SkipDigits();
        }

        return _source[start.._offset];
    }

    /// <summary>Skips whitespace and comments.</summary>
    public void SkipTrivia()
    {
        while (_offset < _source.Length)
        {
            var c = _source[_offset];
            if (c == '\n')
            {
                NewLine();
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

    /// <summary>Reads a string literal starting at the opening quote and returns its decoded value.</summary>
    public string TakeStringLiteral()
    {
        var position = Position;
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
                return value;
            }

            if (c == '\\')
            {
                if (_offset + 1 >= _source.Length)
                {
                    break;
                }

                var escapePosition = Position;
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
                    _ => throw _error(escapePosition, DescribeBadEscape(escaped)),
                });
                _offset += 2;
                segmentStart = _offset;
                continue;
            }

            Advance(c);
        }

        throw _error(position, "unterminated string literal");
    }

    /// <summary><c>true</c> for a character that may start a word.</summary>
    public static bool IsWordStart(char c) => char.IsAsciiLetter(c) || c == '_';

    /// <summary><c>true</c> for a character that may continue a word.</summary>
    public static bool IsWordPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private void SkipDigits()
    {
        while (_offset < _source.Length && char.IsAsciiDigit(_source[_offset]))
        {
            _offset++;
        }
    }

    private void SkipBlockComment()
    {
        var position = Position;
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

        throw _error(position, "unterminated block comment");
    }

    /// <summary>Consumes one character, keeping line bookkeeping right for text that spans lines.</summary>
    private void Advance(char c)
    {
        if (c == '\n')
        {
            NewLine();
        }
        else
        {
            _offset++;
        }
    }

    private void NewLine()
    {
        _offset++;
        _line++;
        _lineStart = _offset;
    }

    private static string DescribeBadEscape(char escaped) =>
        char.IsControl(escaped) || char.IsSurrogate(escaped) || char.IsWhiteSpace(escaped)
            ? $"unsupported escape sequence (backslash followed by U+{(int)escaped:X4}); only \\\" \\\\ \\n \\r \\t are allowed"
            : $"unsupported escape sequence '\\{escaped}'; only \\\" \\\\ \\n \\r \\t are allowed";
}

using System.Globalization;
using System.Text;

namespace OmniGraph;

/// <summary>
/// Finds the first syntax error of a JSON text (RFC 8259, strict: no comments, no trailing commas, UTF-8) and says in
/// our own words what is wrong, where (line and column) and what was expected. Readers (System.Text.Json) detect the
/// error; this explains it, so no user-facing message depends on a framework's exception text. It runs only on the
/// failure path.
/// </summary>
public static class JsonSyntax
{
    /// <summary>The nesting limit the product's readers use (System.Text.Json's default).</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>The first syntax error of <paramref name="utf8"/>, or <c>null</c> when it is one well-formed JSON value.</summary>
    /// <param name="utf8">The text.</param>
    /// <param name="maxDepth">The deepest nesting accepted.</param>
    public static JsonSyntaxError? FindError(ReadOnlySpan<byte> utf8, int maxDepth = DefaultMaxDepth)
    {
        var scanner = new Scanner(utf8, maxDepth);
        return scanner.Run();
    }

    /// <inheritdoc cref="FindError(ReadOnlySpan{byte}, int)"/>
    public static JsonSyntaxError? FindError(string text, int maxDepth = DefaultMaxDepth)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FindError(Encoding.UTF8.GetBytes(text), maxDepth);
    }

    /// <summary>
    /// Why a reader or deserializer refused <paramref name="utf8"/>, as a clause for a message: the syntax error with its
    /// line and column, or — for well-formed JSON of the wrong shape — the JSON path where the shape broke. Never the
    /// framework's exception text.
    /// </summary>
    /// <param name="utf8">The text that was refused.</param>
    /// <param name="exception">The reader's or deserializer's exception (its <see cref="System.Text.Json.JsonException.Path"/> is used).</param>
    public static string DescribeFailure(ReadOnlySpan<byte> utf8, System.Text.Json.JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return FindError(utf8) is { } syntax
            ? $"it is not valid JSON: {syntax}"
            : $"it does not have the expected shape at {(string.IsNullOrEmpty(exception.Path) ? "$" : exception.Path)} (a member is missing, unknown, repeated or of the wrong kind)";
    }

    private ref struct Scanner(ReadOnlySpan<byte> text, int maxDepth)
    {
        private readonly ReadOnlySpan<byte> _text = text;
        private int _position;
        private int _depth;
        private JsonSyntaxError? _error;

        public JsonSyntaxError? Run()
        {
            SkipWhitespace();
            if (_position == _text.Length)
            {
                return Fail("the text is empty: expected a JSON value", atEnd: true);
            }

            if (!Value())
            {
                return _error;
            }

            SkipWhitespace();
            return _position < _text.Length
                ? Fail($"unexpected {Found()} after the end of the JSON value (one value only)", atEnd: false)
                : null;
        }

        private bool Value()
        {
            if (_position == _text.Length)
            {
                FailBool("the text ends where a value was expected", atEnd: true);
                return false;
            }

            var c = _text[_position];
            switch (c)
            {
                case (byte)'{':
                    return Container(isObject: true);
                case (byte)'[':
                    return Container(isObject: false);
                case (byte)'"':
                    return String("string");
                case (byte)'t':
                    return Literal("true"u8, "true");
                case (byte)'f':
                    return Literal("false"u8, "false");
                case (byte)'n':
                    return Literal("null"u8, "null");
                case (byte)'-':
                case >= (byte)'0' and <= (byte)'9':
                    return Number();
                case (byte)'/':
                    return FailBool("comments are not allowed in JSON", atEnd: false);
                case (byte)'\'':
                    return FailBool("strings must be in double quotes (\"…\"), not single quotes", atEnd: false);
                default:
                    return FailBool($"expected a value (an object, array, string, number, true, false or null), found {Found()}", atEnd: false);
            }
        }

        private bool Container(bool isObject)
        {
            var close = isObject ? (byte)'}' : (byte)']';
            var noun = isObject ? "object" : "array";
            if (++_depth > maxDepth)
            {
                return FailBool($"the value is nested more than {maxDepth} levels deep", atEnd: false);
            }

            _position++;
            SkipWhitespace();
            if (AtEnd())
            {
                return FailBool($"the text ends inside an {noun} (expected {(isObject ? "a member name or '}'" : "a value or ']'")})", atEnd: true);
            }

            if (_text[_position] == close)
            {
                _position++;
                _depth--;
                return true;
            }

            var first = true;
            while (true)
            {
                if (isObject && !Member(first))
                {
                    return false;
                }

                if (!isObject && !Value())
                {
                    return false;
                }

                first = false;
                SkipWhitespace();
                if (AtEnd())
                {
                    return FailBool($"the text ends inside an {noun} (expected ',' or '{(char)close}')", atEnd: true);
                }

                var next = _text[_position];
                if (next == close)
                {
                    _position++;
                    _depth--;
                    return true;
                }

                if (next != (byte)',')
                {
                    return FailBool($"expected ',' or '{(char)close}' after {(isObject ? "a member" : "an element")}, found {Found()}", atEnd: false);
                }

                _position++;
                SkipWhitespace();
                if (!AtEnd() && _text[_position] == close)
                {
                    return FailBool($"a ',' must be followed by another {(isObject ? "member" : "element")}, found '{(char)close}' (trailing commas are not allowed)", atEnd: false);
                }
            }
        }

        private bool Member(bool first)
        {
            SkipWhitespace();
            if (AtEnd())
            {
                return FailBool("the text ends inside an object (expected a member name)", atEnd: true);
            }

            if (_text[_position] != (byte)'"')
            {
                var expected = first ? "a member name in double quotes or '}'" : "a member name in double quotes";
                return FailBool($"expected {expected}, found {Found()}", atEnd: false);
            }

            if (!String("member name"))
            {
                return false;
            }

            SkipWhitespace();
            if (AtEnd())
            {
                return FailBool("the text ends inside an object (expected ':' after the member name)", atEnd: true);
            }

            if (_text[_position] != (byte)':')
            {
                return FailBool($"expected ':' after the member name, found {Found()}", atEnd: false);
            }

            _position++;
            SkipWhitespace();
            return Value();
        }

        private bool String(string what)
        {
            _position++;
            while (true)
            {
                if (AtEnd())
                {
                    return FailBool($"the text ends inside a {what} (a closing '\"' is missing)", atEnd: true);
                }

                var c = _text[_position];
                if (c == (byte)'"')
                {
                    _position++;
                    return true;
                }

                if (c < 0x20)
                {
                    return FailBool($"a control character ({Found()}) must be escaped inside a {what}", atEnd: false);
                }

                if (c == (byte)'\\')
                {
                    if (!Escape())
                    {
                        return false;
                    }

                    continue;
                }

                if (c < 0x80)
                {
                    _position++;
                    continue;
                }

                if (Rune.DecodeFromUtf8(_text[_position..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
                {
                    return FailBool($"a {what} holds bytes that are not valid UTF-8", atEnd: false);
                }

                _position += consumed;
            }
        }

        private bool Escape()
        {
            var start = _position;
            _position++;
            if (AtEnd())
            {
                return FailBool("the text ends inside an escape sequence", atEnd: true);
            }

            var c = _text[_position];
            if (c is (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t')
            {
                _position++;
                return true;
            }

            if (c != (byte)'u')
            {
                _position = start;
                return FailBool($"invalid escape '\\{Printable(c)}' (expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)", atEnd: false);
            }

            _position++;
            for (var i = 0; i < 4; i++)
            {
                if (AtEnd())
                {
                    return FailBool("the text ends inside a \\u escape (four hex digits expected)", atEnd: true);
                }

                if (!char.IsAsciiHexDigit((char)_text[_position]))
                {
                    return FailBool($"a \\u escape needs four hex digits, found {Found()}", atEnd: false);
                }

                _position++;
            }

            return true;
        }

        private bool Literal(ReadOnlySpan<byte> literal, string name)
        {
            for (var i = 0; i < literal.Length; i++)
            {
                if (AtEnd())
                {
                    return FailBool($"the text ends inside the literal {name}", atEnd: true);
                }

                if (_text[_position] != literal[i])
                {
                    return FailBool($"invalid literal: expected {name}, found {Found()}", atEnd: false);
                }

                _position++;
            }

            return true;
        }

        private bool Number()
        {
            if (_text[_position] == (byte)'-')
            {
                _position++;
                if (AtEnd() || !IsDigit())
                {
                    return FailBool($"invalid number: expected a digit after '-', found {Found()}", atEnd: AtEnd());
                }
            }

            if (_text[_position] == (byte)'0')
            {
                _position++;
                if (!AtEnd() && IsDigit())
                {
                    return FailBool("invalid number: a leading zero must not be followed by another digit", atEnd: false);
                }
            }
            else
            {
                SkipDigits();
            }

            if (!AtEnd() && _text[_position] == (byte)'.')
            {
                _position++;
                if (AtEnd() || !IsDigit())
                {
                    return FailBool($"invalid number: expected a digit after '.', found {Found()}", atEnd: AtEnd());
                }

                SkipDigits();
            }

            if (!AtEnd() && _text[_position] is (byte)'e' or (byte)'E')
            {
                _position++;
                if (!AtEnd() && _text[_position] is (byte)'+' or (byte)'-')
                {
                    _position++;
                }

                if (AtEnd() || !IsDigit())
                {
                    return FailBool($"invalid number: expected a digit in the exponent, found {Found()}", atEnd: AtEnd());
                }

                SkipDigits();
            }

            return true;
        }

        private readonly bool AtEnd() => _position >= _text.Length;

        private readonly bool IsDigit() => _text[_position] is >= (byte)'0' and <= (byte)'9';

        private void SkipDigits()
        {
            while (!AtEnd() && IsDigit())
            {
                _position++;
            }
        }

        private void SkipWhitespace()
        {
            while (!AtEnd() && _text[_position] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
            {
                _position++;
            }
        }

        /// <summary>What stands at the current position, for "found …".</summary>
        private readonly string Found()
        {
            if (AtEnd())
            {
                return "the end of the text";
            }

            var c = _text[_position];
            if (c is >= 0x21 and < 0x7F)
            {
                return $"'{(char)c}'";
            }

            if (c < 0x80)
            {
                return string.Create(CultureInfo.InvariantCulture, $"U+{c:X4}");
            }

            return Rune.DecodeFromUtf8(_text[_position..], out var rune, out _) == System.Buffers.OperationStatus.Done
                ? string.Create(CultureInfo.InvariantCulture, $"'{rune}' (U+{rune.Value:X4})")
                : "a byte that is not valid UTF-8";
        }

        private static string Printable(byte c) =>
            c is >= 0x21 and < 0x7F ? ((char)c).ToString() : string.Create(CultureInfo.InvariantCulture, $"U+{c:X4}");

        private bool FailBool(string message, bool atEnd)
        {
            Fail(message, atEnd);
            return false;
        }

        private JsonSyntaxError Fail(string message, bool atEnd)
        {
            var offset = Math.Min(_position, _text.Length);
            var before = _text[..offset];
            var lineStart = before.LastIndexOf((byte)'\n') + 1;
            var line = before.Count((byte)'\n') + 1;
            var column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
            var error = new JsonSyntaxError(offset, line, column, message, atEnd);
            _error = error;
            return error;
        }
    }
}

/// <summary>The first syntax error of a JSON text (see <see cref="JsonSyntax"/>).</summary>
/// <param name="ByteOffset">Where it is, in bytes from the start.</param>
/// <param name="Line">Its line, from 1.</param>
/// <param name="Column">Its column in characters, from 1.</param>
/// <param name="Message">What is wrong and what was expected, as a clause ("expected ':' after the member name, found '}'").</param>
/// <param name="IsUnexpectedEnd">Whether the text ends before the value does (an unterminated object, array or string).</param>
public sealed record JsonSyntaxError(int ByteOffset, int Line, int Column, string Message, bool IsUnexpectedEnd)
{
    /// <summary>"line L, column C: message".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"line {Line}, column {Column}: {Message}");
}

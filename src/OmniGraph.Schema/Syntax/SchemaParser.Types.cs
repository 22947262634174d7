using System.Collections.Immutable;
using System.Diagnostics;

namespace OmniGraph.Schema.Syntax;

public sealed partial class SchemaParser
{
    private const string TypeExpectation = "type (String, Bool, I32, I64, U32, U64, F32, F64, Date, DateTime, Blob, Vector(N), [T] or enum(…))";

    private TypeReferenceSyntax ParseType()
    {
        var position = _current.Position;
        TypeReferenceKind kind;
        var baseType = ScalarKind.String;
        string? dimension = null;
        var enumValues = ImmutableArray<NameSyntax>.Empty;

        if (_current.Kind == TokenKind.LeftBracket)
        {
            Advance();
            if (_current.Kind != TokenKind.Word || !ScalarKinds.TryParse(_current.Text, out baseType))
            {
                Fail("list element type (String, Bool, I32, I64, U32, U64, F32, F64, Date, DateTime)");
            }

            Advance();
            Expect(TokenKind.RightBracket, "']'");
            kind = TypeReferenceKind.List;
        }
        else if (_current.IsWord("enum"))
        {
            Advance();
            if (_current.Kind != TokenKind.LeftParen)
            {
                Fail("'(' after enum");
            }

            enumValues = ScanEnumValues();
            kind = TypeReferenceKind.Enum;
        }
        else if (_current.IsWord("Vector"))
        {
            Advance();
            Expect(TokenKind.LeftParen, "'(' after Vector");
            if (_current.Kind != TokenKind.Integer || _current.Text[0] == '-')
            {
                Fail("vector dimension (a positive integer)");
            }

            dimension = _current.Text;
            Advance();
            Expect(TokenKind.RightParen, "')'");
            kind = TypeReferenceKind.Vector;
        }
        else if (_current.Kind == TokenKind.Word && ScalarKinds.TryParse(_current.Text, out baseType))
        {
            Advance();
            kind = TypeReferenceKind.Base;
        }
        else
        {
            Fail(TypeExpectation);
            return null;
        }

        var nullable = false;
        if (_current.Kind == TokenKind.Question)
        {
            nullable = true;
            Advance();
        }

        return new TypeReferenceSyntax(kind, position, baseType, dimension, enumValues, nullable);
    }

    /// <summary>
    /// Reads <c>value (, value)* )</c> after an enum's opening parenthesis, which is the current token.
    /// Values are scanned in the lexer's raw mode because they may contain '-' or start with a digit.
    /// </summary>
    private ImmutableArray<NameSyntax> ScanEnumValues()
    {
        Debug.Assert(_next is null, "enum values must be scanned before any look-ahead past '('");
        var values = ImmutableArray.CreateBuilder<NameSyntax>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var value = _lexer.ScanEnumValue();
            if (value.Text.Length == 0)
            {
                _current = _lexer.Next();
                Fail("enum value (letters, digits, '_' or '-')");
            }

            if (!seen.Add(value.Text))
            {
                Fail(value.Position, $"enum type cannot include duplicate values (duplicate '{value.Text}')");
            }

            values.Add(new NameSyntax(value.Text, value.Position));
            _current = _lexer.Next();
            if (_current.Kind == TokenKind.Comma)
            {
                continue;
            }

            if (_current.Kind == TokenKind.RightParen)
            {
                Advance();
                return values.DrainToImmutable();
            }

            Fail("',' or ')'");
        }
    }
}

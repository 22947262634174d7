using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace OmniGraph.Schema.Syntax;

/// <summary>
/// Recursive-descent parser for <c>.pg</c> schema text. Produces a <see cref="SchemaDocument"/> with source
/// positions; catalog rules (names, references, annotation placement) are checked later by
/// <see cref="SchemaCatalog.Build"/>.
/// </summary>
/// <remarks>
/// The grammar has no recursive productions (types nest at most one list level), so parsing uses constant
/// stack depth whatever the input. Every failure is a <see cref="SchemaException"/> with code
/// <c>schema_parse_error</c> and a message <c>parse error: line L, column C: expected …, found …</c>.
/// </remarks>
public sealed partial class SchemaParser
{
    private const string DeclarationStart = "'node', 'edge' or 'interface'";

    private readonly SchemaLexer _lexer;
    private Token _current;
    private Token? _next;

    private SchemaParser(string source)
    {
        _lexer = new SchemaLexer(source);
    }

    /// <summary>Parses schema source text.</summary>
    /// <exception cref="SchemaException">The text is not a well-formed schema (code <c>schema_parse_error</c>).</exception>
    public static SchemaDocument Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new SchemaParser(source).ParseDocument();
    }

    private SchemaDocument ParseDocument()
    {
        Advance();
        var declarations = ImmutableArray.CreateBuilder<DeclarationSyntax>();
        while (_current.Kind != TokenKind.EndOfInput)
        {
            if (_current.IsWord("node"))
            {
                declarations.Add(ParseNode());
            }
            else if (_current.IsWord("edge"))
            {
                declarations.Add(ParseEdge());
            }
            else if (_current.IsWord("interface"))
            {
                declarations.Add(ParseInterface());
            }
            else
            {
                Fail(DeclarationStart);
            }
        }

        return new SchemaDocument(declarations.DrainToImmutable());
    }

    private void Advance()
    {
        if (_next is { } next)
        {
            _current = next;
            _next = null;
        }
        else
        {
            _current = _lexer.Next();
        }
    }

    private Token PeekNext() => _next ??= _lexer.Next();

    private Token Expect(TokenKind kind, string expected)
    {
        if (_current.Kind != kind)
        {
            Fail(expected);
        }

        var token = _current;
        Advance();
        return token;
    }

    private NameSyntax ExpectTypeName(string what)
    {
        if (_current.Kind != TokenKind.Word || !IsTypeName(_current.Text))
        {
            Fail($"{what} (a name starting with an uppercase letter)");
        }

        var name = new NameSyntax(_current.Text, _current.Position);
        Advance();
        return name;
    }

    private bool IsConstraintStart()
    {
        if (_current.Kind != TokenKind.Annotation || !TryGetConstraintKind(_current.Text, out _))
        {
            return false;
        }

        return PeekNext().Kind == TokenKind.LeftParen;
    }

    [DoesNotReturn]
    private void Fail(string expected) => SchemaThrow.Parse(_current.Position, $"expected {expected}, found {_current.Describe()}");

    [DoesNotReturn]
    private static void Fail(SourcePosition position, string reason) => SchemaThrow.Parse(position, reason);

    internal static bool IsTypeName(string text) => text.Length > 0 && char.IsAsciiLetterUpper(text[0]);

    internal static bool IsIdentifier(string text) => text.Length > 0 && (char.IsAsciiLetterLower(text[0]) || text[0] == '_');

    internal static bool TryGetConstraintKind(string name, out ConstraintKind kind)
    {
        switch (name)
        {
            case "key": kind = ConstraintKind.Key; return true;
            case "unique": kind = ConstraintKind.Unique; return true;
            case "index": kind = ConstraintKind.Index; return true;
            case "range": kind = ConstraintKind.Range; return true;
            case "check": kind = ConstraintKind.Check; return true;
            default: kind = default; return false;
        }
    }
}

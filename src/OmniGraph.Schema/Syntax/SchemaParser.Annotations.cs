using System.Collections.Immutable;

namespace OmniGraph.Schema.Syntax;

public sealed partial class SchemaParser
{
    private const string LiteralExpectation = "annotation value (string, number, true, false or identifier)";

    private const string DefaultAnnotation = "default";

    private const string DefaultExpectation = "@default value (string, number, true, false, identifier or [list])";

    private AnnotationSyntax ParseAnnotation()
    {
        var name = new NameSyntax(_current.Text, _current.Position);
        if (!IsIdentifier(name.Text))
        {
            Fail(name.Position, $"expected annotation name (starting with a lowercase letter or '_'), found '@{name.Text}'");
        }

        Advance();
        if (_current.Kind != TokenKind.LeftParen)
        {
            return new AnnotationSyntax(name, null, []);
        }

        Advance();
        if (name.Text == DefaultAnnotation)
        {
            var defaultValue = ParseDefaultValue(allowList: true);
            Expect(TokenKind.RightParen, "')' (@default takes exactly one value)");
            return new AnnotationSyntax(name, null, [], defaultValue);
        }

        if (_current.Kind == TokenKind.RightParen)
        {
            Fail(LiteralExpectation);
        }

        LiteralSyntax? value = null;
        var arguments = ImmutableArray.CreateBuilder<AnnotationArgumentSyntax>();
        while (true)
        {
            if (_current.Kind == TokenKind.Word && IsIdentifier(_current.Text) && PeekNext().Kind == TokenKind.Equals)
            {
                var argumentName = new NameSyntax(_current.Text, _current.Position);
                if (name.Text == "embed" && argumentName.Text != "model")
                {
                    Fail(argumentName.Position, $"unsupported @embed argument '{argumentName.Text}': only 'model' is supported");
                }

                foreach (var existing in arguments)
                {
                    if (existing.Name.Text == argumentName.Text)
                    {
                        Fail(argumentName.Position, $"annotation '@{name.Text}' repeats argument '{argumentName.Text}'");
                    }
                }

                Advance();
                Advance();
                arguments.Add(new AnnotationArgumentSyntax(argumentName, ParseLiteral(allowIdentifier: false)));
            }
            else if (value is not null || arguments.Count > 0)
            {
                Fail(_current.Position, $"annotation '@{name.Text}' accepts at most one positional argument, written before any name=value arguments");
            }
            else
            {
                value = ParseLiteral(allowIdentifier: true);
            }

            if (_current.Kind == TokenKind.Comma)
            {
                Advance();
                continue;
            }

            Expect(TokenKind.RightParen, "',' or ')'");
            return new AnnotationSyntax(name, value, arguments.DrainToImmutable());
        }
    }

    /// <summary>
    /// One <c>@default</c> value: a string, a number (signed allowed: a default may be negative), <c>true</c>/<c>false</c>,
    /// an identifier (an enum value), or <c>[v, …]</c> of those for a list property. Its type is checked by the catalog.
    /// </summary>
    private DefaultValueSyntax ParseDefaultValue(bool allowList)
    {
        var token = _current;
        DefaultValueKind kind;
        switch (token.Kind)
        {
            case TokenKind.LeftBracket when allowList:
                Advance();
                var items = ImmutableArray.CreateBuilder<DefaultValueSyntax>();
                while (_current.Kind != TokenKind.RightBracket)
                {
                    items.Add(ParseDefaultValue(allowList: false));
                    if (_current.Kind != TokenKind.Comma)
                    {
                        break;
                    }

                    Advance();
                }

                Expect(TokenKind.RightBracket, "',' or ']'");
                return new DefaultValueSyntax(DefaultValueKind.List, string.Empty, items.DrainToImmutable(), token.Position);
            case TokenKind.String:
                kind = DefaultValueKind.String;
                break;
            case TokenKind.Integer:
                kind = DefaultValueKind.Integer;
                break;
            case TokenKind.Float:
                kind = DefaultValueKind.Float;
                break;
            case TokenKind.Word when token.Text is "true" or "false":
                kind = DefaultValueKind.Bool;
                break;
            case TokenKind.Word when IsIdentifier(token.Text):
                kind = DefaultValueKind.Identifier;
                break;
            default:
                Fail(allowList ? DefaultExpectation : "list item (string, number, true, false or identifier)");
                return null;
        }

        Advance();
        return new DefaultValueSyntax(kind, token.Text, [], token.Position);
    }

    private LiteralSyntax ParseLiteral(bool allowIdentifier)
    {
        var token = _current;
        LiteralKind kind;
        switch (token.Kind)
        {
            case TokenKind.String:
                kind = LiteralKind.String;
                break;
            case TokenKind.Integer or TokenKind.Float when token.Text[0] == '-':
                Fail(token.Position, $"signed numbers are only allowed in @range bounds (found {token.Text})");
                return default;
            case TokenKind.Integer:
                kind = LiteralKind.Integer;
                break;
            case TokenKind.Float:
                kind = LiteralKind.Float;
                break;
            case TokenKind.Word when token.Text is "true" or "false":
                kind = LiteralKind.Bool;
                break;
            case TokenKind.Word when allowIdentifier && IsIdentifier(token.Text):
                kind = LiteralKind.Identifier;
                break;
            default:
                Fail(allowIdentifier ? LiteralExpectation : "literal value (string, number, true or false)");
                return default;
        }

        Advance();
        return new LiteralSyntax(kind, token.Text, token.Position);
    }

    private ConstraintSyntax ParseConstraint()
    {
        var position = _current.Position;
        TryGetConstraintKind(_current.Text, out var kind);
        Advance();
        Expect(TokenKind.LeftParen, "'('");
        var arguments = ImmutableArray.CreateBuilder<ConstraintArgumentSyntax>();
        while (true)
        {
            arguments.Add(ParseConstraintArgument());
            if (_current.Kind == TokenKind.Comma)
            {
                Advance();
                continue;
            }

            Expect(TokenKind.RightParen, "',' or ')'");
            return new ConstraintSyntax(kind, position, arguments.DrainToImmutable());
        }
    }

    private ConstraintArgumentSyntax ParseConstraintArgument()
    {
        var token = _current;
        switch (token.Kind)
        {
            case TokenKind.DotDot:
            {
                Advance();
                var max = ExpectNumber("range upper bound");
                return new ConstraintArgumentSyntax(ConstraintArgumentKind.Range, token.Position, ".." + max.Text, null, max);
            }

            case TokenKind.Integer or TokenKind.Float:
            {
                Advance();
                var min = new NumberSyntax(token.Text, token.Kind == TokenKind.Float, token.Position);
                if (_current.Kind != TokenKind.DotDot)
                {
                    if (token.Text[0] == '-')
                    {
                        Fail(token.Position, $"signed numbers are only allowed in @range bounds (found {token.Text})");
                    }

                    return new ConstraintArgumentSyntax(ConstraintArgumentKind.Number, token.Position, token.Text);
                }

                Advance();
                NumberSyntax? upper = null;
                if (_current.Kind is TokenKind.Integer or TokenKind.Float)
                {
                    upper = ExpectNumber("range upper bound");
                }

                return new ConstraintArgumentSyntax(ConstraintArgumentKind.Range, token.Position, $"{min.Text}..{upper?.Text}", min, upper);
            }

            case TokenKind.String:
                Advance();
                return new ConstraintArgumentSyntax(ConstraintArgumentKind.String, token.Position, token.Text);

            case TokenKind.Word when IsIdentifier(token.Text):
                Advance();
                return new ConstraintArgumentSyntax(ConstraintArgumentKind.Identifier, token.Position, token.Text);

            default:
                Fail("constraint argument (property name, string or range)");
                return null;
        }
    }

    private NumberSyntax ExpectNumber(string what)
    {
        if (_current.Kind is not (TokenKind.Integer or TokenKind.Float))
        {
            Fail(what);
        }

        var number = new NumberSyntax(_current.Text, _current.Kind == TokenKind.Float, _current.Position);
        Advance();
        return number;
    }
}

using System.Collections.Immutable;
using System.Globalization;
using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Query.Syntax;

internal sealed partial class QueryParser
{
    private const string ExpressionStart = "an expression ($var.prop, $var, a literal, now() or a function call)";

    /// <summary>Parses a general expression (filter operand, projection, ordering key).</summary>
    private ExpressionSyntax ParseExpression(int depth)
    {
        var token = Current;
        switch (token.Kind)
        {
            case QueryTokenKind.Variable:
                return ParseVariableExpression();
            case QueryTokenKind.String or QueryTokenKind.Integer or QueryTokenKind.Float or QueryTokenKind.LeftBracket:
                return ParseLiteral();
            case QueryTokenKind.Identifier:
                if (token.Text is "true" or "false" || (token.Text is "date" or "datetime" && Peek(1).Is(QueryTokenKind.LeftParen)))
                {
                    return ParseLiteral();
                }

                if (token.Text == "null")
                {
                    Fail(token.Position, "there is no null literal; pass null through an optional parameter");
                }

                if (Peek(1).Is(QueryTokenKind.LeftParen))
                {
                    return ParseCall(depth);
                }

                Advance();
                return new AliasReferenceSyntax(token.Text, token.Position);
            default:
                return Fail<ExpressionSyntax>(ExpressionStart);
        }
    }

    /// <summary>Parses a value position of a binding match or a mutation: literal, <c>$variable</c> or a function call (<c>now()</c>).</summary>
    private ExpressionSyntax ParseValue(string expected)
    {
        var token = Current;
        if (token.Is(QueryTokenKind.Variable))
        {
            Advance();
            return new VariableReferenceSyntax(new VariableSyntax(token.Text, token.Position));
        }

        if (IsLiteralStart(token))
        {
            return ParseLiteral();
        }

        if (token.Is(QueryTokenKind.Identifier) && Peek(1).Is(QueryTokenKind.LeftParen))
        {
            return ParseCall(depth: 0);
        }

        if (token.IsWord("null"))
        {
            Fail(token.Position, "there is no null literal; pass null through an optional parameter");
        }

        return Fail<ExpressionSyntax>(expected);
    }

    private ExpressionSyntax ParseVariableExpression()
    {
        var token = Advance();
        var variable = new VariableSyntax(token.Text, token.Position);
        if (!TryAccept(QueryTokenKind.Dot))
        {
            return new VariableReferenceSyntax(variable);
        }

        if (Current.Is(QueryTokenKind.TypeName))
        {
            Fail(Current.Position, $"property names start with a lowercase letter or '_', found '{Current.Text}'");
        }

        var property = ExpectIdentifier($"property name after '${token.Text}.'");
        return new PropertyAccessSyntax(variable, property);
    }

    private CallExpressionSyntax ParseCall(int depth)
    {
        var nameToken = Advance();
        EnterNesting(nameToken.Position, depth + 1);
        Advance();
        var arguments = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        if (!TryAccept(QueryTokenKind.RightParen))
        {
            while (true)
            {
                arguments.Add(ParseExpression(depth + 1));
                if (TryAccept(QueryTokenKind.RightParen))
                {
                    break;
                }

                Expect(QueryTokenKind.Comma, $"',' or ')' in the arguments of {nameToken.Text}()");
            }
        }

        return new CallExpressionSyntax(nameToken.Text, arguments.DrainToImmutable(), nameToken.Position);
    }

    private static bool IsLiteralStart(QueryToken token) =>
        token.Kind is QueryTokenKind.String or QueryTokenKind.Integer or QueryTokenKind.Float or QueryTokenKind.LeftBracket
        || token.IsWord("true") || token.IsWord("false") || token.IsWord("date") || token.IsWord("datetime");

    private LiteralSyntax ParseLiteral()
    {
        var token = Current;
        if (token.Is(QueryTokenKind.LeftBracket))
        {
            return ParseListLiteral();
        }

        return new LiteralSyntax(ParseScalarLiteral(), token.Position);
    }

    private QueryValue ParseScalarLiteral()
    {
        var token = Current;
        switch (token.Kind)
        {
            case QueryTokenKind.String:
                Advance();
                return QueryValue.FromString(token.Text);
            case QueryTokenKind.Integer:
                Advance();
                if (!ulong.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var integer))
                {
                    Fail(token.Position, $"integer literal {token.Text} is out of range (the largest is {ulong.MaxValue})");
                }

                return integer <= long.MaxValue ? QueryValue.FromInt64((long)integer) : QueryValue.FromUInt64(integer);
            case QueryTokenKind.Float:
                Advance();
                var number = double.Parse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                if (!double.IsFinite(number))
                {
                    Fail(token.Position, $"decimal literal {token.Text} is out of range");
                }

                return QueryValue.FromFloat64(number);
            case QueryTokenKind.Identifier when token.Text is "true" or "false":
                Advance();
                return QueryValue.FromBool(token.Text == "true");
            case QueryTokenKind.Identifier when token.Text is "date" or "datetime":
                return ParseTemporalLiteral();
            case QueryTokenKind.LeftBracket:
                return QueryThrow.Parse<QueryValue>(token.Position, "list literals cannot be nested");
            case QueryTokenKind.Variable:
                return QueryThrow.Parse<QueryValue>(token.Position, "list literal elements must be literals");
            default:
                return Fail<QueryValue>("a literal");
        }
    }

    private QueryValue ParseTemporalLiteral()
    {
        var function = Advance();
        Expect(QueryTokenKind.LeftParen, $"'(' after {function.Text}");
        var text = Expect(QueryTokenKind.String, $"a string argument for {function.Text}()");
        Expect(QueryTokenKind.RightParen, $"')' to close {function.Text}()");
        if (function.Text == "date")
        {
            return TemporalText.TryParseDate(text.Text, out var days)
                ? QueryValue.FromDate(days)
                : QueryThrow.Parse<QueryValue>(text.Position, $"invalid date literal \"{text.Text}\" (expected YYYY-MM-DD)");
        }

        return TemporalText.TryParseDateTime(text.Text, out var millis)
            ? QueryValue.FromDateTime(millis)
            : QueryThrow.Parse<QueryValue>(text.Position, $"invalid datetime literal \"{text.Text}\" (expected RFC 3339, e.g. 2024-06-01T12:00:00Z)");
    }

    private LiteralSyntax ParseListLiteral()
    {
        var position = Advance().Position;
        var items = ImmutableArray.CreateBuilder<QueryValue>();
        var positions = new List<SourcePosition>();
        if (!TryAccept(QueryTokenKind.RightBracket))
        {
            while (true)
            {
                positions.Add(Current.Position);
                items.Add(ParseScalarLiteral());
                if (TryAccept(QueryTokenKind.RightBracket))
                {
                    break;
                }

                Expect(QueryTokenKind.Comma, "',' or ']' in the list literal");
            }
        }

        return new LiteralSyntax(QueryValue.FromList(UnifyListItems(items.DrainToImmutable(), positions)), position);
    }

    /// <summary>
    /// Brings list items to one kind: all integers stay integers (U64 when one exceeds I64), a mix of integers and
    /// decimals becomes F64; any other mix is an error.
    /// </summary>
    private static ImmutableArray<QueryValue> UnifyListItems(ImmutableArray<QueryValue> items, List<SourcePosition> positions)
    {
        if (items.Length < 2)
        {
            return items;
        }

        var anyFloat = false;
        var anyUnsigned = false;
        for (var i = 0; i < items.Length; i++)
        {
            var kind = items[i].Kind;
            var first = items[0].Kind;
            if (kind.IsNumeric() && first.IsNumeric())
            {
                anyFloat |= kind == QueryValueKind.F64;
                anyUnsigned |= kind == QueryValueKind.U64;
            }
            else if (kind != first)
            {
                Fail(positions[i], "list literal elements must share one type");
            }
        }

        if (!items[0].Kind.IsNumeric() || (!anyFloat && !anyUnsigned))
        {
            return items;
        }

        var unified = new QueryValue[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var item = items[i];
            unified[i] = anyFloat
                ? QueryValue.FromFloat64(item.Kind == QueryValueKind.F64 ? item.AsFloat64() : (double)item.AsInteger())
                : QueryValue.FromUInt64((ulong)item.AsInteger());
        }

        return [.. unified];
    }
}

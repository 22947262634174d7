using System.Collections.Immutable;
using System.Globalization;

namespace OmniGraph.Query.Syntax;

internal sealed partial class QueryParser
{
    private ImmutableArray<ProjectionSyntax> ParseReturn()
    {
        Expect(QueryTokenKind.LeftBrace, "'{' after return");
        var projections = ImmutableArray.CreateBuilder<ProjectionSyntax>();
        while (!Current.Is(QueryTokenKind.RightBrace))
        {
            if (Current.Is(QueryTokenKind.EndOfInput))
            {
                Fail("'}' to close the return block");
            }

            var expression = ParseExpression(depth: 0);
            NameSyntax? alias = null;
            if (Current.IsWord("as"))
            {
                Advance();
                if (Current.Is(QueryTokenKind.TypeName))
                {
                    Fail(Current.Position, $"aliases start with a lowercase letter or '_', found '{Current.Text}'");
                }

                alias = ExpectIdentifier("alias name");
            }

            projections.Add(new ProjectionSyntax(expression, alias));
            TryAccept(QueryTokenKind.Comma);
        }

        if (projections.Count == 0)
        {
            Fail(Current.Position, "return needs at least one projection");
        }

        Advance();
        return projections.DrainToImmutable();
    }

    private ImmutableArray<OrderingSyntax> ParseOrder()
    {
        Advance();
        Expect(QueryTokenKind.LeftBrace, "'{' after order");
        var keys = ImmutableArray.CreateBuilder<OrderingSyntax>();
        while (!Current.Is(QueryTokenKind.RightBrace))
        {
            if (Current.Is(QueryTokenKind.EndOfInput))
            {
                Fail("'}' to close the order block");
            }

            var position = Current.Position;
            var expression = ParseExpression(depth: 0);
            var descending = false;
            Schema.SourcePosition? directionPosition = null;
            if (Current.IsWord("asc") || Current.IsWord("desc"))
            {
                if (expression is CallExpressionSyntax { Name: "nearest" })
                {
                    Fail(Current.Position, "a nearest(…) ordering takes no asc/desc (it always sorts by distance)");
                }

                directionPosition = Current.Position;
                descending = Advance().Text == "desc";
            }

            keys.Add(new OrderingSyntax(expression, descending, position, directionPosition));
            TryAccept(QueryTokenKind.Comma);
        }

        if (keys.Count == 0)
        {
            Fail(Current.Position, "order needs at least one key");
        }

        Advance();
        return keys.DrainToImmutable();
    }

    private LimitSyntax ParseLimit()
    {
        var position = Advance().Position;
        if (Current.Is(QueryTokenKind.Variable))
        {
            Fail(Current.Position, "limit takes an integer literal, not a parameter");
        }

        var token = Expect(QueryTokenKind.Integer, "an integer after limit");
        if (!long.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            Fail(token.Position, $"limit {token.Text} is out of range");
        }

        return new LimitSyntax(value, position);
    }
}

using System.Collections.Immutable;
using System.Globalization;

namespace OmniGraph.Query.Syntax;

internal sealed partial class QueryParser
{
    private const string ComparisonOperators = "a comparison operator (=, !=, <, <=, >, >=, contains, starts_with)";

    private ReadBodySyntax ParseReadBody()
    {
        var position = Advance().Position;
        Expect(QueryTokenKind.LeftBrace, "'{' after match");
        var clauses = ParseClauses(depth: 0, "match");
        ExpectWord("return");
        var projections = ParseReturn();
        var order = ImmutableArray<OrderingSyntax>.Empty;
        if (Current.IsWord("order"))
        {
            order = ParseOrder();
        }

        LimitSyntax? limit = null;
        if (Current.IsWord("limit"))
        {
            limit = ParseLimit();
            if (Current.IsWord("order"))
            {
                Fail(Current.Position, "order must come before limit");
            }
        }

        return new ReadBodySyntax(clauses, projections, order, limit, position);
    }

    /// <summary>Parses <c>clause+ }</c> (the opening brace is already consumed).</summary>
    private ImmutableArray<ClauseSyntax> ParseClauses(int depth, string block)
    {
        var clauses = ImmutableArray.CreateBuilder<ClauseSyntax>();
        while (!Current.Is(QueryTokenKind.RightBrace))
        {
            if (Current.Is(QueryTokenKind.EndOfInput))
            {
                Fail($"'}}' to close the {block} block");
            }

            clauses.Add(ParseClause(depth));
        }

        if (clauses.Count == 0)
        {
            Fail(Current.Position, $"the {block} block needs at least one clause");
        }

        Advance();
        return clauses.DrainToImmutable();
    }

    private ClauseSyntax ParseClause(int depth)
    {
        var token = Current;
        if (token.IsWord("not") && Peek(1).Is(QueryTokenKind.LeftBrace))
        {
            EnterNesting(token.Position, depth + 1);
            Advance();
            Advance();
            return new NegationClauseSyntax(ParseClauses(depth + 1, "not"), token.Position);
        }

        if (token.Is(QueryTokenKind.Variable))
        {
            var next = Peek(1);
            if (next.Is(QueryTokenKind.Colon))
            {
                return ParseBinding();
            }

            if (IsTraversalAhead(next))
            {
                return ParseTraversal();
            }

            if (next.Is(QueryTokenKind.TypeName) && (Peek(2).Is(QueryTokenKind.Variable) || Peek(2).Is(QueryTokenKind.LeftBrace)))
            {
                Fail(next.Position, $"edge names in traversals start with a lowercase letter: write `{LowerFirst(next.Text)}` for `{next.Text}`");
            }
        }

        return ParseFilterOrCall(depth);
    }

    /// <summary>
    /// Decides, after <c>$src</c>, whether a traversal follows. <c>contains</c> and <c>starts_with</c> are operators
    /// unless exactly a bare variable (or hop bounds) follows them: <c>$q contains $m</c> reads as a traversal over
    /// an edge named <c>contains</c>, as in the reference grammar, while <c>$q contains $m.tags</c> is a filter.
    /// </summary>
    private bool IsTraversalAhead(QueryToken next)
    {
        if (next.Is(QueryTokenKind.Variable))
        {
            return Peek(2).Is(QueryTokenKind.Colon);
        }

        if (next.Is(QueryTokenKind.Less))
        {
            return Peek(2).Is(QueryTokenKind.Identifier) && Peek(3).Is(QueryTokenKind.Greater);
        }

        if (!next.Is(QueryTokenKind.Identifier))
        {
            return false;
        }

        if (next.Text is "contains" or "starts_with")
        {
            var after = Peek(2);
            return after.Is(QueryTokenKind.LeftBrace) || (after.Is(QueryTokenKind.Variable) && !Peek(3).Is(QueryTokenKind.Dot));
        }

        return true;
    }

    private BindingClauseSyntax ParseBinding()
    {
        var variableToken = Advance();
        var variable = new VariableSyntax(variableToken.Text, variableToken.Position);
        Advance();
        if (!Current.Is(QueryTokenKind.TypeName))
        {
            Fail("node type name (starting with an uppercase letter)");
        }

        var typeToken = Advance();
        var matches = ImmutableArray<PropertyMatchSyntax>.Empty;
        if (TryAccept(QueryTokenKind.LeftBrace))
        {
            var builder = ImmutableArray.CreateBuilder<PropertyMatchSyntax>();
            while (!TryAccept(QueryTokenKind.RightBrace))
            {
                var property = ExpectIdentifier("property name");
                Expect(QueryTokenKind.Colon, $"':' after property name '{property.Text}'");
                builder.Add(new PropertyMatchSyntax(property, ParseValue("a literal, a $parameter or now()")));
                if (!TryAccept(QueryTokenKind.Comma) && !Current.Is(QueryTokenKind.RightBrace))
                {
                    Fail("',' or '}' in the property match list");
                }
            }

            matches = builder.DrainToImmutable();
        }

        return new BindingClauseSyntax(variable, new NameSyntax(typeToken.Text, typeToken.Position), matches, variableToken.Position);
    }

    private TraversalClauseSyntax ParseTraversal()
    {
        var sourceToken = Advance();
        VariableSyntax? edgeVariable = null;
        if (Current.Is(QueryTokenKind.Variable) && Peek(1).Is(QueryTokenKind.Colon))
        {
            var edgeToken = Advance();
            Advance();
            edgeVariable = new VariableSyntax(edgeToken.Text, edgeToken.Position);
        }

        var undirected = TryAccept(QueryTokenKind.Less);
        var edge = ExpectEdgeName();
        if (undirected)
        {
            Expect(QueryTokenKind.Greater, "'>' to close the undirected edge");
        }

        HopBoundsSyntax? bounds = null;
        if (Current.Is(QueryTokenKind.LeftBrace))
        {
            bounds = ParseHopBounds();
        }

        var target = Expect(QueryTokenKind.Variable, "the traversal's target variable");
        return new TraversalClauseSyntax(
            new VariableSyntax(sourceToken.Text, sourceToken.Position),
            edgeVariable,
            edge,
            undirected,
            bounds,
            new VariableSyntax(target.Text, target.Position),
            sourceToken.Position);
    }

    private NameSyntax ExpectEdgeName()
    {
        var token = Current;
        if (token.Is(QueryTokenKind.TypeName))
        {
            Fail(token.Position, $"edge names in traversals start with a lowercase letter: write `{LowerFirst(token.Text)}` for `{token.Text}`");
        }

        if (token.IsWord("not"))
        {
            Fail(token.Position, "`not` cannot name an edge");
        }

        return ExpectIdentifier("edge name");
    }

    private HopBoundsSyntax ParseHopBounds()
    {
        var position = Advance().Position;
        var min = ParseHopCount();
        Expect(QueryTokenKind.Comma, "',' in hop bounds {min,max}");
        ulong? max = Current.Is(QueryTokenKind.Integer) ? ParseHopCount() : null;
        Expect(QueryTokenKind.RightBrace, "'}' to close hop bounds");
        return new HopBoundsSyntax(min, max, position);
    }

    private ulong ParseHopCount()
    {
        var token = Expect(QueryTokenKind.Integer, "a hop count (integer)");
        return ulong.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : QueryThrow.Parse<ulong>(token.Position, $"hop count {token.Text} is out of range");
    }

    private ClauseSyntax ParseFilterOrCall(int depth)
    {
        var position = Current.Position;
        var left = ParseExpression(depth);
        if (TryParseFilterOperator(out var op))
        {
            var right = ParseExpression(depth);
            return new FilterClauseSyntax(left, op, right, position);
        }

        if (left is CallExpressionSyntax call)
        {
            return new CallClauseSyntax(call, position);
        }

        return Fail<ClauseSyntax>(ComparisonOperators);
    }

    private bool TryParseFilterOperator(out FilterOperatorSyntax op)
    {
        var token = Current;
        op = token.Kind switch
        {
            QueryTokenKind.Equal => FilterOperatorSyntax.Equal,
            QueryTokenKind.NotEqual => FilterOperatorSyntax.NotEqual,
            QueryTokenKind.Less => FilterOperatorSyntax.Less,
            QueryTokenKind.LessOrEqual => FilterOperatorSyntax.LessOrEqual,
            QueryTokenKind.Greater => FilterOperatorSyntax.Greater,
            QueryTokenKind.GreaterOrEqual => FilterOperatorSyntax.GreaterOrEqual,
            QueryTokenKind.Identifier when token.Text == "contains" => FilterOperatorSyntax.Contains,
            QueryTokenKind.Identifier when token.Text == "starts_with" => FilterOperatorSyntax.StartsWith,
            _ => (FilterOperatorSyntax)byte.MaxValue,
        };
        if (op == (FilterOperatorSyntax)byte.MaxValue)
        {
            return false;
        }

        Advance();
        return true;
    }

    private static string LowerFirst(string text) => string.Concat(char.ToLowerInvariant(text[0]).ToString(), text.AsSpan(1));
}

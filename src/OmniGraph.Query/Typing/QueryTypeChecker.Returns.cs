using System.Collections.Immutable;
using OmniGraph.Query.Functions;
using OmniGraph.Query.Ir;
using OmniGraph.Query.Syntax;

namespace OmniGraph.Query.Typing;

internal sealed partial class QueryTypeChecker
{
    private ReadQuery CheckRead(ReadBodySyntax body)
    {
        var root = new VariableScope(parent: null);
        var pattern = CheckPattern(body.Match, root);
        var projections = CheckProjections(body.Return, root);
        var isAggregate = false;
        foreach (var projection in projections)
        {
            isAggregate |= projection.IsAggregate;
        }

        var order = CheckOrder(body.Order, projections, isAggregate, root);
        var search = CheckSearchOrder(order, isAggregate, body.Limit?.Value, body.Limit?.Position ?? _declaration.Position);
        CheckScoreProjections(projections, search);
        AttachInlineFilters();
        var tieBreak = ImmutableArray<PatternVariable>.Empty;
        if (!isAggregate)
        {
            var named = root.Local.Where(static v => !v.IsAnonymous).ToArray();
            Array.Sort(named, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            tieBreak = [.. named];
        }

        return new ReadQuery(
            _declaration.Name,
            _declaration.Position,
            _declaration.Description,
            _declaration.Instruction,
            _parameters,
            ReferencedParameters(),
            _usesNow,
            _schema,
            [.. _variables],
            pattern,
            projections,
            order,
            body.Limit?.Value,
            tieBreak,
            search);
    }

    private ImmutableArray<Projection> CheckProjections(ImmutableArray<ProjectionSyntax> syntax, VariableScope root)
    {
        var isAggregate = false;
        foreach (var projection in syntax)
        {
            isAggregate |= projection.Expression is CallExpressionSyntax call
                && FunctionRegistry.TryGet(call.Name, out var function) && function.Kind == FunctionKind.Aggregate;
        }

        var projections = ImmutableArray.CreateBuilder<Projection>(syntax.Length);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var projection in syntax)
        {
            var expression = CheckProjectionExpression(projection.Expression, root, projections);
            if (isAggregate && expression is not (AggregateExpression or PropertyExpression or VariableExpression or FunctionCallExpression { IsConstant: false }))
            {
                QueryThrow.Type(TypeRule.T9, projection.Expression.Position,
                    $"in an aggregate query every other projection must be `$v.prop`, `$v` or a function of them (a group key), got `{expression}`");
            }

            var columnName = projection.Alias?.Text ?? DefaultColumnName(expression);
            if (!names.Add(columnName))
            {
                QueryThrow.Type(TypeRule.T9, projection.Alias?.Position ?? projection.Expression.Position,
                    $"duplicate result column `{columnName}`; give one of them an alias with `as`");
            }

            projections.Add(new Projection(projections.Count, columnName, projection.Alias?.Text, expression, projection.Expression.Position));
        }

        return projections.MoveToImmutable();
    }

    private QueryExpression CheckProjectionExpression(ExpressionSyntax syntax, VariableScope root, ImmutableArray<Projection>.Builder earlier)
    {
        switch (syntax)
        {
            case CallExpressionSyntax call:
                return CheckCall(call, FunctionPlaces.Return, ReadArguments(root));
            case AliasReferenceSyntax alias:
                foreach (var projection in earlier)
                {
                    if (projection.Alias == alias.Name)
                    {
                        return new ColumnReferenceExpression(projection.Index, projection.ColumnName, projection.Type, alias.Position);
                    }
                }

                return QueryThrow.Type<QueryExpression>(TypeRule.T6, alias.Position, $"unknown alias `{alias.Name}` (a bare name refers to an earlier `as` alias)");
            default:
                var value = CheckReadValue(syntax, root, "returned");
                if (value.Type.IsBlob)
                {
                    QueryThrow.Type(TypeRule.T24, syntax.Position, $"Blob values cannot be returned: {Describe(value)}");
                }

                return value;
        }
    }

    /// <summary>A scalar read value: <c>$v.prop</c>, a bare node variable (its id), a parameter or a literal.</summary>
    private QueryExpression CheckReadValue(ExpressionSyntax syntax, VariableScope root, string use)
    {
        switch (syntax)
        {
            case PropertyAccessSyntax access:
                return ResolvePropertyAccess(access, root);
            case VariableReferenceSyntax reference:
                var name = reference.Variable.Name;
                if (reference.Variable.IsAnonymous)
                {
                    return QueryThrow.Type<QueryExpression>(TypeRule.T6, reference.Position, "`$_` is anonymous and has no value");
                }

                if (TryGetParameter(name, out var parameter))
                {
                    return UseParameter(parameter, reference.Position);
                }

                var variable = root.Lookup(name)
                    ?? QueryThrow.Type<PatternVariable>(TypeRule.T6, reference.Position, $"variable `${name}` is not bound");
                if (variable.Kind == VariableKind.Edge)
                {
                    QueryThrow.Type(TypeRule.T23, reference.Position, $"bare edge variable `${name}` cannot be {use}; use its properties (`${name}.prop`)");
                }

                return new VariableExpression(variable, reference.Position);
            case LiteralSyntax literal:
                return Literal(literal);
            default:
                throw new InvalidOperationException("Unexpected expression.");
        }
    }

    private static string DefaultColumnName(QueryExpression expression) => expression switch
    {
        PropertyExpression property => property.ColumnName,
        VariableExpression variable => variable.Variable.Name,
        ParameterExpression parameter => parameter.Parameter.Name,
        LiteralExpression => "literal",
        FunctionCallExpression call => call.Function.Name,
        ColumnReferenceExpression column => column.ColumnName,
        AggregateExpression aggregate => DefaultColumnName(aggregate.Argument),
        _ => throw new InvalidOperationException("Unknown expression."),
    };

    private ImmutableArray<OrderKey> CheckOrder(ImmutableArray<OrderingSyntax> syntax, ImmutableArray<Projection> projections, bool isAggregate, VariableScope root)
    {
        var keys = ImmutableArray.CreateBuilder<OrderKey>(syntax.Length);
        foreach (var ordering in syntax)
        {
            var expression = CheckOrderKey(ordering.Expression, projections, isAggregate, root);
            if (ordering.DirectionPosition is { } direction && FindSearchCall(expression) is { } ranking)
            {
                // A ranking sorts best first on its own (bm25 and rrf descending by score, nearest ascending by
                // distance); accepting a direction would let `bm25(…) asc` read as "worst first" and do nothing.
                QueryThrow.SearchOrderDirection(ranking.Function.Name, direction);
            }

            if (expression.Type.IsList || expression.Type.IsVector)
            {
                QueryThrow.Type(TypeRule.T7, ordering.Position, $"cannot order by {expression.Type.DisplayName} values ({Describe(expression)})");
            }

            keys.Add(new OrderKey(expression, ordering.Descending, ordering.Position));
        }

        return keys.MoveToImmutable();
    }

    private QueryExpression CheckOrderKey(ExpressionSyntax syntax, ImmutableArray<Projection> projections, bool isAggregate, VariableScope root)
    {
        QueryExpression value;
        switch (syntax)
        {
            case CallExpressionSyntax call:
                value = CheckCall(call, FunctionPlaces.Order, ReadArguments(root));
                if (QueryExpressions.IsConstant(value))
                {
                    QueryThrow.Type(TypeRule.T9, syntax.Position, $"order keys must read the rows; `{value}` is the same for every row");
                }

                break;
            case AliasReferenceSyntax alias:
                foreach (var projection in projections)
                {
                    if (projection.Alias == alias.Name)
                    {
                        return new ColumnReferenceExpression(projection.Index, projection.ColumnName, projection.Type, alias.Position);
                    }
                }

                return QueryThrow.Type<QueryExpression>(TypeRule.T6, alias.Position, $"unknown alias `{alias.Name}` in order");
            case PropertyAccessSyntax or VariableReferenceSyntax:
                if (syntax is VariableReferenceSyntax { Variable.IsAnonymous: false } reference && TryGetParameter(reference.Variable.Name, out _))
                {
                    return QueryThrow.Type<QueryExpression>(TypeRule.T9, syntax.Position, $"cannot order by the parameter `${reference.Variable.Name}`");
                }

                value = CheckReadValue(syntax, root, "ordered by");
                if (value.Type.IsBlob)
                {
                    QueryThrow.Type(TypeRule.T24, syntax.Position, $"Blob values cannot be ordered by: {Describe(value)}");
                }

                break;
            default:
                return QueryThrow.Type<QueryExpression>(TypeRule.T9, syntax.Position, "order keys must be `$v.prop`, `$v`, a function of them or an alias");
        }

        if (!isAggregate)
        {
            return value;
        }

        // An aggregate query sorts its result rows, so the key must be one of the group-key columns.
        foreach (var projection in projections)
        {
            if (projection.IsGroupKey && QueryExpressions.SameValue(projection.Expression, value))
            {
                return new ColumnReferenceExpression(projection.Index, projection.ColumnName, projection.Type, syntax.Position);
            }
        }

        return QueryThrow.Type<QueryExpression>(TypeRule.T9, syntax.Position,
            $"in an aggregate query, order keys must be group keys or aliases; `{value}` is neither");
    }
}

using OmniGraph.Engine;
using OmniGraph.Query.Ir;

namespace OmniGraph.Execution.Planning;

/// <summary>
/// Recognises the filters a table grain can evaluate itself: one property of one variable compared with a constant
/// (literal, parameter or <c>now()</c>), in either operand order.
/// </summary>
internal static class PushdownTranslator
{
    /// <summary>The pushed-down form of <paramref name="predicate"/>, or <c>null</c> when it is not <c>$v.p op constant</c> (or reversed).</summary>
    public static PushdownFilter? TryTranslate(FilterPredicate predicate)
    {
        if (predicate.Left is PropertyExpression left && IsConstant(predicate.Right))
        {
            var op = predicate.Operator switch
            {
                ComparisonOperator.Equal => ColumnPredicateOperator.Equal,
                ComparisonOperator.NotEqual => ColumnPredicateOperator.NotEqual,
                ComparisonOperator.Less => ColumnPredicateOperator.Less,
                ComparisonOperator.LessOrEqual => ColumnPredicateOperator.LessOrEqual,
                ComparisonOperator.Greater => ColumnPredicateOperator.Greater,
                ComparisonOperator.GreaterOrEqual => ColumnPredicateOperator.GreaterOrEqual,
                ComparisonOperator.StringContains => ColumnPredicateOperator.Contains,
                ComparisonOperator.StartsWith => ColumnPredicateOperator.StartsWith,
                _ => ColumnPredicateOperator.ListContains,
            };
            return new PushdownFilter(left.Property.Name, op, predicate.Right, predicate);
        }

        if (predicate.Right is PropertyExpression right && IsConstant(predicate.Left))
        {
            ColumnPredicateOperator? op = predicate.Operator switch
            {
                ComparisonOperator.Equal => ColumnPredicateOperator.Equal,
                ComparisonOperator.NotEqual => ColumnPredicateOperator.NotEqual,
                ComparisonOperator.Less => ColumnPredicateOperator.Greater,
                ComparisonOperator.LessOrEqual => ColumnPredicateOperator.GreaterOrEqual,
                ComparisonOperator.Greater => ColumnPredicateOperator.Less,
                ComparisonOperator.GreaterOrEqual => ColumnPredicateOperator.LessOrEqual,
                ComparisonOperator.StringContains => ColumnPredicateOperator.ContainedIn,
                ComparisonOperator.StartsWith => ColumnPredicateOperator.PrefixOf,

                // A constant list holding the property's value is a disjunction: not one column predicate.
                _ => null,
            };
            return op is { } flipped ? new PushdownFilter(right.Property.Name, flipped, predicate.Left, predicate) : null;
        }

        return null;
    }

    /// <summary>The variable a pushable filter reads.</summary>
    public static PatternVariable VariableOf(PushdownFilter filter) =>
        (filter.Source.Left as PropertyExpression ?? (PropertyExpression)filter.Source.Right).Variable;

    /// <summary>Literals, parameters and <c>now()</c>: values fixed for the whole execution.</summary>
    public static bool IsConstant(QueryExpression expression) =>
        expression.Kind is ExpressionKind.Literal or ExpressionKind.Parameter or ExpressionKind.Now;
}

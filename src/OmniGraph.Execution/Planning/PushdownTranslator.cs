using OmniGraph.Abstractions;
using OmniGraph.Query.Functions;
using OmniGraph.Query.Ir;
using OmniGraph.Query.Values;

namespace OmniGraph.Execution.Planning;

/// <summary>
/// Recognises the filters a table grain can evaluate itself: one property of one variable compared with a constant
/// (a literal, a parameter, or a call of constants such as <c>now()</c>), in either operand order; and the call of a
/// predicate function the registry equates with an operator, tested for <c>true</c> (<c>starts_with($p.name, "A")</c>).
/// </summary>
internal static class PushdownTranslator
{
    /// <summary>The pushed-down form of <paramref name="predicate"/>, or <c>null</c> when it is not <c>$v.p op constant</c> (or reversed).</summary>
    public static PushdownFilter? TryTranslate(FilterPredicate predicate)
    {
        if (TryTextMatch(predicate) is { } text)
        {
            return text;
        }

        if (!TryCanonical(predicate, out var property, out var op, out var constant, out var flipped))
        {
            return null;
        }

        ColumnPredicateOperator? column = (op, flipped) switch
        {
            (ComparisonOperator.Equal, _) => ColumnPredicateOperator.Equal,
            (ComparisonOperator.NotEqual, _) => ColumnPredicateOperator.NotEqual,
            (ComparisonOperator.Less, false) or (ComparisonOperator.Greater, true) => ColumnPredicateOperator.Less,
            (ComparisonOperator.LessOrEqual, false) or (ComparisonOperator.GreaterOrEqual, true) => ColumnPredicateOperator.LessOrEqual,
            (ComparisonOperator.Greater, false) or (ComparisonOperator.Less, true) => ColumnPredicateOperator.Greater,
            (ComparisonOperator.GreaterOrEqual, false) or (ComparisonOperator.LessOrEqual, true) => ColumnPredicateOperator.GreaterOrEqual,
            (ComparisonOperator.StringContains, false) => ColumnPredicateOperator.Contains,
            (ComparisonOperator.StringContains, true) => ColumnPredicateOperator.ContainedIn,
            (ComparisonOperator.StartsWith, false) => ColumnPredicateOperator.StartsWith,
            (ComparisonOperator.StartsWith, true) => ColumnPredicateOperator.PrefixOf,
            (ComparisonOperator.ListContains, false) => ColumnPredicateOperator.ListContains,

            // A constant list holding the property's value is a disjunction: not one column predicate.
            _ => null,
        };
        return column is { } translated ? new PushdownFilter(property.Variable, property.Property.Name, translated, constant, predicate) : null;
    }

    /// <summary>
    /// A full-text match clause, <c>search($v.p, q) = true</c> (the type checker allows no other form): always pushed to
    /// the variable's table read, which answers it from the property's text index.
    /// </summary>
    private static PushdownFilter? TryTextMatch(FilterPredicate predicate)
    {
        if (predicate.Left is not FunctionCallExpression { Function.SearchKind: { } kind } call || !kind.IsTextMatch())
        {
            return null;
        }

        var field = (PropertyExpression)call.Arguments[0];
        var op = kind switch
        {
            SearchFunctionKind.AllTerms => ColumnPredicateOperator.TextAllTerms,
            SearchFunctionKind.Phrase => ColumnPredicateOperator.TextPhrase,
            _ => ColumnPredicateOperator.TextFuzzy,
        };
        return new PushdownFilter(field.Variable, field.Property.Name, op, call.Arguments[1], predicate)
        {
            MaxEdits = call.Arguments.Length == 3 ? call.Arguments[2] : null,
        };
    }

    /// <summary>
    /// The predicate as <c>property op constant</c> (<paramref name="flipped"/> when the property is the right operand
    /// of <paramref name="op"/>).
    /// </summary>
    private static bool TryCanonical(FilterPredicate predicate, out PropertyExpression property, out ComparisonOperator op, out QueryExpression constant, out bool flipped)
    {
        var left = predicate.Left;
        var right = predicate.Right;
        op = predicate.Operator;
        if (op == ComparisonOperator.Equal
            && left is FunctionCallExpression { Function.Operator: { } equivalent, Arguments: [var first, var second] }
            && right is LiteralExpression { Value: { Kind: QueryValueKind.Bool } isTrue } && isTrue.AsBool())
        {
            op = equivalent;
            left = first;
            right = second;
        }

        if (left is PropertyExpression leftProperty && QueryExpressions.IsConstant(right))
        {
            (property, constant, flipped) = (leftProperty, right, false);
            return true;
        }

        if (right is PropertyExpression rightProperty && QueryExpressions.IsConstant(left))
        {
            (property, constant, flipped) = (rightProperty, left, true);
            return true;
        }

        (property, constant, flipped) = (null!, null!, false);
        return false;
    }
}

using OmniGraph.Abstractions;
using OmniGraph.Query.Ir;

namespace OmniGraph.Execution.Planning;

/// <summary>
/// A filter a table grain evaluates while it selects or traverses: <c>column op constant</c> (or a full-text match of
/// the column, answered from its text index), where the constant is a
/// literal, a parameter or a call of constants (<c>now()</c>) and is turned into a <see cref="PredicateValue"/> at
/// execution (a null constant makes the filter match nothing). Written the other way round (<c>"text" contains $v.p</c>)
/// it is already flipped.
/// </summary>
/// <param name="Variable">The variable whose table the column belongs to.</param>
/// <param name="Column">The table column (the property name).</param>
/// <param name="Operator">The operator with the column on the left.</param>
/// <param name="Constant">The constant operand.</param>
/// <param name="Source">The filter it came from.</param>
internal sealed record PushdownFilter(PatternVariable Variable, string Column, ColumnPredicateOperator Operator, QueryExpression Constant, FilterPredicate Source)
{
    /// <summary>The edit budget of a <c>fuzzy</c> text match (a constant), or <c>null</c>.</summary>
    public QueryExpression? MaxEdits { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Column} {Operator} {Constant}";
}

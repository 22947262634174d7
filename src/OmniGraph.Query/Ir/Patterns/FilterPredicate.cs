using System.Collections.Immutable;
using OmniGraph.Schema;

namespace OmniGraph.Query.Ir;

/// <summary>The value domain a comparison runs in, so execution picks a comparer without inspecting operand types.</summary>
public enum ComparisonDomain : byte
{
    /// <summary>Any numeric kinds, compared exactly (<see cref="Values.NumericComparison"/>).</summary>
    Numeric,

    /// <summary>Strings (and enum values), code point order.</summary>
    String,

    /// <summary>Booleans (<c>false &lt; true</c>).</summary>
    Bool,

    /// <summary>Dates.</summary>
    Date,

    /// <summary>Timestamps.</summary>
    DateTime,
}

/// <summary>
/// A typed comparison <c>left op right</c>. For <see cref="ComparisonOperator.ListContains"/> the left operand is a
/// list and <see cref="Domain"/> is its element domain; for the string operators both sides are strings.
/// </summary>
public sealed class FilterPredicate
{
    internal FilterPredicate(
        QueryExpression left,
        ComparisonOperator op,
        QueryExpression right,
        ComparisonDomain domain,
        ImmutableArray<PatternVariable> variables,
        bool isInline,
        SourcePosition position)
    {
        Left = left;
        Operator = op;
        Right = right;
        Domain = domain;
        Variables = variables;
        IsInline = isInline;
        Position = position;
    }

    /// <summary>Left operand.</summary>
    public QueryExpression Left { get; }

    /// <summary>The operator.</summary>
    public ComparisonOperator Operator { get; }

    /// <summary>Right operand.</summary>
    public QueryExpression Right { get; }

    /// <summary>The domain the operands are compared in.</summary>
    public ComparisonDomain Domain { get; }

    /// <summary>The pattern variables the operands reference (distinct, by id): a filter can run once all are bound.</summary>
    public ImmutableArray<PatternVariable> Variables { get; }

    /// <summary><c>true</c> for a binding's inline match (<c>{ prop: value }</c>) rather than a written filter.</summary>
    public bool IsInline { get; }

    /// <summary>Where the filter (or the inline match) is written.</summary>
    public SourcePosition Position { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Left} {Operator.ToSourceText()} {Right}";
}

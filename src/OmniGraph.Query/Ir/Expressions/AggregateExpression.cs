using OmniGraph.Schema;

namespace OmniGraph.Query.Ir;

/// <summary>The aggregate functions.</summary>
public enum AggregateFunction : byte
{
    /// <summary>Number of non-null argument values in the group; I64, never null.</summary>
    Count,

    /// <summary>Sum of numeric values as F64; null when every input is null.</summary>
    Sum,

    /// <summary>Mean of numeric values as F64; null when every input is null.</summary>
    Avg,

    /// <summary>Smallest value (numbers or strings), of the argument's type; null when every input is null.</summary>
    Min,

    /// <summary>Largest value (numbers or strings), of the argument's type; null when every input is null.</summary>
    Max,
}

/// <summary>An aggregate over the rows of a group: <c>count($f)</c>, <c>avg($p.age)</c>, …</summary>
public sealed class AggregateExpression : QueryExpression
{
    internal AggregateExpression(AggregateFunction function, QueryExpression argument, PropertyType type, SourcePosition position)
        : base(type, position)
    {
        Function = function;
        Argument = argument;
    }

    /// <inheritdoc />
    public override ExpressionKind Kind => ExpressionKind.Aggregate;

    /// <summary>The function.</summary>
    public AggregateFunction Function { get; }

    /// <summary>The per-row argument (a property, a bare variable for <c>count</c>, a parameter or a literal).</summary>
    public QueryExpression Argument { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Function.ToString().ToLowerInvariant()}({Argument})";
}

using OmniGraph.Schema;

namespace OmniGraph.Query.Ir;

/// <summary>The kinds of <see cref="QueryExpression"/>.</summary>
public enum ExpressionKind : byte
{
    /// <summary><see cref="PropertyExpression"/>: <c>$v.prop</c>.</summary>
    Property,

    /// <summary><see cref="VariableExpression"/>: a bare node variable (its id).</summary>
    Variable,

    /// <summary><see cref="ParameterExpression"/>: <c>$param</c>.</summary>
    Parameter,

    /// <summary><see cref="LiteralExpression"/>.</summary>
    Literal,

    /// <summary><see cref="FunctionCallExpression"/>: a scalar function call (<c>now()</c>, <c>lower($p.name)</c>).</summary>
    FunctionCall,

    /// <summary><see cref="AggregateExpression"/>: <c>count/sum/avg/min/max(…)</c> (projections only).</summary>
    Aggregate,

    /// <summary><see cref="ColumnReferenceExpression"/>: a result column (alias reference or group key).</summary>
    ColumnReference,
}

/// <summary>
/// A typed expression. <see cref="Type"/> is the static type of the value (nullable when the value may be null);
/// a bare node variable has type <c>String</c> (its id).
/// </summary>
public abstract class QueryExpression
{
    private protected QueryExpression(PropertyType type, SourcePosition position)
    {
        Type = type;
        Position = position;
    }

    /// <summary>The expression kind (the concrete type).</summary>
    public abstract ExpressionKind Kind { get; }

    /// <summary>The static type of the value.</summary>
    public PropertyType Type { get; }

    /// <summary>Where the expression is written.</summary>
    public SourcePosition Position { get; }
}

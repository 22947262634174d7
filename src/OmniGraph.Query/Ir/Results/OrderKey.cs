using OmniGraph.Schema;

namespace OmniGraph.Query.Ir;

/// <summary>
/// One sort key. <see cref="Expression"/> is a <see cref="PropertyExpression"/> or <see cref="VariableExpression"/>
/// (evaluated per match row, for any bound top-level variable, returned or not) or a
/// <see cref="ColumnReferenceExpression"/> (an alias, or a group key of an aggregate query: evaluated on result
/// rows). Nulls sort first ascending and last descending.
/// </summary>
public sealed class OrderKey
{
    internal OrderKey(QueryExpression expression, bool descending, SourcePosition position)
    {
        Expression = expression;
        Descending = descending;
        Position = position;
    }

    /// <summary>The key.</summary>
    public QueryExpression Expression { get; }

    /// <summary><c>true</c> for <c>desc</c>.</summary>
    public bool Descending { get; }

    /// <summary>Where the key is written.</summary>
    public SourcePosition Position { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Expression} {(Descending ? "desc" : "asc")}";
}

using OmniGraph.Schema;

namespace OmniGraph.Query.Ir;

/// <summary>
/// A reference to a result column: an alias used in <c>return</c> or <c>order</c>, or, in an aggregate query, an
/// ordering key that names a group key. Evaluated on result rows, after projection and aggregation.
/// </summary>
public sealed class ColumnReferenceExpression : QueryExpression
{
    internal ColumnReferenceExpression(int column, string columnName, PropertyType type, SourcePosition position)
        : base(type, position)
    {
        Column = column;
        ColumnName = columnName;
    }

    /// <inheritdoc />
    public override ExpressionKind Kind => ExpressionKind.ColumnReference;

    /// <summary>Index into <see cref="ReadQuery.Projections"/>.</summary>
    public int Column { get; }

    /// <summary>The referenced column's name.</summary>
    public string ColumnName { get; }

    /// <inheritdoc />
    public override string ToString() => ColumnName;
}

using OmniGraph.Schema;

namespace OmniGraph.Query.Ir;

/// <summary>
/// One result column. <see cref="ColumnName"/> follows languages.md §2.4: the alias when given; otherwise
/// <c>v.prop</c> for <c>$v.prop</c>, <c>v</c> for a bare variable (its id), the parameter name for <c>$param</c>,
/// <c>literal</c> for a literal, <c>now</c> for <c>now()</c>, and the argument's column name for an unaliased
/// aggregate (<c>count($f)</c> → <c>f</c>).
/// </summary>
public sealed class Projection
{
    internal Projection(int index, string columnName, string? alias, QueryExpression expression, SourcePosition position)
    {
        Index = index;
        ColumnName = columnName;
        Alias = alias;
        Expression = expression;
        Position = position;
    }

    /// <summary>Zero-based column index.</summary>
    public int Index { get; }

    /// <summary>The column name users see.</summary>
    public string ColumnName { get; }

    /// <summary>The alias written with <c>as</c>, or <c>null</c>.</summary>
    public string? Alias { get; }

    /// <summary>The projected expression.</summary>
    public QueryExpression Expression { get; }

    /// <summary>The column type (nullable when values may be null).</summary>
    public PropertyType Type => Expression.Type;

    /// <summary><c>true</c> for an aggregate column.</summary>
    public bool IsAggregate => Expression.Kind == ExpressionKind.Aggregate;

    /// <summary><c>true</c> for a non-aggregate column (a group key when the query aggregates).</summary>
    public bool IsGroupKey => !IsAggregate;

    /// <summary>Where the projection is written.</summary>
    public SourcePosition Position { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Expression} as {ColumnName}";
}

using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Query.Ir;

/// <summary>
/// A constant. Numeric literals are already converted to the kind of the property they meet when that is exact
/// (<c>$p.age &gt; 30</c> carries an I32 30; a decimal compared with an F32 column is rounded to F32, as the
/// column's values were); otherwise they keep I64/U64/F64 and compare exactly. A numeric list literal assigned
/// to a vector property is a <see cref="QueryValueKind.Vector"/>.
/// </summary>
public sealed class LiteralExpression : QueryExpression
{
    internal LiteralExpression(QueryValue value, PropertyType type, SourcePosition position)
        : base(type, position)
    {
        Value = value;
    }

    /// <inheritdoc />
    public override ExpressionKind Kind => ExpressionKind.Literal;

    /// <summary>The value (never null: the language has no null literal).</summary>
    public QueryValue Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}

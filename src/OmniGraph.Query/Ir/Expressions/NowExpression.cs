using OmniGraph.Schema;

namespace OmniGraph.Query.Ir;

/// <summary>
/// <c>now()</c>: one UTC timestamp per execution (<see cref="Parameters.QueryParameterValues.Now"/>), the same
/// for every occurrence in the query.
/// </summary>
public sealed class NowExpression : QueryExpression
{
    internal NowExpression(SourcePosition position)
        : base(PropertyType.Of(ScalarKind.DateTime), position)
    {
    }

    /// <inheritdoc />
    public override ExpressionKind Kind => ExpressionKind.Now;

    /// <inheritdoc />
    public override string ToString() => "now()";
}

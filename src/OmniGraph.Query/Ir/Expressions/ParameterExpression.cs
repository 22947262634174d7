using OmniGraph.Schema;

namespace OmniGraph.Query.Ir;

/// <summary><c>$param</c>: the bound value of a declared parameter (SQL NULL for an omitted optional one).</summary>
public sealed class ParameterExpression : QueryExpression
{
    internal ParameterExpression(QueryParameter parameter, SourcePosition position)
        : base(parameter.Type, position)
    {
        Parameter = parameter;
    }

    /// <inheritdoc />
    public override ExpressionKind Kind => ExpressionKind.Parameter;

    /// <summary>The parameter.</summary>
    public QueryParameter Parameter { get; }

    /// <inheritdoc />
    public override string ToString() => "$" + Parameter.Name;
}

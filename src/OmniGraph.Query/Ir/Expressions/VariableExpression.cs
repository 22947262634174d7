using OmniGraph.Schema;

namespace OmniGraph.Query.Ir;

/// <summary>
/// A bare variable <c>$v</c>: evaluates to the node's id (a String). An edge variable appears only as the argument
/// of <c>count($w)</c>, where it stands for the matched edge (its edge id).
/// </summary>
public sealed class VariableExpression : QueryExpression
{
    internal VariableExpression(PatternVariable variable, SourcePosition position)
        : base(PropertyType.Of(ScalarKind.String), position)
    {
        Variable = variable;
    }

    /// <inheritdoc />
    public override ExpressionKind Kind => ExpressionKind.Variable;

    /// <summary>The variable.</summary>
    public PatternVariable Variable { get; }

    /// <inheritdoc />
    public override string ToString() => Variable.DisplayName;
}

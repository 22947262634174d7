using System.Collections.Immutable;
using OmniGraph.Query.Functions;
using OmniGraph.Schema;

namespace OmniGraph.Query.Ir;

/// <summary>
/// A call of a scalar function of the <see cref="FunctionRegistry"/> (<c>now()</c>, <c>lower($p.name)</c>): its arguments
/// are typed and checked against the function's parameters, its type follows the function's result rule.
/// </summary>
public sealed class FunctionCallExpression : QueryExpression
{
    internal FunctionCallExpression(QueryFunction function, ImmutableArray<QueryExpression> arguments, PropertyType type, SourcePosition position)
        : base(type, position)
    {
        Function = function;
        Arguments = arguments;
        IsConstant = arguments.All(QueryExpressions.IsConstant);
    }

    /// <inheritdoc />
    public override ExpressionKind Kind => ExpressionKind.FunctionCall;

    /// <summary>The function (<see cref="FunctionKind.Scalar"/>, or <see cref="FunctionKind.Search"/> in a match clause or an ordering).</summary>
    public QueryFunction Function { get; }

    /// <summary>The typed arguments, in order.</summary>
    public ImmutableArray<QueryExpression> Arguments { get; }

    /// <summary>
    /// Whether every argument is a literal, a parameter or a constant call: then the call has one value per execution
    /// (<c>now()</c>, <c>lower($name)</c>), computed once and usable wherever a parameter is (a table-read filter, a key).
    /// </summary>
    public bool IsConstant { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Function.Name}({string.Join(", ", Arguments)})";
}

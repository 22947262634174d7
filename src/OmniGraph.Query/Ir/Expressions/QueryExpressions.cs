namespace OmniGraph.Query.Ir;

/// <summary>Questions about expression trees that type checking, planning and execution share.</summary>
public static class QueryExpressions
{
    /// <summary>Literals, parameters and calls of constants: one value per execution.</summary>
    public static bool IsConstant(QueryExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return expression.Kind is ExpressionKind.Literal or ExpressionKind.Parameter
            || expression is FunctionCallExpression { IsConstant: true };
    }

    /// <summary>Every property the expression reads, through function arguments and aggregate arguments.</summary>
    public static IEnumerable<PropertyExpression> Properties(QueryExpression expression) => SelfAndArguments(expression).OfType<PropertyExpression>();

    /// <summary>Every pattern variable the expression reads (its properties or the variable itself), possibly repeated.</summary>
    public static IEnumerable<PatternVariable> Variables(QueryExpression expression) =>
        SelfAndArguments(expression).Select(static e => e switch
        {
            PropertyExpression property => property.Variable,
            VariableExpression variable => variable.Variable,
            _ => null,
        }).OfType<PatternVariable>();

    /// <summary>The expression, then the arguments of its calls and aggregates, depth first.</summary>
    private static IEnumerable<QueryExpression> SelfAndArguments(QueryExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var pending = new Stack<QueryExpression>();
        pending.Push(expression);
        while (pending.TryPop(out var next))
        {
            yield return next;
            switch (next)
            {
                case FunctionCallExpression call:
                    for (var i = call.Arguments.Length - 1; i >= 0; i--)
                    {
                        pending.Push(call.Arguments[i]);
                    }

                    break;
                case AggregateExpression aggregate:
                    pending.Push(aggregate.Argument);
                    break;
            }
        }
    }

    /// <summary>Whether two expressions compute the same value on every row (the same property, variable, constant or call of such).</summary>
    public static bool SameValue(QueryExpression a, QueryExpression b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return (a, b) switch
        {
            (PropertyExpression x, PropertyExpression y) => ReferenceEquals(x.Variable, y.Variable) && ReferenceEquals(x.Property, y.Property),
            (VariableExpression x, VariableExpression y) => ReferenceEquals(x.Variable, y.Variable),
            (ParameterExpression x, ParameterExpression y) => ReferenceEquals(x.Parameter, y.Parameter),
            (LiteralExpression x, LiteralExpression y) => x.Value.Equals(y.Value) && x.Type.Equals(y.Type),
            (FunctionCallExpression x, FunctionCallExpression y) => ReferenceEquals(x.Function, y.Function)
                && x.Arguments.Length == y.Arguments.Length
                && x.Arguments.Zip(y.Arguments).All(static pair => SameValue(pair.First, pair.Second)),
            _ => false,
        };
    }
}

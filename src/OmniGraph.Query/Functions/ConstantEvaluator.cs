using OmniGraph.Query.Ir;
using OmniGraph.Query.Parameters;
using OmniGraph.Query.Values;

namespace OmniGraph.Query.Functions;

/// <summary>
/// The value of a constant expression in one execution: a literal, a parameter, or a call of constants, which runs its
/// kernel once on columns of one value. Reads (filter constants, keys, projected constants) and mutations (assigned
/// values, <c>where</c> values) evaluate constants here, so <c>now()</c> and every other constant call mean the same in both.
/// </summary>
public static class ConstantEvaluator
{
    /// <summary>The value of <paramref name="expression"/>, which <see cref="QueryExpressions.IsConstant"/> accepts.</summary>
    /// <exception cref="InvalidOperationException">The expression reads rows.</exception>
    public static QueryValue Evaluate(QueryExpression expression, QueryParameterValues values, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(context);

        // Every kind is listed and the compiler checks it (CS8509): a new expression kind cannot be forgotten here.
#pragma warning disable CS8524 // Unnamed enum values are not expression kinds.
        return expression.Kind switch
        {
            ExpressionKind.Literal => ((LiteralExpression)expression).Value,
            ExpressionKind.Parameter => values.Get(((ParameterExpression)expression).Parameter),
            ExpressionKind.FunctionCall => Call((FunctionCallExpression)expression, values, context),
            ExpressionKind.Property or ExpressionKind.Variable or ExpressionKind.Aggregate or ExpressionKind.ColumnReference =>
                throw new InvalidOperationException($"`{expression}` reads rows; it is not a constant"),
        };
#pragma warning restore CS8524
    }

    private static QueryValue Call(FunctionCallExpression call, QueryParameterValues values, FunctionContext context)
    {
        if (!call.IsConstant)
        {
            throw new InvalidOperationException($"`{call}` reads rows; it is not a constant");
        }

        var arguments = new KernelArgument[call.Arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = call.Arguments[i];
            arguments[i] = KernelArgument.Of(KernelValues.ToColumn(Evaluate(argument, values, context), argument.Type));
        }

        return KernelValues.Read(call.Function.Kernel.Invoke(arguments, 1, context), 0, call.Type);
    }
}

using OmniGraph.Arrow;
using OmniGraph.Execution.Results;
using OmniGraph.Query.Functions;
using OmniGraph.Query.Ir;

namespace OmniGraph.Execution.Runtime;

/// <summary>
/// Evaluates the expressions of a read over the rows of a binding table, for filters, sort keys, group keys, aggregate
/// arguments and projections alike. Properties are read from the variables' entity columns (fetched beforehand), and a
/// function call runs its kernel on whole columns: once per entity when its arguments read one variable, once per row
/// otherwise, once per execution when they are constants.
/// </summary>
internal sealed class ExpressionEvaluator(QueryExecutionContext context)
{
    /// <summary>The values of <paramref name="expression"/> for every row of <paramref name="table"/>.</summary>
    public RowValues Evaluate(QueryExpression expression, BindingTable table)
    {
        // Every kind is listed and the compiler checks it (CS8509): a new expression kind cannot be forgotten here.
#pragma warning disable CS8524 // Unnamed enum values are not expression kinds.
        return expression.Kind switch
        {
            ExpressionKind.Property => RowValues.Of(ColumnOf(table, (PropertyExpression)expression), table.SlotOf(((PropertyExpression)expression).Variable.Id)),
            ExpressionKind.Variable => RowValues.Of(IdsOf(table, (VariableExpression)expression), table.SlotOf(((VariableExpression)expression).Variable.Id)),
            ExpressionKind.Parameter or ExpressionKind.Literal => RowValues.Of(context.Evaluate(expression)),
            ExpressionKind.FunctionCall => Call((FunctionCallExpression)expression, table),
            ExpressionKind.Aggregate or ExpressionKind.ColumnReference => throw NotPerRow(expression),
        };
#pragma warning restore CS8524
    }

    /// <summary>The values of <paramref name="expression"/> for <paramref name="rows"/> of <paramref name="table"/>, in that order (a result column).</summary>
    public ArrowColumn Gather(QueryExpression expression, BindingTable table, int[] rows)
    {
#pragma warning disable CS8524 // Unnamed enum values are not expression kinds.
        return expression.Kind switch
        {
            ExpressionKind.Property => ColumnOf(table, (PropertyExpression)expression).Take(Entities(table, ((PropertyExpression)expression).Variable, rows)),
            ExpressionKind.Variable => IdsOf(table, (VariableExpression)expression).Take(Entities(table, ((VariableExpression)expression).Variable, rows)),
            ExpressionKind.Parameter or ExpressionKind.Literal => ConstantColumn.Create(expression.Type, context.Evaluate(expression), rows.Length),
            ExpressionKind.FunctionCall => GatherCall((FunctionCallExpression)expression, table, rows),
            ExpressionKind.Aggregate or ExpressionKind.ColumnReference => throw NotPerRow(expression),
        };
#pragma warning restore CS8524
    }

    /// <summary>The entity column behind a property of a bound variable.</summary>
    public static ArrowColumn ColumnOf(BindingTable table, PropertyExpression property) =>
        table.EntitiesOf(property.Variable.Id).TryGetColumn(property.Property)
        ?? throw new InvalidOperationException($"{property} was not fetched");

    private RowValues Call(FunctionCallExpression call, BindingTable table)
    {
        if (RankedVariable(call) is { } ranked)
        {
            return RowValues.Of(table.EntitiesOf(ranked.Id).ScoreColumn(), table.SlotOf(ranked.Id));
        }

        if (call.IsConstant)
        {
            return RowValues.Of(context.Evaluate(call));
        }

        var inputs = new RowValues[call.Arguments.Length];
        int[]? slot = null;
        var length = -1;
        var aligned = true;
        for (var i = 0; i < inputs.Length; i++)
        {
            var input = inputs[i] = Evaluate(call.Arguments[i], table);
            if (input.IsConstant)
            {
                continue;
            }

            if (length < 0)
            {
                (slot, length) = (input.Slot, input.Values!.Length);
            }
            else
            {
                aligned &= ReferenceEquals(input.Slot, slot) && input.Values!.Length == length;
            }
        }

        var arguments = new KernelArgument[inputs.Length];
        if (aligned)
        {
            // Every column argument is read through the same slot (one variable's entities): compute per entity.
            for (var i = 0; i < inputs.Length; i++)
            {
                arguments[i] = inputs[i].IsConstant ? KernelArgument.Of(inputs[i].Constant) : KernelArgument.Of(inputs[i].Values!);
            }

            return RowValues.Of(call.Function.Kernel.Invoke(arguments, length, context.Functions), slot);
        }

        for (var i = 0; i < inputs.Length; i++)
        {
            var input = inputs[i];
            arguments[i] = input.IsConstant ? KernelArgument.Of(input.Constant)
                : KernelArgument.Of(input.Slot is null ? input.Values! : input.Values!.Take(input.Slot));
        }

        return RowValues.Of(call.Function.Kernel.Invoke(arguments, table.RowCount, context.Functions), null);
    }

    private ArrowColumn GatherCall(FunctionCallExpression call, BindingTable table, int[] rows)
    {
        if (RankedVariable(call) is { } ranked)
        {
            return table.EntitiesOf(ranked.Id).ScoreColumn().Take(Entities(table, ranked, rows));
        }

        if (call.IsConstant)
        {
            return ConstantColumn.Create(call.Type, context.Evaluate(call), rows.Length);
        }

        var arguments = new KernelArgument[call.Arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = call.Arguments[i];
            arguments[i] = QueryExpressions.IsConstant(argument) ? KernelArgument.Of(context.Evaluate(argument)) : KernelArgument.Of(Gather(argument, table, rows));
        }

        return call.Function.Kernel.Invoke(arguments, rows.Length, context.Functions);
    }

    /// <summary>
    /// The variable a ranking call (<c>bm25</c>, <c>nearest</c>, <c>rrf</c>) scores, or <c>null</c> for other calls. The
    /// type checker lets a ranking stand only where it is the query's search ordering, so its scores are the ones the
    /// ranked variable's table read (or the fusion after the traversals) gave each entity.
    /// </summary>
    private static PatternVariable? RankedVariable(FunctionCallExpression call) =>
        call.Function.SearchKind is SearchFunctionKind.Bm25 or SearchFunctionKind.Nearest or SearchFunctionKind.Rrf
            ? call.Arguments[0] switch
            {
                PropertyExpression field => field.Variable,
                FunctionCallExpression arm => RankedVariable(arm),
                _ => throw new InvalidOperationException($"`{call}` ranks no property"),
            }
            : null;

    private static Utf8Column IdsOf(BindingTable table, VariableExpression variable) => table.EntitiesOf(variable.Variable.Id).Ids;

    private static int[] Entities(BindingTable table, PatternVariable variable, int[] rows)
    {
        var slot = table.SlotOf(variable.Id);
        var entities = new int[rows.Length];
        for (var i = 0; i < entities.Length; i++)
        {
            entities[i] = slot[rows[i]];
        }

        return entities;
    }

    private static InvalidOperationException NotPerRow(QueryExpression expression) =>
        new($"`{expression}` has no value per row (aggregates and result columns are computed by the result builder)");
}

using System.Runtime.InteropServices;
using OmniGraph.Execution.Planning;
using OmniGraph.Query.Ir;
using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Execution.Runtime;

internal sealed partial class PatternExecutor
{
    private async Task<BindingTable> FilterAsync(FilterStep step, BindingTable table)
    {
        var predicate = step.Predicate;
        var left = await OperandAsync(predicate.Left, table);
        var right = await OperandAsync(predicate.Right, table);
        var kept = new List<int>(table.RowCount);
        for (var row = 0; row < table.RowCount; row++)
        {
            if (Evaluate(predicate, left, right, row))
            {
                kept.Add(row);
            }
        }

        return kept.Count == table.RowCount ? table : table.Select(CollectionsMarshal.AsSpan(kept));
    }

    /// <summary>One side of a filter: a constant, or values per row (a property, or a function of the rows' values).</summary>
    private async Task<FilterOperand> OperandAsync(QueryExpression expression, BindingTable table)
    {
        foreach (var read in QueryExpressions.Properties(expression).GroupBy(static p => p.Variable.Id))
        {
            await EnsureColumnsAsync(table.EntitiesOf(read.Key), [.. read.Select(static p => p.Property)]);
        }

        var values = _evaluator.Evaluate(expression, table);
        return values.IsConstant ? new ConstantOperand(values.Constant) : new ColumnOperand(values.Values!, values.Slots(table.RowCount), expression.Type);
    }

    /// <summary>
    /// One filter on one row with SQL null semantics: strings compare as UTF-8 bytes (code point order, exact substring
    /// and prefix), everything else through <see cref="QueryValueComparer"/> (exact numbers across kinds).
    /// </summary>
    private static bool Evaluate(FilterPredicate predicate, FilterOperand left, FilterOperand right, int row)
    {
        if (left.IsNull(row) || right.IsNull(row))
        {
            return false;
        }

        switch (predicate.Operator)
        {
            case ComparisonOperator.StringContains:
                return left.Utf8(row).IndexOf(right.Utf8(row)) >= 0;
            case ComparisonOperator.StartsWith:
                return left.Utf8(row).StartsWith(right.Utf8(row));
            case ComparisonOperator.ListContains:
                return ListContains(predicate, left, right, row);
        }

        if (predicate.Domain == ComparisonDomain.String)
        {
            return predicate.Operator.Matches(left.Utf8(row).SequenceCompareTo(right.Utf8(row)));
        }

        return QueryValueComparer.Evaluate(predicate.Operator, left.Scalar(row), right.Scalar(row));
    }

    private static bool ListContains(FilterPredicate predicate, FilterOperand left, FilterOperand right, int row)
    {
        if (left is ConstantOperand constant)
        {
            // A constant list on the left: membership of the right value.
            var items = constant.Value.AsList();
            for (var i = 0; i < items.Length; i++)
            {
                if (predicate.Domain == ComparisonDomain.String
                    ? items[i].Kind == QueryValueKind.String && constant.ListItemsUtf8[i].AsSpan().SequenceEqual(right.Utf8(row))
                    : QueryValueComparer.TryCompare(items[i], right.Scalar(row), out var order) && order == 0)
                {
                    return true;
                }
            }

            return false;
        }

        var (values, start, length) = left.List(row);
        var elementType = predicate.Left.Type.Scalar;
        for (var i = start; i < start + length; i++)
        {
            if (elementType == ScalarKind.String
                ? ((OmniGraph.Arrow.Utf8Column)values).GetBytes(i).SequenceEqual(right.Utf8(row))
                : QueryValueComparer.TryCompare(CellReader.Scalar(values, i, elementType), right.Scalar(row), out var order) && order == 0)
            {
                return true;
            }
        }

        return false;
    }
}

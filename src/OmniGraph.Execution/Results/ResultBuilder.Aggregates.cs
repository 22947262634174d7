using OmniGraph.Arrow;
using OmniGraph.Abstractions;
using OmniGraph.Execution.Runtime;
using OmniGraph.Ingest;
using OmniGraph.Query.Ir;
using OmniGraph.Query.Values;
using OmniGraph.Schema;

namespace OmniGraph.Execution.Results;

internal sealed partial class ResultBuilder
{
    /// <summary>
    /// An aggregate result: rows grouped by the group-key values (nulls group together; groups in first-seen order),
    /// aggregates over each group honouring row weights, then sorted by the result columns and limited. Without group
    /// keys the result is exactly one row, even for no match.
    /// </summary>
    private ArrowColumn[] Aggregate(BindingTable table)
    {
        if (table.RowCount == 0)
        {
            return NoMatchAggregate();
        }

        var keys = Query.GroupKeys;
        var groups = new IntTupleIndex(Math.Max(keys.Length, 1));
        var groupOfRow = new int[table.RowCount];
        var representative = new List<int>();
        var keyValueIds = new int[keys.Length][];
        var keySlots = new int[keys.Length][];
        for (var k = 0; k < keys.Length; k++)
        {
            (keyValueIds[k], keySlots[k]) = GroupKeyValues(table, keys[k].Expression);
        }

        if (keys.Length == 0)
        {
            // One group holds every row (groupOfRow is all zeros).
            if (table.RowCount > 0)
            {
                representative.Add(0);
            }
        }
        else if (keys.Length == 1)
        {
            // One key: groups are its distinct values, numbered by first appearance in row order (no hashing per row).
            var values = keyValueIds[0];
            var slot = keySlots[0];
            // Value numbers are dense and below the entity count.
            var groupOfValue = new int[values.Length];
            groupOfValue.AsSpan().Fill(-1);
            for (var row = 0; row < table.RowCount; row++)
            {
                CancellationChecks.Every(row, context.CancellationToken);
                var value = values[slot[row]];
                var group = groupOfValue[value];
                if (group < 0)
                {
                    group = representative.Count;
                    groupOfValue[value] = group;
                    representative.Add(row);
                }

                groupOfRow[row] = group;
            }
        }
        else
        {
            Span<int> tuple = stackalloc int[keys.Length];
            for (var row = 0; row < table.RowCount; row++)
            {
                CancellationChecks.Every(row, context.CancellationToken);
                for (var k = 0; k < keys.Length; k++)
                {
                    tuple[k] = keyValueIds[k][keySlots[k][row]];
                }

                var group = groups.Intern(tuple);
                if (group == representative.Count)
                {
                    representative.Add(row);
                }

                groupOfRow[row] = group;
            }
        }

        var groupCount = representative.Count;
        var global = keys.IsEmpty && groupCount == 0;
        if (global)
        {
            groupCount = 1;
        }

        var columns = new ArrowColumn[Query.Projections.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            var projection = Query.Projections[i];
            columns[i] = projection.Expression switch
            {
                AggregateExpression aggregate => AggregateColumn(table, aggregate, projection, groupOfRow, groupCount),
                _ when groupCount == 0 => EmptyColumn(projection),
                var key => _evaluator.Gather(key, table, [.. representative]),
            };
        }

        return OrderAndLimit(columns, groupCount);
    }

    /// <summary>
    /// No row matched (the pattern may have stopped before binding every variable): with group keys no group exists;
    /// without, one row with count 0 and null for every other aggregate.
    /// </summary>
    private ArrowColumn[] NoMatchAggregate()
    {
        var global = Query.GroupKeys.IsEmpty;
        var columns = new ArrowColumn[Query.Projections.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            var projection = Query.Projections[i];
            if (!global)
            {
                columns[i] = EmptyColumn(projection);
                continue;
            }

            var builder = ArrowColumnBuilder.Create(TableLayout.ArrowTypeOf(projection.Type));
            if (projection.Expression is AggregateExpression { Function: AggregateFunction.Count })
            {
                ((PrimitiveColumnBuilder<long>)builder).Append(0L);
            }
            else
            {
                builder.AppendNull();
            }

            columns[i] = builder.Build();
        }

        return columns;
    }

    /// <summary>
    /// Dense value numbers of a group key (per entity for a node's identity or a property, per value of a computed
    /// column) and the row slots into them.
    /// </summary>
    private (int[] ValueIds, int[] Slot) GroupKeyValues(BindingTable table, QueryExpression key)
    {
        if (key is VariableExpression variable)
        {
            var entities = table.EntitiesOf(variable.Variable.Id);
            var identity = new int[entities.Count];
            for (var i = 0; i < identity.Length; i++)
            {
                identity[i] = i;
            }

            return (identity, table.SlotOf(variable.Variable.Id));
        }

        var values = _evaluator.Evaluate(key, table);
        return (ColumnValues.Dedupe(values.Values!).Ids, values.Slots(table.RowCount));
    }

    private ArrowColumn AggregateColumn(BindingTable table, AggregateExpression aggregate, Projection projection, int[] groupOfRow, int groupCount)
    {
        var argument = Resolve(aggregate.Argument);
        var rows = table.RowCount;
        switch (aggregate.Function)
        {
            case AggregateFunction.Count:
            {
                var counts = new long[groupCount];
                var nulls = NullTest(table, argument);
                for (var row = 0; row < rows; row++)
                {
                    if (nulls is null || !nulls(row))
                    {
                        // Weights are at most long.MaxValue each; a count beyond it is a limit, not a wrong number.
                        var sum = (Int128)counts[groupOfRow[row]] + table.WeightOf(row);
                        counts[groupOfRow[row]] = sum <= long.MaxValue ? (long)sum : throw EngineErrors.ResourceLimitExceeded("query rows", long.MaxValue, long.MaxValue);
                    }
                }

                var builder = new PrimitiveColumnBuilder<long>(ArrowType.Int64);
                builder.AppendRange(counts);
                return builder.Build();
            }

            case AggregateFunction.Sum or AggregateFunction.Avg:
                return SumOrAverage(table, argument, aggregate.Function == AggregateFunction.Avg, groupOfRow, groupCount);
            default:
                return MinOrMax(table, argument, projection, aggregate.Function == AggregateFunction.Max, groupOfRow, groupCount);
        }
    }

    /// <summary>A test for null argument values per row, or <c>null</c> when the argument is never null.</summary>
    private Func<int, bool>? NullTest(BindingTable table, QueryExpression argument)
    {
        // A row's variable always holds an entity; count($v) need not read it (a counted traversal leaves it unbound).
        if (argument is VariableExpression)
        {
            return null;
        }

        var values = _evaluator.Evaluate(argument, table);
        if (values.IsConstant)
        {
            return values.Constant.IsNull ? static _ => true : null;
        }

        var column = values.Values!;
        return column.NullCount == 0 ? null : row => column.IsNull(values.IndexOf(row));
    }

    /// <summary>Sum and average as Float64; integers are summed exactly (Int128) and converted once.</summary>
    private ArrowColumn SumOrAverage(BindingTable table, QueryExpression argument, bool average, int[] groupOfRow, int groupCount)
    {
        var integers = new Int128[groupCount];
        var doubles = new double[groupCount];
        var counts = new long[groupCount];
        var isInteger = argument.Type.Kind == PropertyTypeKind.Scalar && argument.Type.Scalar.IsInteger();
        var values = _evaluator.Evaluate(argument, table);
        var scalar = CellReader.ScalarOf(argument.Type);
        for (var row = 0; row < table.RowCount; row++)
        {
            CancellationChecks.Every(row, context.CancellationToken);
            var value = values.IsConstant ? values.Constant : CellReader.Scalar(values.Values!, values.IndexOf(row), scalar);
            if (value.IsNull)
            {
                continue;
            }

            var group = groupOfRow[row];
            var weight = table.WeightOf(row);
            counts[group] += weight;
            if (isInteger)
            {
                integers[group] += value.AsInteger() * weight;
            }
            else
            {
                doubles[group] += (value.Kind.IsInteger() ? (double)value.AsInteger() : value.AsDouble()) * weight;
            }
        }

        var builder = new PrimitiveColumnBuilder<double>(ArrowType.Float64);
        for (var group = 0; group < groupCount; group++)
        {
            if (counts[group] == 0)
            {
                builder.AppendNull();
                continue;
            }

            var sum = isInteger ? (double)integers[group] : doubles[group];
            builder.Append(average ? (isInteger ? (double)integers[group] / counts[group] : sum / counts[group]) : sum);
        }

        return builder.Build();
    }

    /// <summary>Min and max keep the argument's type: the winning entity's value is copied from its column.</summary>
    private ArrowColumn MinOrMax(BindingTable table, QueryExpression argument, Projection projection, bool max, int[] groupOfRow, int groupCount)
    {
        var argumentValues = _evaluator.Evaluate(argument, table);
        if (argumentValues.IsConstant)
        {
            // A constant: every non-empty group has that value.
            var present = new bool[groupCount];
            foreach (var group in groupOfRow)
            {
                present[group] = true;
            }

            var constantColumn = ConstantColumn.Create(projection.Type, argumentValues.Constant, 1);
            return TakeOrNull(constantColumn, [.. present.Select(static p => p ? 0 : -1)]);
        }

        var values = argumentValues.Values!;
        var slot = argumentValues.Slots(table.RowCount);
        var ranks = ColumnValues.Ranks(values);
        var best = new int[groupCount];
        best.AsSpan().Fill(-1);
        for (var row = 0; row < table.RowCount; row++)
        {
            CancellationChecks.Every(row, context.CancellationToken);
            var entity = slot[row];
            if (values.IsNull(entity))
            {
                continue;
            }

            var group = groupOfRow[row];
            var current = best[group];
            if (current < 0 || (max ? ranks[entity] > ranks[current] : ranks[entity] < ranks[current]))
            {
                best[group] = entity;
            }
        }

        return TakeOrNull(values, best);
    }

    /// <summary>Gathers <paramref name="indexes"/>, with a null where an index is -1.</summary>
    private static ArrowColumn TakeOrNull(ArrowColumn column, int[] indexes)
    {
        if (Array.IndexOf(indexes, -1) < 0)
        {
            return column.Take(indexes);
        }

        var nullable = ArrowColumn.Concatenate([column, ArrowColumnBuilderWithNull(column.Type)]);
        var patched = new int[indexes.Length];
        for (var i = 0; i < patched.Length; i++)
        {
            patched[i] = indexes[i] < 0 ? column.Length : indexes[i];
        }

        return nullable.Take(patched);
    }

    private static ArrowColumn ArrowColumnBuilderWithNull(ArrowType type)
    {
        var builder = ArrowColumnBuilder.Create(type);
        builder.AppendNull();
        return builder.Build();
    }

    /// <summary>Sorts result rows by the order keys (result columns; nulls first ascending), then applies the limit.</summary>
    private ArrowColumn[] OrderAndLimit(ArrowColumn[] columns, int rowCount)
    {
        var order = new int[rowCount];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        if (!Query.Order.IsEmpty && rowCount > 1)
        {
            var keys = new List<(ArrowColumn Column, bool Descending)>();
            foreach (var key in Query.Order)
            {
                if (key.Expression is ColumnReferenceExpression reference)
                {
                    keys.Add((columns[reference.Column], key.Descending));
                }
            }

            Array.Sort(order, (x, y) =>
            {
                foreach (var (column, descending) in keys)
                {
                    var comparison = ColumnValues.Compare(column, x, y);
                    if (comparison != 0)
                    {
                        return descending ? -comparison : comparison;
                    }
                }

                return x.CompareTo(y);
            });
        }

        var kept = Query.Limit is { } limit && order.Length > limit ? order[..(int)limit] : order;
        var identity = kept.Length == rowCount;
        for (var i = 0; i < kept.Length && identity; i++)
        {
            identity = kept[i] == i;
        }

        if (identity)
        {
            return columns;
        }

        var result = new ArrowColumn[columns.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = columns[i].Take(kept);
        }

        return result;
    }
}

using OmniGraph.Arrow;
using OmniGraph.Execution.Runtime;
using OmniGraph.Query.Ir;

namespace OmniGraph.Execution.Results;

internal sealed partial class ResultBuilder
{
    /// <summary>A non-aggregate result: one row per match (a weighted row repeated), sorted, limited, then projected.</summary>
    private ArrowColumn[] Project(BindingTable table)
    {
        var rows = ExpandWeights(table, context);
        int[]? rankOfRow = null;
        if (Query.Search is { } search && table.Entities[search.Variable.Id] is { ArmRanks.IsEmpty: false } ranked)
        {
            rankOfRow = FuseArms(table, rows, search, ranked);
            rows = Array.FindAll(rows, row => rankOfRow[row] >= 0);
        }

        if (!Query.Order.IsEmpty && rows.Length > 1)
        {
            rows = OrderRows(table, rows, Query.Limit, rankOfRow);
        }

        if (Query.Limit is { } limit && rows.Length > limit)
        {
            rows = rows[..(int)limit];
        }

        var columns = new ArrowColumn[Query.Projections.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            var projection = Query.Projections[i];
            columns[i] = rows.Length == 0
                ? EmptyColumn(projection)
                : projection.Expression is ColumnReferenceExpression reference ? columns[reference.Column] : _evaluator.Gather(projection.Expression, table, rows);
        }

        return columns;
    }

    private static int[] ExpandWeights(BindingTable table, QueryExecutionContext context)
    {
        if (table.Weights is not { } weights)
        {
            var identity = new int[table.RowCount];
            for (var i = 0; i < identity.Length; i++)
            {
                identity[i] = i;
            }

            return identity;
        }

        Int128 total = 0;
        foreach (var weight in weights)
        {
            total += weight;
        }

        // A weighted row stands for several result rows; all of them are materialized here, within the row limit.
        context.CheckRows((long)Int128.Min(total, long.MaxValue));
        var rows = new int[(long)total];
        var next = 0;
        for (var row = 0; row < weights.Length; row++)
        {
            for (var copy = 0L; copy < weights[row]; copy++)
            {
                rows[next++] = row;
            }
        }

        return rows;
    }

    /// <summary>
    /// Orders the rows by the search rank (<paramref name="rankOfRow"/> when given, else the ranked entity's ordinal) when a search orders the query, else by the user keys (nulls first ascending,
    /// last descending), then by the id of every named variable
    /// (by name) ascending, so the order is total; with a limit far below the row count only the first rows are
    /// selected (a bounded heap) and sorted. Keys compare raw column values of the rows' entities.
    /// </summary>
    private int[] OrderRows(BindingTable table, int[] rows, long? limit, int[]? rankOfRow)
    {
        var keys = new List<(ArrowColumn? Values, int[] Slot, bool Descending)>();
        if (Query.Search is { } search)
        {
            // The ranked variable's entities were read best first, so its entity ordinal is the rank (an rrf fused after
            // the traversals gives each row its entity's fused position instead); the search defines the order and later
            // user keys are ignored (spec §2.5).
            keys.Add((null, rankOfRow ?? table.SlotOf(search.Variable.Id), false));
        }

        foreach (var key in Query.Search is null ? Query.Order : [])
        {
            var values = _evaluator.Evaluate(Resolve(key.Expression), table);

            // Constants order nothing.
            if (!values.IsConstant)
            {
                keys.Add((values.Values!, values.Slots(table.RowCount), key.Descending));
            }
        }

        foreach (var variable in Query.TieBreakVariables)
        {
            if (table.Entities[variable.Id] is { } entities)
            {
                keys.Add((entities.Ids, table.SlotOf(variable.Id), false));
            }
        }

        var comparer = new RowComparer([.. keys]);
        if (limit is { } top && top < rows.Length / 8)
        {
            return TopRows(rows, (int)top, comparer);
        }

        Array.Sort(rows, comparer);
        return rows;
    }

    /// <summary>The first <paramref name="count"/> rows in order: a max-heap of the best rows so far, then a sort of those.</summary>
    private static int[] TopRows(int[] rows, int count, RowComparer comparer)
    {
        if (count == 0)
        {
            return [];
        }

        var heap = new int[count];
        var size = 0;
        foreach (var row in rows)
        {
            if (size < count)
            {
                heap[size] = row;
                SiftUp(heap, size++, comparer);
            }
            else if (comparer.Compare(row, heap[0]) < 0)
            {
                heap[0] = row;
                SiftDown(heap, size, comparer);
            }
        }

        var best = heap[..size];
        Array.Sort(best, comparer);
        return best;
    }

    private static void SiftUp(int[] heap, int index, RowComparer comparer)
    {
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (comparer.Compare(heap[index], heap[parent]) <= 0)
            {
                return;
            }

            (heap[index], heap[parent]) = (heap[parent], heap[index]);
            index = parent;
        }
    }

    private static void SiftDown(int[] heap, int size, RowComparer comparer)
    {
        var index = 0;
        while (true)
        {
            var largest = index;
            var left = (2 * index) + 1;
            var right = left + 1;
            if (left < size && comparer.Compare(heap[left], heap[largest]) > 0)
            {
                largest = left;
            }

            if (right < size && comparer.Compare(heap[right], heap[largest]) > 0)
            {
                largest = right;
            }

            if (largest == index)
            {
                return;
            }

            (heap[index], heap[largest]) = (heap[largest], heap[index]);
            index = largest;
        }
    }

    /// <summary>Compares rows key by key; a key without values compares the slots themselves (entity ordinals: a search rank).</summary>
    private sealed class RowComparer((ArrowColumn? Values, int[] Slot, bool Descending)[] keys) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            foreach (var (values, slot, descending) in keys)
            {
                var order = values is null ? slot[x].CompareTo(slot[y]) : ColumnValues.Compare(values, slot[x], slot[y]);
                if (order != 0)
                {
                    return descending ? -order : order;
                }
            }

            // Identical on every key (a weighted row's copies): keep them in row order, deterministically.
            return x.CompareTo(y);
        }
    }
}

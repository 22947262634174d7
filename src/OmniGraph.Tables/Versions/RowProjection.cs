using System.Collections.Immutable;
using OmniGraph.Abstractions;
using OmniGraph.Arrow;
using OmniGraph.Ingest;

namespace OmniGraph.Tables.Versions;

/// <summary>Projections and row gathers over fragments: zero-copy when a fragment has no deleted row, one gather otherwise.</summary>
internal sealed class RowProjection
{
    private readonly int[] _columns;

    private RowProjection(int[] columns, ArrowSchema schema)
    {
        _columns = columns;
        Schema = schema;
    }

    /// <summary>The projected schema.</summary>
    public ArrowSchema Schema { get; }

    /// <summary>Resolves column names (every column when empty) against a layout.</summary>
    /// <exception cref="OmniGraphException">Code <c>invalid_request</c>: A column the table does not have, or named twice.</exception>
    public static RowProjection Create(TableLayout layout, ImmutableArray<string> columns)
    {
        var schema = layout.Schema;
        if (columns.IsDefaultOrEmpty)
        {
            var all = new int[schema.FieldCount];
            for (var i = 0; i < all.Length; i++)
            {
                all[i] = i;
            }

            return new RowProjection(all, schema);
        }

        var indexes = new int[columns.Length];
        var fields = new ArrowField[columns.Length];
        for (var i = 0; i < indexes.Length; i++)
        {
            var index = schema.GetFieldIndex(columns[i]);
            if (index < 0)
            {
                throw EngineErrors.InvalidTableRequest(layout.TableName, $"it has no column '{columns[i]}'");
            }

            if (Array.IndexOf(indexes, index, 0, i) >= 0)
            {
                throw EngineErrors.InvalidTableRequest(layout.TableName, $"column '{columns[i]}' is named twice");
            }

            indexes[i] = index;
            fields[i] = schema.Fields[index];
        }

        return new RowProjection(indexes, new ArrowSchema(fields, schema.Metadata));
    }

    /// <summary>A batch with no rows.</summary>
    public RecordBatch Empty()
    {
        var columns = new ArrowColumn[_columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = ArrowColumnBuilder.Create(Schema.Fields[i].Type).Build();
        }

        return new RecordBatch(Schema, columns, 0);
    }

    /// <summary>The projected columns of a whole fragment (zero-copy).</summary>
    public RecordBatch All(FragmentData fragment)
    {
        var columns = new ArrowColumn[_columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = fragment.Batch.Column(_columns[i]);
        }

        return new RecordBatch(Schema, columns, fragment.Rows);
    }

    /// <summary>The projected columns of a contiguous row range of a fragment (zero-copy).</summary>
    public RecordBatch Range(FragmentData fragment, int start, int length)
    {
        var columns = new ArrowColumn[_columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = fragment.Batch.Column(_columns[i]).Slice(start, length);
        }

        return new RecordBatch(Schema, columns, length);
    }

    /// <summary>The projected columns of some rows of a fragment, in the given order.</summary>
    public RecordBatch Take(FragmentData fragment, ReadOnlySpan<int> rows)
    {
        var columns = new ArrowColumn[_columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = fragment.Batch.Column(_columns[i]).Take(rows);
        }

        return new RecordBatch(Schema, columns, rows.Length);
    }

    /// <summary>The live rows of a fragment (zero-copy when none is deleted), or <c>null</c> when none is live.</summary>
    public RecordBatch? Live(FragmentData fragment, DeletionMask mask)
    {
        if (mask.Count == 0)
        {
            return fragment.Rows == 0 ? null : All(fragment);
        }

        if (mask.Count == fragment.Rows)
        {
            return null;
        }

        var rows = new int[fragment.Rows - mask.Count];
        var next = 0;
        for (var row = 0; row < fragment.Rows; row++)
        {
            if (!mask.IsDeleted(row))
            {
                rows[next++] = row;
            }
        }

        return Take(fragment, rows);
    }

    /// <summary>One batch of several (concatenated in order).</summary>
    public RecordBatch Concatenate(IReadOnlyList<RecordBatch> parts)
    {
        if (parts.Count == 0)
        {
            return Empty();
        }

        if (parts.Count == 1)
        {
            return parts[0];
        }

        var columns = new ArrowColumn[_columns.Length];
        var length = 0;
        foreach (var part in parts)
        {
            length += part.Length;
        }

        for (var i = 0; i < columns.Length; i++)
        {
            var pieces = new ArrowColumn[parts.Count];
            for (var p = 0; p < pieces.Length; p++)
            {
                pieces[p] = parts[p].Column(i);
            }

            columns[i] = ArrowColumn.Concatenate(pieces);
        }

        return new RecordBatch(Schema, columns, length);
    }

    /// <summary>The rows at <paramref name="addresses"/> (packed), in that order.</summary>
    public RecordBatch Gather(FragmentData[] fragments, ReadOnlySpan<long> addresses)
    {
        if (addresses.IsEmpty)
        {
            return Empty();
        }

        // Group by fragment (a sort of positions by address), gather each group, then put rows back in request order.
        var order = new int[addresses.Length];
        var sortedAddresses = addresses.ToArray();
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(sortedAddresses, order);
        var parts = new List<RecordBatch>();
        var start = 0;
        while (start < sortedAddresses.Length)
        {
            var fragment = (int)(sortedAddresses[start] >> 32);
            var end = start;
            while (end < sortedAddresses.Length && (int)(sortedAddresses[end] >> 32) == fragment)
            {
                end++;
            }

            var rows = new int[end - start];
            for (var i = start; i < end; i++)
            {
                rows[i - start] = (int)(uint)sortedAddresses[i];
            }

            parts.Add(Take(fragments[fragment], rows));
            start = end;
        }

        var gathered = Concatenate(parts);
        var inOrder = true;
        for (var i = 0; i < order.Length && inOrder; i++)
        {
            inOrder = order[i] == i;
        }

        if (inOrder)
        {
            return gathered;
        }

        var permutation = new int[order.Length];
        for (var sorted = 0; sorted < order.Length; sorted++)
        {
            permutation[order[sorted]] = sorted;
        }

        var columns = new ArrowColumn[_columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = gathered.Column(i).Take(permutation);
        }

        return new RecordBatch(Schema, columns, permutation.Length);
    }
}

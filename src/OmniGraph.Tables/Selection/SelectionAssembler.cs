using System.Runtime.InteropServices;
using OmniGraph.Abstractions;
using OmniGraph.Arrow;
using OmniGraph.Tables.Versions;

namespace OmniGraph.Tables.Selection;

/// <summary>
/// Turns selected rows into a <see cref="TableSelection"/>: ids, row addresses (when asked for) and the requested
/// columns. Rows selected in storage order are cut per fragment (a fragment taken whole is shared zero-copy); rows in
/// probe order are gathered.
/// </summary>
internal static class SelectionAssembler
{
    /// <summary>Assembles rows given per fragment, in storage order.</summary>
    public static TableSelection FromFragments(TableVersionView view, SelectionShape shape, List<(int Fragment, int[] Rows, int Count)> parts, bool includeRows)
    {
        var total = 0;
        foreach (var part in parts)
        {
            total += part.Count;
        }

        if (total == 0)
        {
            return Empty(shape);
        }

        var addresses = includeRows ? new RowAddress[total] : null;
        var batches = new List<RecordBatch>(parts.Count);
        var next = 0;
        foreach (var (f, rows, count) in parts)
        {
            var fragment = view.Fragments[f];
            if (addresses is not null)
            {
                for (var i = 0; i < count; i++)
                {
                    addresses[next++] = new RowAddress(f, rows[i]);
                }
            }

            // Storage order and every row: the rows are 0..n-1, so the fragment's own columns serve as they are.
            batches.Add(count == fragment.Rows ? shape.Combined.All(fragment) : shape.Combined.Take(fragment, rows.AsSpan(0, count)));
        }

        var (ids, columns) = shape.Split(shape.Combined.Concatenate(batches));
        return new TableSelection(total, ids, addresses is null ? default : ImmutableCollectionsMarshal.AsImmutableArray(addresses), [], columns);
    }

    /// <summary>Assembles rows given by packed address in an arbitrary (probe) order.</summary>
    public static TableSelection FromAddresses(TableVersionView view, SelectionShape shape, List<long> addresses, List<int> positions, bool includeRows)
    {
        if (addresses.Count == 0)
        {
            return Empty(shape);
        }

        var packed = CollectionsMarshal.AsSpan(addresses);
        var rows = includeRows ? new RowAddress[packed.Length] : null;
        for (var i = 0; rows is not null && i < rows.Length; i++)
        {
            rows[i] = RowAddress.FromPacked(packed[i]);
        }

        var (ids, columns) = shape.Split(shape.Combined.Gather(view.Fragments, packed));
        return new TableSelection(
            packed.Length,
            ids,
            rows is null ? default : ImmutableCollectionsMarshal.AsImmutableArray(rows),
            [.. positions],
            columns);
    }

    /// <summary>No row.</summary>
    public static TableSelection Empty(SelectionShape shape)
    {
        var (ids, columns) = shape.Empty();
        return new TableSelection(0, ids, [], [], columns);
    }

    /// <summary>Only a count.</summary>
    public static TableSelection CountOnly(SelectionShape shape, int count)
    {
        var (ids, columns) = shape.Empty();
        return new TableSelection(count, ids, [], [], columns);
    }
}

using System.Collections.Immutable;
using OmniGraph.Abstractions;
using OmniGraph.Arrow;
using OmniGraph.Tables.Indexes;
using OmniGraph.Tables.Versions;

namespace OmniGraph.Tables.Selection;

/// <summary>
/// Answers a <see cref="TableSelectionRequest"/> without text matches or ranking over one table version: by key probes
/// (rows in probe order, with their positions), from an index when an equality filter names a column with a
/// single-column <c>@unique</c> or <c>@index</c> constraint, or by a vectorized scan of every fragment's live rows;
/// the last two return rows in storage order, so an index changes the cost, never the answer.
/// </summary>
internal static class TableSelector
{
    /// <summary>Selects the rows of <paramref name="view"/> that pass <paramref name="filter"/> (compiled for its layout).</summary>
    /// <remarks><paramref name="indexes"/> are the query indexes kept beside the view (an equality index is built into it on first use).</remarks>
    public static TableSelection Select(TableVersionView view, SelectionShape shape, RowFilter filter, TableSelectionRequest request, ViewQueryIndexes indexes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(indexes);
        if (filter.IsNever)
        {
            return SelectionAssembler.Empty(shape);
        }

        if (request.Keys is { } keys)
        {
            return SelectByKeys(view, shape, filter, keys, request, cancellationToken);
        }

        if (filter.IsEmpty && !request.CountOnly && !request.IncludeRowAddresses && shape.Requested.FieldCount == 0)
        {
            // Every live id and nothing else (a whole-table bind before an anti-join or an existence test): assembled
            // once per version and kept beside it, not concatenated from every fragment again by every such query.
            return indexes.LiveIds ??= SelectionAssembler.FromFragments(view, shape, ScanSelect(view, filter, cancellationToken), includeRows: false);
        }

        var parts = Matching(view, filter, indexes, cancellationToken);
        return request.CountOnly ? CountOnly(parts, shape) : SelectionAssembler.FromFragments(view, shape, parts, request.IncludeRowAddresses);
    }

    /// <summary>The live rows that pass <paramref name="filter"/>, per fragment in storage order: from an index when one answers an equality filter, else by a scan.</summary>
    public static List<(int Fragment, int[] Rows, int Count)> Matching(TableVersionView view, RowFilter filter, ViewQueryIndexes indexes, CancellationToken cancellationToken = default) =>
        TrySelectByIndex(view, filter, indexes, out var indexed) ? indexed : ScanSelect(view, filter, cancellationToken);

    private static TableSelection SelectByKeys(TableVersionView view, SelectionShape shape, RowFilter filter, KeyBatch keys, TableSelectionRequest request, CancellationToken cancellationToken)
    {
        var index = view.Keys;
        var addresses = new List<long>();
        var positions = new List<int>();
        for (var i = 0; i < keys.Count; i++)
        {
            CancellationChecks.Every(i, cancellationToken);
            var address = index.Find(keys[i]);
            if (address != AddressHashTable.NotFound && filter.Matches(view.Fragments[(int)(address >> 32)], (int)(uint)address))
            {
                addresses.Add(address);
                positions.Add(i);
            }
        }

        return request.CountOnly
            ? SelectionAssembler.CountOnly(shape, addresses.Count)
            : SelectionAssembler.FromAddresses(view, shape, addresses, positions, request.IncludeRowAddresses);
    }

    /// <summary>
    /// Answers an equality filter from an index when the column has one (a single-column <c>@unique</c> constraint or
    /// <c>@index</c>); the rows found are checked against every filter and returned in storage order, exactly as a scan
    /// would return them.
    /// </summary>
    private static bool TrySelectByIndex(TableVersionView view, RowFilter filter, ViewQueryIndexes indexes, out List<(int Fragment, int[] Rows, int Count)> parts)
    {
        parts = [];
        var type = view.Layout.Type;
        var scratch = new ByteScratch();
        foreach (var predicate in filter.Predicates)
        {
            if (predicate.Source.Operator != ColumnPredicateOperator.Equal)
            {
                continue;
            }

            var column = view.Layout.Schema.Fields[predicate.ColumnIndex];
            var uniqueOrdinal = FindSingleColumnConstraint(type.UniqueConstraints.Select(static c => c.Columns), column.Name);
            var indexed = uniqueOrdinal >= 0 || FindSingleColumnConstraint(type.IndexConstraints.Select(static c => c.Columns), column.Name) >= 0;
            if (!indexed)
            {
                continue;
            }

            var outcome = PredicateEncoding.TryEncode(column.Type, predicate.Source.Value, scratch);
            if (outcome == EncodingOutcome.Unsupported)
            {
                continue;
            }

            if (outcome == EncodingOutcome.NoMatch)
            {
                return true;
            }

            ReadOnlySpan<long> candidates;
            if (uniqueOrdinal >= 0)
            {
                var holder = view.Unique(uniqueOrdinal).Find(scratch.Written);
                candidates = holder == AddressHashTable.NotFound ? [] : new[] { holder };
            }
            else
            {
                if (!indexes.ValueIndexes.TryGetValue(predicate.ColumnIndex, out var valueIndex))
                {
                    valueIndex = ColumnValueIndex.Build(view.Fragments, view.Masks, predicate.ColumnIndex);
                    indexes.ValueIndexes[predicate.ColumnIndex] = valueIndex;
                }

                // A group's rows are in storage order: ascending addresses, already cut by fragment.
                candidates = valueIndex.Find(scratch.Written);
            }

            // For strings and integers the index answered this predicate exactly (equal encodings are equal values), so
            // only the others run, vectorized over each fragment's candidate rows; floats keep it (NaN is not equal to
            // itself, its encoding is).
            var exact = column.Type.Id is ArrowTypeId.Utf8 or ArrowTypeId.Int32 or ArrowTypeId.Int64 or ArrowTypeId.UInt32 or ArrowTypeId.UInt64;
            CutByFragment(view, exact ? filter.Without(predicate) : filter, candidates, parts);
            return true;
        }

        return false;
    }

    private static int FindSingleColumnConstraint(IEnumerable<ImmutableArray<string>> constraints, string column)
    {
        var ordinal = 0;
        foreach (var columns in constraints)
        {
            if (columns.Length == 1 && string.Equals(columns[0], column, StringComparison.Ordinal))
            {
                return ordinal;
            }

            ordinal++;
        }

        return -1;
    }

    private static void CutByFragment(TableVersionView view, RowFilter filter, ReadOnlySpan<long> sortedCandidates, List<(int Fragment, int[] Rows, int Count)> parts)
    {
        var start = 0;
        while (start < sortedCandidates.Length)
        {
            var fragment = (int)(sortedCandidates[start] >> 32);
            var end = start;
            while (end < sortedCandidates.Length && (int)(sortedCandidates[end] >> 32) == fragment)
            {
                end++;
            }

            var rows = new int[end - start];
            var count = 0;
            var mask = view.Masks[fragment];
            for (var i = start; i < end; i++)
            {
                var row = (int)(uint)sortedCandidates[i];
                if (!mask.IsDeleted(row))
                {
                    rows[count++] = row;
                }
            }

            count = filter.Apply(view.Fragments[fragment], rows, count);
            if (count > 0)
            {
                parts.Add((fragment, rows, count));
            }

            start = end;
        }
    }

    /// <summary>A vectorized scan: each fragment's live rows, narrowed predicate by predicate over the column spans.</summary>
    private static List<(int Fragment, int[] Rows, int Count)> ScanSelect(TableVersionView view, RowFilter filter, CancellationToken cancellationToken)
    {
        var parts = new List<(int Fragment, int[] Rows, int Count)>(view.Fragments.Length);
        for (var f = 0; f < view.Fragments.Length; f++)
        {
            // A fragment (at most about a million rows) is one vectorized pass: checking between fragments is enough.
            cancellationToken.ThrowIfCancellationRequested();
            var fragment = view.Fragments[f];
            var mask = view.Masks[f];
            if (fragment.Rows == mask.Count)
            {
                continue;
            }

            var rows = new int[fragment.Rows - mask.Count];
            var count = 0;
            for (var row = 0; row < fragment.Rows; row++)
            {
                if (!mask.IsDeleted(row))
                {
                    rows[count++] = row;
                }
            }

            count = filter.Apply(fragment, rows, count);
            if (count > 0)
            {
                parts.Add((f, rows, count));
            }
        }

        return parts;
    }

    private static TableSelection CountOnly(List<(int Fragment, int[] Rows, int Count)> parts, SelectionShape shape)
    {
        var total = 0;
        foreach (var part in parts)
        {
            total += part.Count;
        }

        return SelectionAssembler.CountOnly(shape, total);
    }
}

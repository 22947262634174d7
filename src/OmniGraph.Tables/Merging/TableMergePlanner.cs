using System.Collections.Immutable;
using System.Text;
using OmniGraph.Abstractions;
using OmniGraph.Tables.Values;
using OmniGraph.Tables.Versions;

namespace OmniGraph.Tables.Merging;

/// <summary>
/// The three-way merge of one table, row by row by id (docs/branches.md, "How a merge decides"): for every id the source
/// changed since the base, the target takes the source's row when the target left the id unchanged, keeps its own when
/// both sides agree, and reports a conflict otherwise (by presence: inserted on both sides, deleted on one and changed on
/// the other, or changed on both). Ids the source did not change keep the target's row without being looked at.
/// </summary>
/// <remarks>
/// Both "changed" sets come from <see cref="VersionDiff"/> (fragment lists, not contents), and every comparison is typed
/// full-row equality (<see cref="Arrow.ArrowColumn.ValueEquals"/>): a source change that cancels out (an edge inserted,
/// then deleted) is no change, and a rewrite with the same values is none either.
/// </remarks>
internal static class TableMergePlanner
{
    /// <summary>The plan: rows of <paramref name="source"/> the target takes, ids it deletes, and the conflicts.</summary>
    public static Plan Build(TableVersionView mergeBase, TableVersionView source, TableVersionView target, CancellationToken cancellationToken)
    {
        var table = target.Ref.Table;
        var sourceChanges = VersionDiff.Changed(mergeBase, source, cancellationToken);
        if (sourceChanges.Count == 0)
        {
            return new Plan([], [], [], 0, 0, 0);
        }

        var targetChanges = VersionDiff.Changed(mergeBase, target, cancellationToken);
        var ids = sourceChanges.Keys.ToArray();
        Array.Sort(ids, StringComparer.Ordinal);
        var upserts = new List<long>();
        var deletes = new List<string>();
        var conflicts = ImmutableArray.CreateBuilder<MergeConflict>();
        long inserted = 0;
        long updated = 0;
        var checks = 0;
        foreach (var id in ids)
        {
            CancellationChecks.Every(checks++, cancellationToken);
            var (baseRow, sourceRow) = sourceChanges[id];
            if (RowsEqual(mergeBase, baseRow, source, sourceRow))
            {
                // The source's edits cancel out (inserted then deleted, or set back): nothing to take.
                continue;
            }

            // An id the target did not change has the base's row there (a shared stored row): take the source's.
            var targetRow = targetChanges.TryGetValue(id, out var pair) ? pair.To : baseRow;
            var targetChanged = targetChanges.ContainsKey(id) && !RowsEqual(mergeBase, baseRow, target, targetRow);
            if (!targetChanged)
            {
                if (sourceRow == VersionDiff.Absent)
                {
                    deletes.Add(id);
                }
                else
                {
                    upserts.Add(sourceRow);
                    if (baseRow == VersionDiff.Absent)
                    {
                        inserted++;
                    }
                    else
                    {
                        updated++;
                    }
                }

                continue;
            }

            if (RowsEqual(source, sourceRow, target, targetRow))
            {
                continue;
            }

            conflicts.Add(Conflict(table, id, mergeBase, baseRow, source, sourceRow, target, targetRow));
        }

        return new Plan([.. upserts], [.. deletes], conflicts.ToImmutable(), inserted, updated, sourceChanges.Count);
    }

    /// <summary>Typed full-row equality; absent equals absent only.</summary>
    public static bool RowsEqual(TableVersionView left, long leftRow, TableVersionView right, long rightRow)
    {
        if (leftRow == VersionDiff.Absent || rightRow == VersionDiff.Absent)
        {
            return leftRow == rightRow;
        }

        var (a, aRow) = Locate(left, leftRow);
        var (b, bRow) = Locate(right, rightRow);
        if (ReferenceEquals(a, b) && aRow == bRow)
        {
            return true;
        }

        for (var column = 0; column < a.Batch.ColumnCount; column++)
        {
            if (!a.Batch.Column(column).ValueEquals(aRow, b.Batch.Column(column), bRow))
            {
                return false;
            }
        }

        return true;
    }

    private static MergeConflict Conflict(string table, string id, TableVersionView mergeBase, long baseRow, TableVersionView source, long sourceRow, TableVersionView target, long targetRow)
    {
        if (baseRow == VersionDiff.Absent)
        {
            return new MergeConflict(table, MergeConflictKind.DivergentInsert, id, $"inserted on both branches with different values ({Differences(source, sourceRow, target, targetRow, null, 0)})");
        }

        if (sourceRow == VersionDiff.Absent || targetRow == VersionDiff.Absent)
        {
            var message = sourceRow == VersionDiff.Absent
                ? "deleted on the source branch and changed on the target branch"
                : "changed on the source branch and deleted on the target branch";
            return new MergeConflict(table, MergeConflictKind.DeleteVsUpdate, id, message);
        }

        return new MergeConflict(table, MergeConflictKind.DivergentUpdate, id, $"changed on both branches to different values ({Differences(source, sourceRow, target, targetRow, mergeBase, baseRow)})");
    }

    /// <summary>The columns whose source and target values differ, with their values (at most three named).</summary>
    private static string Differences(TableVersionView source, long sourceRow, TableVersionView target, long targetRow, TableVersionView? mergeBase, long baseRow)
    {
        var (s, sRow) = Locate(source, sourceRow);
        var (t, tRow) = Locate(target, targetRow);
        var text = new StringBuilder();
        var named = 0;
        var more = 0;
        for (var column = 0; column < s.Batch.ColumnCount; column++)
        {
            var sourceColumn = s.Batch.Column(column);
            var targetColumn = t.Batch.Column(column);
            if (sourceColumn.ValueEquals(sRow, targetColumn, tRow))
            {
                continue;
            }

            if (named == 3)
            {
                more++;
                continue;
            }

            text.Append(named++ == 0 ? string.Empty : "; ").Append(source.Layout.Schema.Fields[column].Name).Append(": ");
            if (mergeBase is not null)
            {
                var (b, bRow) = Locate(mergeBase, baseRow);
                text.Append("base ").Append(CellText.Format(b.Batch.Column(column), bRow)).Append(", ");
            }

            text.Append("source ").Append(CellText.Format(sourceColumn, sRow)).Append(", target ").Append(CellText.Format(targetColumn, tRow));
        }

        return more == 0 ? text.ToString() : text.Append("; ").Append(more).Append(" more").ToString();
    }

    private static (FragmentData Fragment, int Row) Locate(TableVersionView view, long address) =>
        (view.Fragments[(int)(address >> 32)], (int)(uint)address);

    /// <summary>A table's merge plan: source rows (addresses in the source version) to upsert, ids to delete, conflicts.</summary>
    internal sealed record Plan(long[] Upserts, string[] Deletes, ImmutableArray<MergeConflict> Conflicts, long Inserted, long Updated, long Examined);
}

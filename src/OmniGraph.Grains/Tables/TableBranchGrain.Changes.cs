using OmniGraph.Tables.Merging;
using OmniGraph.Tables.Versions;

namespace OmniGraph.Grains.Tables;

internal sealed partial class TableBranchGrain
{
    /// <inheritdoc />
    public async Task<TableChangePage> ReadChangesAsync(TableVersionRef from, TableVersionRef to, TableChangeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Limit, 1);
        cancellationToken.ThrowIfCancellationRequested();
        var views = await Task.WhenAll(GetViewAsync(from, cancellationToken), GetViewAsync(to, cancellationToken));
        var (fromView, toView) = (views[0], views[1]);
        if (!FragmentFiles.SameLayout(fromView.Layout.Schema, toView.Layout.Schema, out var difference))
        {
            throw EngineErrors.SchemaBoundary(to.TypeName, difference ?? "different columns");
        }

        var changed = VersionDiff.Changed(fromView, toView, cancellationToken);
        var ids = new List<string>(changed.Count);
        foreach (var id in changed.Keys)
        {
            if (request.AfterId is null || string.CompareOrdinal(id, request.AfterId) > 0)
            {
                ids.Add(id);
            }
        }

        ids.Sort(StringComparer.Ordinal);
        var pageIds = ImmutableArray.CreateBuilder<string>();
        var ops = ImmutableArray.CreateBuilder<ChangeOp>();
        var before = new List<long>();
        var after = new List<long>();
        var hasMore = false;
        var checks = 0;
        foreach (var id in ids)
        {
            CancellationChecks.Every(checks++, cancellationToken);
            var (fromRow, toRow) = changed[id];
            if (TableMergePlanner.RowsEqual(fromView, fromRow, toView, toRow))
            {
                // Rewritten with the same values (or inserted and deleted again): a physical change only.
                continue;
            }

            var op = fromRow == VersionDiff.Absent ? ChangeOp.Insert : toRow == VersionDiff.Absent ? ChangeOp.Delete : ChangeOp.Update;
            if (!request.Ops.IsDefaultOrEmpty && !request.Ops.Contains(op))
            {
                continue;
            }

            if (pageIds.Count == request.Limit)
            {
                hasMore = true;
                break;
            }

            pageIds.Add(id);
            ops.Add(op);
            if (fromRow != VersionDiff.Absent)
            {
                before.Add(fromRow);
            }

            if (toRow != VersionDiff.Absent)
            {
                after.Add(toRow);
            }
        }

        var projection = RowProjection.Create(toView.Layout, []);
        return new TableChangePage(
            _table,
            pageIds.ToImmutable(),
            ops.ToImmutable(),
            projection.Gather(fromView.Fragments, [.. before]),
            projection.Gather(toView.Fragments, [.. after]),
            hasMore,
            changed.Count);
    }
}

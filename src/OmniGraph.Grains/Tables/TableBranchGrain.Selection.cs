using System.Runtime.CompilerServices;
using OmniGraph.Arrow;
using OmniGraph.Tables.Selection;
using OmniGraph.Tables.Versions;

namespace OmniGraph.Grains.Tables;

internal sealed partial class TableBranchGrain
{
    private readonly ConditionalWeakTable<TableVersionView, ViewQueryIndexes> _queryIndexes = new();

    /// <inheritdoc />
    public async Task<TableSelection> SelectAsync(TableVersionRef version, TableSelectionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var view = await GetViewAsync(version, cancellationToken);
        var shape = SelectionShape.Create(view.Layout, request.Columns);
        var all = request.Filters.IsDefault ? [] : request.Filters;
        var textMatches = all.RemoveAll(static p => !p.IsTextMatch);
        var filter = PredicateCompiler.Compile(view.Layout, textMatches.IsEmpty ? all : all.RemoveAll(static p => p.IsTextMatch));
        if (!filter.IsNever && (!textMatches.IsEmpty || request.Ranking is not null))
        {
            return SearchSelect(view, shape, filter, textMatches, request, cancellationToken);
        }

        return TableSelector.Select(view, shape, filter, request, QueryIndexes(view), cancellationToken);
    }

    /// <summary>The query indexes kept beside <paramref name="view"/> (built on first use, dropped with the view).</summary>
    private ViewQueryIndexes QueryIndexes(TableVersionView view) => _queryIndexes.GetValue(view, static _ => new ViewQueryIndexes());

    /// <inheritdoc />
    public async Task<RecordBatch> GatherAsync(TableVersionRef version, ImmutableArray<RowAddress> rows, ImmutableArray<string> columns, CancellationToken cancellationToken = default)
    {
        var view = await GetViewAsync(version, cancellationToken);
        var shape = SelectionShape.Create(view.Layout, columns);
        if (rows.IsDefaultOrEmpty)
        {
            return shape.Empty().Columns;
        }

        var packed = new long[rows.Length];
        for (var i = 0; i < packed.Length; i++)
        {
            CancellationChecks.Every(i, cancellationToken);
            var row = rows[i];
            if ((uint)row.Fragment >= (uint)view.Fragments.Length || (uint)row.Row >= (uint)view.Fragments[row.Fragment].Rows
                || view.Masks[row.Fragment].IsDeleted(row.Row))
            {
                throw EngineErrors.InvalidTableRequest(_table, $"row {row} is not a live row of version {version.Version}");
            }

            packed[i] = row.Packed;
        }

        return shape.Gather(view.Fragments, packed);
    }
}

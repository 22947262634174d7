using OmniGraph.Tables.Merging;
using OmniGraph.Tables.Versions;

namespace OmniGraph.Grains.Tables;

internal sealed partial class TableBranchGrain
{
    /// <inheritdoc />
    public async Task<TableMergePlan> PlanMergeAsync(TableVersionRef mergeBase, TableVersionRef source, TableVersionRef target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mergeBase);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        cancellationToken.ThrowIfCancellationRequested();

        // The three versions load side by side: fragments they share (the base's, on every chain that descends from it)
        // are read once and shared by the views.
        var views = await Task.WhenAll(
            GetViewAsync(mergeBase, cancellationToken),
            GetViewAsync(source, cancellationToken),
            GetViewAsync(target, cancellationToken));
        var (baseView, sourceView, targetView) = (views[0], views[1], views[2]);
        foreach (var view in views)
        {
            if (!FragmentFiles.SameLayout(view.Layout.Schema, targetView.Layout.Schema, out var difference))
            {
                throw EngineErrors.InvalidTableRequest(_table, $"version {view.Ref} is laid out differently from the target {target} ({difference}): a merge needs one layout");
            }
        }

        var plan = TableMergePlanner.Build(baseView, sourceView, targetView, cancellationToken);
        var upserts = RowProjection.Create(sourceView.Layout, []).Gather(sourceView.Fragments, plan.Upserts);
        var conflicts = plan.Conflicts.AddRange(MergedValueRules.Check(sourceView.Layout, upserts));
        LogMergePlanned(_graphId, _table, plan.Examined, plan.Upserts.Length, plan.Deletes.Length, conflicts.Length);
        return new TableMergePlan(_table, upserts, KeyBatch.FromStrings(plan.Deletes), conflicts, plan.Inserted, plan.Updated, plan.Examined);
    }
}

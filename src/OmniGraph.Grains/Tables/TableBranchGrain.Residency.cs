using OmniGraph.Grains.Tables.Versions;

namespace OmniGraph.Grains.Tables;

internal sealed partial class TableBranchGrain
{
    /// <summary>
    /// Reads back the fragments of a version that a large write staged without keeping its rows (a load's head right
    /// after its commit): the first read of the version pays it, every concurrent reader shares the same read, and a read
    /// that gives up stops waiting while the read runs on for the others.
    /// </summary>
    private async Task<TableVersionView> MakeResidentAsync(TableVersionView view, CancellationToken cancellationToken)
    {
        view.Residency ??= ReadFragmentsAsync(view);
        try
        {
            await view.Residency.WaitAsync(cancellationToken);
        }
        catch when (view.Residency.IsFaulted)
        {
            // A failed read is retried by the next caller rather than remembered.
            view.Residency = null;
            throw;
        }

        return view;
    }

    private async Task ReadFragmentsAsync(TableVersionView view)
    {
        await VersionLoader.MakeResidentAsync(_store, view.Fragments, view.Layout);
        LogVersionResident(_graphId, _table, view.Ref.Version, view.Fragments.Length, view.RowCount);
    }
}

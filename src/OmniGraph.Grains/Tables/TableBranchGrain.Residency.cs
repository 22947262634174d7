using OmniGraph.Tables.Versions;

namespace OmniGraph.Grains.Tables;

internal sealed partial class TableBranchGrain
{
    /// <summary>Whether a version's fragments hold what a read needs: every column, or the endpoints of an edge table.</summary>
    private bool IsReady(TableVersionView view, bool endpointsOnly) =>
        view.IsResident || (endpointsOnly && IsEdge && view.HasEndpoints);

    /// <summary>
    /// Reads back what a read needs of a version's fragments: after a load committed (its rows were staged, not kept), or
    /// after the version was loaded (its object and deletion vectors only). The first read pays it, concurrent readers
    /// share the same read, and a read that gives up stops waiting while the read runs on for the others. A version read
    /// only by traversals keeps only the endpoint columns of its edge fragments.
    /// </summary>
    private async Task<TableVersionView> MakeResidentAsync(TableVersionView view, bool endpointsOnly, CancellationToken cancellationToken)
    {
        endpointsOnly &= IsEdge;
        while (!IsReady(view, endpointsOnly))
        {
            var reading = endpointsOnly
                ? view.EndpointResidency ??= ReadFragmentsAsync(view, endpointsOnly: true)
                : view.Residency ??= ReadFragmentsAsync(view, endpointsOnly: false);
            try
            {
                await reading.WaitAsync(cancellationToken);
            }
            catch when (reading.IsFaulted)
            {
                // A failed read is retried by the next caller rather than remembered.
                if (endpointsOnly)
                {
                    view.EndpointResidency = null;
                }
                else
                {
                    view.Residency = null;
                }

                throw;
            }
        }

        return view;
    }

    private async Task ReadFragmentsAsync(TableVersionView view, bool endpointsOnly)
    {
        await VersionLoader.MakeResidentAsync(_store, view.Fragments, view.Layout, endpointsOnly);
        LogVersionResident(_graphId, _table, view.Ref.Version, view.Fragments.Length, view.RowCount, endpointsOnly ? "endpoints" : "all columns");
    }
}

using System.Runtime.InteropServices;
using OmniGraph.Tables.Traversal;

namespace OmniGraph.Grains.Tables;

internal sealed partial class TableBranchGrain
{
    /// <inheritdoc />
    public async Task<TraversalResult> TraverseAsync(TableVersionRef version, TraversalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Sources);
        // Edge ids, edge columns and edge filters read more than the endpoints; everything else walks src and dst only.
        var endpointsOnly = request.Output != TraversalOutput.Edges && request.EdgeFilters.IsDefaultOrEmpty && request.EdgeColumns.IsDefaultOrEmpty;
        var view = await GetEdgeViewAsync(version, cancellationToken, endpointsOnly);
        var indexes = QueryIndexes(view);
        var traverser = EdgeTraverser.Prepare(view, request, indexes);
        if (request.Output == TraversalOutput.Existence && request.SourceTable is { } existenceTable && request.MinHops == 1 && request.EdgeFilters.IsDefaultOrEmpty)
        {
            // One pass over the join index, stopping at each node's first live edge; kept beside the version, so every
            // later anti-join or existence test over the same two versions reads the bitmap as it is.
            var bits = indexes.ExistenceOf(existenceTable, request.Direction, request.Sources.Count, () => traverser.Existence());
            return new TraversalResult([], [], KeyBatch.Empty.Keys, []) { Existence = ImmutableCollectionsMarshal.AsImmutableArray(bits) };
        }

        if (!cancellationToken.CanBeCanceled || !MayRunLong(request))
        {
            return traverser.Run(cancellationToken);
        }

        // Orleans delivers a call's cancellation as a work item on this activation's scheduler, which a synchronous
        // search would hold for its whole length (a Ctrl-C would wait for the answer). A search that may run long goes
        // to the thread pool, so the turn awaits and the cancellation reaches the token the traverser checks. The
        // traverser reads only the immutable version view and its own buffers (its indexes were built above, here).
        return await Task.Run(() => traverser.Run(cancellationToken), cancellationToken);
    }

    /// <summary>Several hops, or one hop from many sources: worth a thread-pool hop (microseconds) to stay cancellable.</summary>
    private static bool MayRunLong(TraversalRequest request) =>
        request.MaxHops > 1 || request.Sources.Count >= CancellationChecks.Stride;
}

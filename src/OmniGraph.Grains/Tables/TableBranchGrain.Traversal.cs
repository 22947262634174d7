using System.Runtime.InteropServices;
using OmniGraph.Abstractions;
using OmniGraph.Tables.Indexes;
using OmniGraph.Tables.Selection;
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
        if (request.MinHops < 1 || request.MaxHops < request.MinHops)
        {
            throw EngineErrors.InvalidTableRequest(_table, $"hop bounds {{{request.MinHops},{request.MaxHops}}} are invalid (1 <= min <= max)");
        }

        var edgeOutput = request.Output is TraversalOutput.Edges or TraversalOutput.EdgeCounts;
        if (edgeOutput && request.MaxHops != 1)
        {
            throw EngineErrors.InvalidTableRequest(_table, "edge outputs are single-hop");
        }

        var columns = request.EdgeColumns.IsDefault ? [] : request.EdgeColumns;
        if (request.Output != TraversalOutput.Edges && columns.Length > 0)
        {
            throw EngineErrors.InvalidTableRequest(_table, "edge columns are returned only with the edges output");
        }

        var filter = PredicateCompiler.Compile(view.Layout, request.EdgeFilters.IsDefault ? [] : request.EdgeFilters);
        var shape = request.Output == TraversalOutput.Edges && columns.Length > 0 ? SelectionShape.Create(view.Layout, columns) : null;
        bool[]? outgoingParallel = null;
        bool[]? incomingParallel = null;
        AdjacencyGroup[]? outgoingSources = null;
        AdjacencyGroup[]? incomingSources = null;
        var indexes = _queryIndexes.GetValue(view, static _ => new ViewQueryIndexes());
        var wholeTableOutput = request.Output is TraversalOutput.NeighbourCounts or TraversalOutput.EdgeCounts or TraversalOutput.Existence;
        if (request.SourceTable is { } sourceTable && wholeTableOutput)
        {
            if (request.Direction is ExpansionDirection.Outgoing or ExpansionDirection.Both)
            {
                outgoingSources = indexes.SourceGroupsOf(sourceTable, bySource: true, view.BySource, request.Sources);
            }

            if (request.Direction is ExpansionDirection.Incoming or ExpansionDirection.Both)
            {
                incomingSources = indexes.SourceGroupsOf(sourceTable, bySource: false, view.ByTarget, request.Sources);
            }
        }

        if (request.Output == TraversalOutput.NeighbourCounts && request.MaxHops == 1 && filter.IsEmpty)
        {
            if (request.Direction == ExpansionDirection.Outgoing)
            {
                outgoingParallel = indexes.OutgoingHasParallelEdges ??= ParallelEdgeMap.Build(view, view.BySource, bySource: true);
            }
            else if (request.Direction == ExpansionDirection.Incoming)
            {
                incomingParallel = indexes.IncomingHasParallelEdges ??= ParallelEdgeMap.Build(view, view.ByTarget, bySource: false);
            }
        }

        var traverser = new EdgeTraverser(view, request, filter, shape, outgoingParallel, incomingParallel, outgoingSources, incomingSources);
        if (request.Output == TraversalOutput.Existence && request.SourceTable is { } existenceTable && request.MinHops == 1 && filter.IsEmpty)
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

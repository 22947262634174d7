using OmniGraph.Abstractions;
using OmniGraph.Tables.Indexes;
using OmniGraph.Tables.Selection;
using OmniGraph.Tables.Versions;

namespace OmniGraph.Tables.Traversal;

internal sealed partial class EdgeTraverser
{
    /// <summary>
    /// Checks <paramref name="request"/> against <paramref name="view"/> (an edge table version) and makes its traverser:
    /// the edge filter compiled, and the indexes the request can use taken from (or built into)
    /// <paramref name="indexes"/> before the run, so the run itself only reads.
    /// </summary>
    /// <exception cref="OmniGraphException"><c>invalid_request</c>: hop bounds out of order, an edge output over several
    /// hops, edge columns without the edges output, or a filter the edge table cannot answer.</exception>
    public static EdgeTraverser Prepare(TableVersionView view, TraversalRequest request, ViewQueryIndexes indexes)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Sources);
        ArgumentNullException.ThrowIfNull(indexes);
        if (request.MinHops < 1 || request.MaxHops < request.MinHops)
        {
            throw EngineErrors.InvalidTableRequest(view.Layout.TableName, $"hop bounds {{{request.MinHops},{request.MaxHops}}} are invalid (1 <= min <= max)");
        }

        var edgeOutput = request.Output is TraversalOutput.Edges or TraversalOutput.EdgeCounts;
        if (edgeOutput && request.MaxHops != 1)
        {
            throw EngineErrors.InvalidTableRequest(view.Layout.TableName, "edge outputs are single-hop");
        }

        var columns = request.EdgeColumns.IsDefault ? [] : request.EdgeColumns;
        if (request.Output != TraversalOutput.Edges && columns.Length > 0)
        {
            throw EngineErrors.InvalidTableRequest(view.Layout.TableName, "edge columns are returned only with the edges output");
        }

        var filter = PredicateCompiler.Compile(view.Layout, request.EdgeFilters.IsDefault ? [] : request.EdgeFilters);
        var shape = request.Output == TraversalOutput.Edges && columns.Length > 0 ? SelectionShape.Create(view.Layout, columns) : null;
        bool[]? outgoingParallel = null;
        bool[]? incomingParallel = null;
        AdjacencyGroup[]? outgoingSources = null;
        AdjacencyGroup[]? incomingSources = null;
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

        return new EdgeTraverser(view, request, filter, shape, outgoingParallel, incomingParallel, outgoingSources, incomingSources);
    }
}

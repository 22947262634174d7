using System.Collections.Immutable;
using OmniGraph.Arrow;
using OmniGraph.Abstractions;
using OmniGraph.Ingest;

namespace OmniGraph.Loading.Changes;

/// <summary>Collects a net diff's changes (no images; an edge's endpoints) and counts them.</summary>
internal sealed class NetChangeSink : IChangeSink
{
    private readonly HashSet<string> _types = new(StringComparer.Ordinal);

    /// <summary>The changes.</summary>
    public ImmutableArray<NetChangeOutput>.Builder Changes { get; } = ImmutableArray.CreateBuilder<NetChangeOutput>();

    /// <inheritdoc />
    public int Remaining => int.MaxValue;

    /// <summary>The counts of what was collected.</summary>
    public ChangeStatsOutput Stats => new(
        Changes.LongCount(static c => c.Op == "insert"),
        Changes.LongCount(static c => c.Op == "update"),
        Changes.LongCount(static c => c.Op == "delete"),
        _types.Count);

    /// <inheritdoc />
    public void Add(TableLayout layout, string id, ChangeOp op, RecordBatch before, int beforeRow, RecordBatch after, int afterRow)
    {
        EdgeEndpointsOutput? endpoints = null;
        if (layout.IsEdge)
        {
            var (rows, row) = afterRow >= 0 ? (after, afterRow) : (before, beforeRow);
            endpoints = ChangeEndpoints.Of(rows, row);
        }

        _types.Add(layout.TableName);
        Changes.Add(new NetChangeOutput(ChangeOps.KindName(layout.IsEdge), layout.Type.Name, id, op.ToWireName(), endpoints));
    }
}

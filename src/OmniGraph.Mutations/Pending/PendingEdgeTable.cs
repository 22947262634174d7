using OmniGraph.Schema;

namespace OmniGraph.Mutations.Pending;

/// <summary>The edges one constructive mutation inserts into one edge table, in statement order (each with a fresh id).</summary>
internal sealed class PendingEdgeTable(EdgeType type)
{
    private readonly List<PendingRow> _rows = [];

    /// <summary>The edge type.</summary>
    public EdgeType Type { get; } = type;

    /// <summary>The edges in insert order.</summary>
    public IReadOnlyList<PendingRow> Rows => _rows;

    /// <summary>Adds an edge.</summary>
    public void Add(PendingRow edge) => _rows.Add(edge);
}

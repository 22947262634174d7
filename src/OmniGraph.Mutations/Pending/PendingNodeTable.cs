using OmniGraph.Abstractions;
using OmniGraph.Schema;

namespace OmniGraph.Mutations.Pending;

/// <summary>
/// The rows one constructive mutation writes to one node table: inserted rows and rows copied from the snapshot by
/// updates, keyed by id (a later write of the same id replaces the row in place, keeping its position, so the batch
/// order is the order ids were first written: deterministic).
/// </summary>
internal sealed class PendingNodeTable(NodeType type)
{
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);
    private readonly List<PendingRow> _rows = [];
    private readonly HashSet<string> _insertedIds = new(StringComparer.Ordinal);
    private bool _replacesCommittedRows;

    /// <summary>The node type.</summary>
    public NodeType Type { get; } = type;

    /// <summary>The rows in first-write order.</summary>
    public IReadOnlyList<PendingRow> Rows => _rows;

    /// <summary>
    /// How the rows apply: keyed types upsert (an insert of an existing key replaces the row); an unkeyed type inserts
    /// strictly (its ids are fresh ULIDs) unless an update copied committed rows, which must replace them.
    /// </summary>
    public TableWriteMode Mode => Type.HasKey || _replacesCommittedRows ? TableWriteMode.Upsert : TableWriteMode.Insert;

    /// <summary>Whether an insert statement wrote a row of this table.</summary>
    public bool HasInserts => _insertedIds.Count > 0;

    /// <summary>Pending rows no insert statement wrote: committed rows an update copied (each existed in the snapshot).</summary>
    public int UpdatedOnlyCount => _rows.Count - _insertedIds.Count;

    /// <summary>Whether a row with this id is pending.</summary>
    public bool Contains(string id) => _positions.ContainsKey(id);

    /// <summary>Writes <paramref name="row"/>, replacing a pending row with the same id.</summary>
    /// <param name="row">The row.</param>
    /// <param name="replacesCommitted">The row is a committed row copied by an update.</param>
    public void Put(PendingRow row, bool replacesCommitted)
    {
        _replacesCommittedRows |= replacesCommitted;
        if (!replacesCommitted)
        {
            _insertedIds.Add(row.Id);
        }

        if (_positions.TryGetValue(row.Id, out var position))
        {
            _rows[position] = row;
        }
        else
        {
            _positions[row.Id] = _rows.Count;
            _rows.Add(row);
        }
    }
}

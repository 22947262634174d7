using System.Runtime.CompilerServices;

namespace OmniGraph.Search;

/// <summary>
/// Whether a row of one fragment takes part in a query: not deleted in the version and a candidate of the query's filter.
/// Two bitmap probes, no allocation; built per fragment per query.
/// </summary>
internal readonly struct RowGate
{
    private readonly RowSet? _deleted;
    private readonly RowSet? _allowed;

    public RowGate(RowSet? deleted, RowSet? allowed)
    {
        _deleted = deleted is { Count: > 0 } ? deleted : null;
        _allowed = allowed;
    }

    /// <summary>True when nothing is excluded (no deletion, no filter).</summary>
    public bool AdmitsAll => _deleted is null && _allowed is null;

    /// <summary>True when the filter admits no row at all.</summary>
    public bool AdmitsNone => _allowed is { Count: 0 };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Admits(int row) => (_deleted is null || !_deleted.Contains(row)) && (_allowed is null || _allowed.Contains(row));
}

using OmniGraph.Schema;

namespace OmniGraph.Ingest;

/// <summary>
/// The tuples one <c>@unique</c> constraint holds within a load, each with the id of the row holding it, so the
/// storage engine can check them against committed rows. Tuples are in canonical form (see
/// <see cref="CanonicalKeys"/>): one member as its canonical text, several as a JSON array of their texts.
/// Rows with a null member are not listed (they are exempt).
/// </summary>
public sealed class UniqueValueIndex
{
    private readonly Utf8KeySet _tuples;
    private readonly Func<int, bool> _isSuperseded;

    internal UniqueValueIndex(UniqueConstraint constraint, Utf8KeySet tuples, Func<int, bool> isSuperseded)
    {
        Constraint = constraint;
        _tuples = tuples;
        _isSuperseded = isSuperseded;
    }

    /// <summary>The constraint.</summary>
    public UniqueConstraint Constraint { get; }

    /// <summary>Number of tuple slots (<see cref="IsLive"/> tells which still hold a row).</summary>
    public int Count => _tuples.Count;

    /// <summary>The tuple at <paramref name="index"/> (insertion order).</summary>
    public ReadOnlySpan<byte> GetTuple(int index) => _tuples.GetKey(index);

    /// <summary>The id of the row holding the tuple at <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> GetHolderId(int index) => _tuples.GetAttached(index);

    /// <summary>The holding row of the tuple at <paramref name="index"/>.</summary>
    public KeySetEntry GetEntry(int index) => _tuples.GetEntry(index);

    /// <summary><c>false</c> when the row that held the tuple was superseded later in the load (merge mode) and no row holds it now.</summary>
    public bool IsLive(int index) => !_isSuperseded(_tuples.GetEntry(index).RowOrdinal);

    /// <summary>Finds the live holder of <paramref name="tuple"/>.</summary>
    public bool TryGetHolder(ReadOnlySpan<byte> tuple, out KeySetEntry entry, out ReadOnlySpan<byte> holderId)
    {
        if (_tuples.TryGetEntry(tuple, out entry) && !_isSuperseded(entry.RowOrdinal))
        {
            holderId = _tuples.GetAttached(entry.Index);
            return true;
        }

        entry = default;
        holderId = default;
        return false;
    }
}

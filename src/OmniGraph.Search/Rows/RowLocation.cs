namespace OmniGraph.Search;

/// <summary>
/// A row of one table version: its fragment's position in the version's fragment list and its ordinal in that fragment
/// (the engine's row address). Ordered by fragment, then row: storage order, the default tie-break of every ranking.
/// </summary>
public readonly record struct RowLocation(int Fragment, int Row) : IComparable<RowLocation>
{
    /// <inheritdoc />
    public int CompareTo(RowLocation other) => Fragment != other.Fragment ? Fragment.CompareTo(other.Fragment) : Row.CompareTo(other.Row);

    /// <inheritdoc />
    public override string ToString() => $"{Fragment}:{Row}";
}

namespace OmniGraph.Grains.Writes;

/// <summary>
/// Where a write's checks put their findings when all of them are wanted (a merge reports every conflict) instead of the
/// first one thrown. Bounded: past <see cref="Capacity"/> findings are counted, not kept.
/// </summary>
internal sealed class WriteViolations
{
    /// <summary>The most findings kept.</summary>
    public const int Capacity = 10_000;

    private readonly List<(string Table, OmniGraphException Error)> _found = [];

    /// <summary>The findings kept, in the order they were made.</summary>
    public IReadOnlyList<(string Table, OmniGraphException Error)> Found => _found;

    /// <summary>Findings made, kept or not.</summary>
    public int Count { get; private set; }

    /// <summary>Records a finding about <paramref name="table"/>.</summary>
    public void Add(string table, OmniGraphException error)
    {
        Count++;
        if (_found.Count < Capacity)
        {
            _found.Add((table, error));
        }
    }
}

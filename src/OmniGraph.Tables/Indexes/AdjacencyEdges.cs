namespace OmniGraph.Tables.Indexes;

/// <summary>
/// The edges of one adjacency group as packed addresses (fragment &lt;&lt; 32 | row), in storage order, deleted ones
/// included: a base group's edges are held as row ordinals and turned into addresses as they are enumerated, an overlay
/// group's are held as addresses.
/// </summary>
internal readonly ref struct AdjacencyEdges
{
    private readonly ReadOnlySpan<int> _ordinals;
    private readonly RowOrdinals? _numbering;
    private readonly ReadOnlySpan<long> _addresses;

    /// <summary>Base edges: ordinals numbered by <paramref name="numbering"/>.</summary>
    public AdjacencyEdges(ReadOnlySpan<int> ordinals, RowOrdinals numbering)
    {
        _ordinals = ordinals;
        _numbering = numbering;
    }

    /// <summary>Overlay edges: packed addresses.</summary>
    public AdjacencyEdges(ReadOnlySpan<long> addresses) => _addresses = addresses;

    /// <summary>Number of edges.</summary>
    public int Length => _numbering is null ? _addresses.Length : _ordinals.Length;

    public Enumerator GetEnumerator() => new(this);

    /// <summary>Enumerates the packed addresses.</summary>
    public ref struct Enumerator
    {
        private readonly AdjacencyEdges _edges;
        private int _index;

        public Enumerator(AdjacencyEdges edges)
        {
            _edges = edges;
            _index = -1;
        }

        public readonly long Current => _edges._numbering is { } numbering ? numbering.AddressOf(_edges._ordinals[_index]) : _edges._addresses[_index];

        public bool MoveNext() => ++_index < _edges.Length;
    }
}

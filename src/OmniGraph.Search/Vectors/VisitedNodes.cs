namespace OmniGraph.Search;

/// <summary>Which nodes one graph search has reached: a stamp per node, so clearing between searches is one increment.</summary>
internal sealed class VisitedNodes
{
    private readonly int[] _stamps;
    private int _stamp;

    public VisitedNodes(int nodes) => _stamps = new int[nodes];

    public void Clear()
    {
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_stamps);
            _stamp = 1;
        }
    }

    /// <summary>Marks <paramref name="node"/>; false when it was already marked since the last <see cref="Clear"/>.</summary>
    public bool Visit(int node)
    {
        if (_stamps[node] == _stamp)
        {
            return false;
        }

        _stamps[node] = _stamp;
        return true;
    }
}

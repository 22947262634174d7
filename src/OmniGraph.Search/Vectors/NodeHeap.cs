namespace OmniGraph.Search;

/// <summary>
/// A binary heap of (distance, node) pairs, nearest on top or farthest on top. The HNSW search keeps its candidates in
/// one of each; arrays grow and are reused across searches.
/// </summary>
internal sealed class NodeHeap
{
    private readonly bool _farthestOnTop;
    private float[] _distances = new float[64];
    private int[] _nodes = new int[64];

    public NodeHeap(bool farthestOnTop) => _farthestOnTop = farthestOnTop;

    public int Count { get; private set; }

    public float TopDistance => _distances[0];

    public int TopNode => _nodes[0];

    public void Clear() => Count = 0;

    public void Push(int node, float distance)
    {
        if (Count == _nodes.Length)
        {
            Array.Resize(ref _nodes, Count * 2);
            Array.Resize(ref _distances, Count * 2);
        }

        var index = Count++;
        while (index > 0)
        {
            var parent = (index - 1) >> 1;
            if (!Above(distance, _distances[parent]))
            {
                break;
            }

            _nodes[index] = _nodes[parent];
            _distances[index] = _distances[parent];
            index = parent;
        }

        _nodes[index] = node;
        _distances[index] = distance;
    }

    public void Pop()
    {
        var last = --Count;
        if (last == 0)
        {
            return;
        }

        var node = _nodes[last];
        var distance = _distances[last];
        var index = 0;
        while (true)
        {
            var child = (index * 2) + 1;
            if (child >= last)
            {
                break;
            }

            if (child + 1 < last && Above(_distances[child + 1], _distances[child]))
            {
                child++;
            }

            if (!Above(_distances[child], distance))
            {
                break;
            }

            _nodes[index] = _nodes[child];
            _distances[index] = _distances[child];
            index = child;
        }

        _nodes[index] = node;
        _distances[index] = distance;
    }

    /// <summary>The entries in heap order (not sorted).</summary>
    public (int Node, float Distance) this[int index] => (_nodes[index], _distances[index]);

    private bool Above(float a, float b) => _farthestOnTop ? a > b : a < b;
}

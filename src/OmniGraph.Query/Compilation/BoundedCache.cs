namespace OmniGraph.Query.Compilation;

/// <summary>
/// A thread-safe least-recently-used map with a fixed capacity. Lookups and inserts take one short lock; values
/// are immutable, so callers use them outside it.
/// </summary>
internal sealed class BoundedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> _entries;
    private readonly LinkedList<(TKey Key, TValue Value)> _recency = new();
    private readonly Lock _lock = new();
    private readonly int _capacity;

    public BoundedCache(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _capacity = capacity;
        _entries = new Dictionary<TKey, LinkedListNode<(TKey, TValue)>>(Math.Min(capacity, 1024), comparer);
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public bool TryGet(TKey key, out TValue value)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    public void Add(TKey key, TValue value)
    {
        if (_capacity == 0)
        {
            return;
        }

        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                _recency.Remove(existing);
                _entries.Remove(key);
            }

            var node = _recency.AddFirst((key, value));
            _entries[key] = node;
            if (_entries.Count > _capacity)
            {
                var oldest = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Key);
            }
        }
    }
}

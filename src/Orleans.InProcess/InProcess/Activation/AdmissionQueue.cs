namespace Orleans.InProcess.Activation;

/// <summary>
/// Requests waiting for admission, in arrival order. A ring buffer: removing the head (the common case) is O(1);
/// removing from the middle (a read-only or interleaving request overtaking a blocked one) shifts the tail.
/// Not thread-safe; guarded by the activation's lock.
/// </summary>
internal sealed class AdmissionQueue
{
    private IAdmissionItem?[] _items = new IAdmissionItem?[4];
    private int _head;

    /// <summary>Number of waiting items.</summary>
    public int Count { get; private set; }

    /// <summary>The item at position <paramref name="index"/> (0 is the oldest).</summary>
    public IAdmissionItem this[int index] => _items[(_head + index) & (_items.Length - 1)]!;

    /// <summary>Appends an item.</summary>
    public void Add(IAdmissionItem item)
    {
        if (Count == _items.Length)
        {
            Grow();
        }

        _items[(_head + Count) & (_items.Length - 1)] = item;
        Count++;
    }

    /// <summary>Removes the item at <paramref name="index"/>, keeping the order of the others.</summary>
    public void RemoveAt(int index)
    {
        var mask = _items.Length - 1;
        if (index == 0)
        {
            _items[_head] = null;
            _head = (_head + 1) & mask;
            Count--;
            return;
        }

        for (var i = index; i < Count - 1; i++)
        {
            _items[(_head + i) & mask] = _items[(_head + i + 1) & mask];
        }

        _items[(_head + Count - 1) & mask] = null;
        Count--;
    }

    /// <summary>Removes and returns every item, oldest first.</summary>
    public List<IAdmissionItem> TakeAll()
    {
        var all = new List<IAdmissionItem>(Count);
        for (var i = 0; i < Count; i++)
        {
            all.Add(this[i]);
        }

        Array.Clear(_items);
        _head = 0;
        Count = 0;
        return all;
    }

    private void Grow()
    {
        var larger = new IAdmissionItem?[_items.Length * 2];
        for (var i = 0; i < Count; i++)
        {
            larger[i] = this[i];
        }

        _items = larger;
        _head = 0;
    }
}

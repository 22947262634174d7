namespace OmniGraph.Execution.Runtime;

/// <summary>
/// Dense numbers for distinct tuples of ints (entity ordinals of several variables, group keys), in order of first
/// appearance: an open-addressing table over one flat array of tuples, so interning a row allocates nothing.
/// </summary>
internal sealed class IntTupleIndex
{
    private readonly int _width;
    private int[] _tuples;
    private int[] _slots;
    private int _mask;

    public IntTupleIndex(int width, int expected = 16)
    {
        _width = width;
        var capacity = 16;
        while (capacity < expected * 2)
        {
            capacity <<= 1;
        }

        _slots = new int[capacity];
        _slots.AsSpan().Fill(-1);
        _mask = capacity - 1;
        _tuples = new int[Math.Max(16, expected) * width];
    }

    /// <summary>Distinct tuples so far.</summary>
    public int Count { get; private set; }

    /// <summary>Tuple <paramref name="number"/>.</summary>
    public ReadOnlySpan<int> this[int number] => _tuples.AsSpan(number * _width, _width);

    /// <summary>The number of <paramref name="tuple"/>, adding it when new.</summary>
    public int Intern(ReadOnlySpan<int> tuple)
    {
        var hash = Hash(tuple);
        var slot = (int)(hash & (uint)_mask);
        while (true)
        {
            var number = _slots[slot];
            if (number < 0)
            {
                break;
            }

            if (this[number].SequenceEqual(tuple))
            {
                return number;
            }

            slot = (slot + 1) & _mask;
        }

        var added = Count++;
        if ((added + 1) * _width > _tuples.Length)
        {
            Array.Resize(ref _tuples, _tuples.Length * 2);
        }

        tuple.CopyTo(_tuples.AsSpan(added * _width));
        _slots[slot] = added;
        if (Count * 2 > _slots.Length)
        {
            Rehash();
        }

        return added;
    }

    private static uint Hash(ReadOnlySpan<int> tuple)
    {
        var hash = 2166136261u;
        foreach (var value in tuple)
        {
            hash = (hash ^ (uint)value) * 16777619u;
            hash ^= hash >> 15;
        }

        return hash;
    }

    private void Rehash()
    {
        var capacity = _slots.Length * 2;
        _slots = new int[capacity];
        _slots.AsSpan().Fill(-1);
        _mask = capacity - 1;
        for (var number = 0; number < Count; number++)
        {
            var slot = (int)(Hash(this[number]) & (uint)_mask);
            while (_slots[slot] >= 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = number;
        }
    }
}

using System.Runtime.CompilerServices;

namespace OmniGraph.Tables.Indexes;

/// <summary>
/// An open-addressing hash table from keys to 62-bit values (row addresses, group numbers), where the keys themselves
/// are read through an <see cref="IRowKeyReader"/> from the rows the values lead to. Linear probing, at most half full,
/// no deletion (an index marks a removed key with <see cref="TombstoneFlag"/> instead). Not thread-safe; clone before
/// changing a table that readers may still use.
/// </summary>
internal sealed class AddressHashTable
{
    /// <summary>What <see cref="Find{TReader}"/> returns for a missing key.</summary>
    public const long NotFound = -1;

    /// <summary>A flag bit values may carry (row addresses never use it) to mark a removed key.</summary>
    public const long TombstoneFlag = 1L << 62;

    private const int MinimumCapacity = 16;

    private long[] _values;
    private uint[] _hashes;
    private int _count;

    public AddressHashTable(int expectedCount = 0)
    {
        var capacity = CapacityFor(expectedCount);
        _values = new long[capacity];
        _values.AsSpan().Fill(NotFound);
        _hashes = new uint[capacity];
    }

    private AddressHashTable(long[] values, uint[] hashes, int count)
    {
        _values = values;
        _hashes = hashes;
        _count = count;
    }

    /// <summary>Number of keys (tombstoned ones included).</summary>
    public int Count => _count;

    /// <summary>Approximate memory held.</summary>
    public long MemoryBytes => (long)_values.Length * (sizeof(long) + sizeof(uint));

    /// <summary>The value of <paramref name="key"/>, or <see cref="NotFound"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Find<TReader>(ReadOnlySpan<byte> key, uint hash, ref TReader reader)
        where TReader : IRowKeyReader, allows ref struct
    {
        var values = _values;
        var hashes = _hashes;
        var mask = values.Length - 1;
        var slot = (int)(hash & (uint)mask);
        while (true)
        {
            var value = values[slot];
            if (value == NotFound)
            {
                return NotFound;
            }

            if (hashes[slot] == hash && reader.KeyOf(value).SequenceEqual(key))
            {
                return value;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Sets the value of <paramref name="key"/> (adding it when missing); the new value must lead to a row with the same key.</summary>
    public void Set<TReader>(ReadOnlySpan<byte> key, uint hash, long value, ref TReader reader)
        where TReader : IRowKeyReader, allows ref struct
    {
        if ((_count + 1) * 2 > _values.Length)
        {
            Grow();
        }

        var mask = _values.Length - 1;
        var slot = (int)(hash & (uint)mask);
        while (true)
        {
            var existing = _values[slot];
            if (existing == NotFound)
            {
                _values[slot] = value;
                _hashes[slot] = hash;
                _count++;
                return;
            }

            if (_hashes[slot] == hash && reader.KeyOf(existing).SequenceEqual(key))
            {
                _values[slot] = value;
                return;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Adds a key known to be absent (bulk builds: no comparison needed).</summary>
    public void AddNew(uint hash, long value)
    {
        if ((_count + 1) * 2 > _values.Length)
        {
            Grow();
        }

        var mask = _values.Length - 1;
        var slot = (int)(hash & (uint)mask);
        while (_values[slot] != NotFound)
        {
            slot = (slot + 1) & mask;
        }

        _values[slot] = value;
        _hashes[slot] = hash;
        _count++;
    }

    /// <summary>An independent copy.</summary>
    public AddressHashTable Clone() => new((long[])_values.Clone(), (uint[])_hashes.Clone(), _count);

    /// <summary>Calls <paramref name="visit"/> for every stored value (slot order).</summary>
    /// <summary>Visits every entry with its stored hash (in slot order).</summary>
    public void ForEachEntry(Action<uint, long> visit)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i] != NotFound)
            {
                visit(_hashes[i], _values[i]);
            }
        }
    }

    public void ForEachValue(Action<long> visit)
    {
        foreach (var value in _values)
        {
            if (value != NotFound)
            {
                visit(value);
            }
        }
    }

    /// <summary>The stored values (slot order; <see cref="NotFound"/> marks empty slots).</summary>
    public ReadOnlySpan<long> Slots => _values;

    private static int CapacityFor(int count)
    {
        var capacity = MinimumCapacity;
        while (capacity < count * 2)
        {
            capacity <<= 1;
        }

        return capacity;
    }

    private void Grow()
    {
        var oldValues = _values;
        var oldHashes = _hashes;
        var capacity = oldValues.Length * 2;
        var values = new long[capacity];
        values.AsSpan().Fill(NotFound);
        var hashes = new uint[capacity];
        var mask = capacity - 1;
        for (var i = 0; i < oldValues.Length; i++)
        {
            var value = oldValues[i];
            if (value == NotFound)
            {
                continue;
            }

            var slot = (int)(oldHashes[i] & (uint)mask);
            while (values[slot] != NotFound)
            {
                slot = (slot + 1) & mask;
            }

            values[slot] = value;
            hashes[slot] = oldHashes[i];
        }

        _values = values;
        _hashes = hashes;
    }
}

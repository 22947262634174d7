using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using OmniGraph.Arrow;

namespace OmniGraph.Tables.Indexes;

/// <summary>
/// Collects distinct UTF-8 keys in first-seen order into one arena (no string per key), then hands them out as a column.
/// </summary>
/// <remarks>
/// A load digests every endpoint of every edge fragment through one of these (a probe per row into a set as large as the
/// node set), so a probe is kept to two memory accesses: one slot holding the key's hash and where it starts in the arena,
/// and the arena entry itself (its length, then its bytes). A table of separate hash, value and offset arrays took four.
/// </remarks>
internal sealed class DistinctKeyCollector
{
    private const int MinimumCapacity = 16;

    // Each key as its length (4 bytes, little-endian) and then its bytes, in first-seen order.
    private readonly ByteScratch _arena = new();

    // Open addressing, linear probing, at most half full: 0 is empty, else (hash << 32) | (arena position + 1).
    private ulong[] _slots = new ulong[MinimumCapacity];

    /// <summary>Keys collected.</summary>
    public int Count { get; private set; }

    /// <summary>Adds a key unless it was seen.</summary>
    public void Add(ReadOnlySpan<byte> key)
    {
        var hash = KeyHashing.Hash(key);
        var slots = _slots;
        var mask = slots.Length - 1;
        var slot = (int)(hash & (uint)mask);
        while (true)
        {
            var entry = slots[slot];
            if (entry == 0)
            {
                break;
            }

            if ((uint)(entry >> 32) == hash && KeyAt((int)(uint)entry - 1).SequenceEqual(key))
            {
                return;
            }

            slot = (slot + 1) & mask;
        }

        var position = _arena.Written.Length;
        if (position == int.MaxValue)
        {
            throw new InvalidOperationException("The distinct keys exceed the arena's size.");
        }

        _arena.AppendInt32(key.Length);
        _arena.Append(key);
        slots[slot] = ((ulong)hash << 32) | (uint)(position + 1);
        Count++;
        if (Count * 2 > slots.Length)
        {
            Grow();
        }
    }

    /// <summary>The keys, in first-seen order.</summary>
    public Utf8Column ToColumn()
    {
        var builder = new Utf8ColumnBuilder();
        var bytes = _arena.Written;
        var position = 0;
        while (position < bytes.Length)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(bytes[position..]);
            builder.Append(bytes.Slice(position + sizeof(int), length));
            position += sizeof(int) + length;
        }

        return builder.Build();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> KeyAt(int position)
    {
        var bytes = _arena.Written;
        return bytes.Slice(position + sizeof(int), BinaryPrimitives.ReadInt32LittleEndian(bytes[position..]));
    }

    /// <summary>Doubles the table; entries move by their stored hashes, so no key is read.</summary>
    private void Grow()
    {
        var old = _slots;
        var slots = new ulong[old.Length * 2];
        var mask = slots.Length - 1;
        foreach (var entry in old)
        {
            if (entry == 0)
            {
                continue;
            }

            var slot = (int)((uint)(entry >> 32) & (uint)mask);
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = entry;
        }

        _slots = slots;
    }
}

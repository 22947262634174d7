using OmniGraph.Arrow;
using OmniGraph.Arrow.Hashing;

namespace OmniGraph.Execution.Runtime;

/// <summary>
/// Finds the position of an id in a <see cref="Utf8Column"/> of distinct ids (open addressing over XXH64; the keys stay
/// in the column, so building it copies no string). Used to match neighbour ids with the entities of a bound variable.
/// </summary>
internal sealed class Utf8IdIndex
{
    private readonly Utf8Column _ids;
    private readonly int[] _slots;
    private readonly uint[] _hashes;
    private readonly int _mask;

    public Utf8IdIndex(Utf8Column ids)
    {
        _ids = ids;
        var capacity = 16;
        while (capacity < ids.Length * 2)
        {
            capacity <<= 1;
        }

        _mask = capacity - 1;
        _slots = new int[capacity];
        _slots.AsSpan().Fill(-1);
        _hashes = new uint[capacity];
        for (var i = 0; i < ids.Length; i++)
        {
            var hash = (uint)XxHash64.Hash(ids.GetBytes(i));
            var slot = (int)(hash & (uint)_mask);
            while (_slots[slot] >= 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = i;
            _hashes[slot] = hash;
        }
    }

    /// <summary>The position of <paramref name="id"/>, or -1.</summary>
    public int Find(ReadOnlySpan<byte> id)
    {
        var hash = (uint)XxHash64.Hash(id);
        var slot = (int)(hash & (uint)_mask);
        while (true)
        {
            var position = _slots[slot];
            if (position < 0)
            {
                return -1;
            }

            if (_hashes[slot] == hash && _ids.GetBytes(position).SequenceEqual(id))
            {
                return position;
            }

            slot = (slot + 1) & _mask;
        }
    }
}

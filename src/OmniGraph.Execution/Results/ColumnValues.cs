using System.Buffers.Binary;
using System.Runtime.InteropServices;
using OmniGraph.Arrow;
using OmniGraph.Arrow.Hashing;

namespace OmniGraph.Execution.Results;

/// <summary>
/// Value-level operations on one column, in the query language's order and equality: nulls first and equal to each
/// other, strings by code point (UTF-8 byte order), numbers in the total order (NaN largest, -0.0 = 0.0), false before
/// true. Used for grouping (dense value numbers) and sorting (ranks), on raw column memory.
/// </summary>
internal static class ColumnValues
{
    /// <summary>Compares the values at <paramref name="a"/> and <paramref name="b"/> (nulls first).</summary>
    public static int Compare(ArrowColumn column, int a, int b)
    {
        var aNull = column.IsNull(a);
        var bNull = column.IsNull(b);
        if (aNull || bNull)
        {
            return aNull == bNull ? 0 : aNull ? -1 : 1;
        }

        return column switch
        {
            VariableBinaryColumn strings => strings.GetBytes(a).SequenceCompareTo(strings.GetBytes(b)),
            BooleanColumn booleans => booleans.GetValue(a).CompareTo(booleans.GetValue(b)),
            PrimitiveColumn<int> ints => ints.Values[a].CompareTo(ints.Values[b]),
            PrimitiveColumn<long> longs => longs.Values[a].CompareTo(longs.Values[b]),
            PrimitiveColumn<uint> uints => uints.Values[a].CompareTo(uints.Values[b]),
            PrimitiveColumn<ulong> ulongs => ulongs.Values[a].CompareTo(ulongs.Values[b]),
            PrimitiveColumn<float> floats => NumericOrder.CompareDoubles(floats.Values[a], floats.Values[b]),
            PrimitiveColumn<double> doubles => NumericOrder.CompareDoubles(doubles.Values[a], doubles.Values[b]),
            _ => CompareEncoded(column, a, b),
        };
    }

    /// <summary>
    /// Numbers the distinct values of a column in order of first appearance: <c>Ids[i]</c> is the number of value
    /// <c>i</c>, <c>Representatives[n]</c> the first index holding value number <c>n</c> (null is one value).
    /// </summary>
    public static (int[] Ids, int[] Representatives) Dedupe(ArrowColumn column)
    {
        var ids = new int[column.Length];
        var representatives = new List<int>();
        var nullId = -1;
        switch (column)
        {
            case VariableBinaryColumn strings:
                DedupeStrings(strings, ids, representatives, ref nullId);
                break;

            case BooleanColumn or PrimitiveColumn<int> or PrimitiveColumn<long> or PrimitiveColumn<uint> or PrimitiveColumn<ulong> or PrimitiveColumn<float> or PrimitiveColumn<double>:
            {
                var index = new Dictionary<long, int>();
                for (var i = 0; i < ids.Length; i++)
                {
                    if (column.IsNull(i))
                    {
                        ids[i] = NullId(ref nullId, representatives, i);
                        continue;
                    }

                    var bits = NormalizedBits(column, i);
                    if (!index.TryGetValue(bits, out var id))
                    {
                        id = representatives.Count;
                        index[bits] = id;
                        representatives.Add(i);
                    }

                    ids[i] = id;
                }

                break;
            }

            default:
            {
                // Lists and vectors (group keys only): compared by their canonical element encoding.
                var index = new BytesInterner(column.Length);
                var idOfInterned = new List<int>();
                var buffer = new List<byte>();
                for (var i = 0; i < ids.Length; i++)
                {
                    if (column.IsNull(i))
                    {
                        ids[i] = NullId(ref nullId, representatives, i);
                        continue;
                    }

                    var interned = index.Intern(Encode(column, i, buffer), out var added);
                    if (added)
                    {
                        idOfInterned.Add(representatives.Count);
                        representatives.Add(i);
                    }

                    ids[i] = idOfInterned[interned];
                }

                break;
            }
        }

        return (ids, representatives.ToArray());
    }

    /// <summary>
    /// The rank of each index's value: equal values share a rank, ranks ascend with the value (null smallest). Costs a
    /// hash per value plus a sort of the distinct values.
    /// </summary>
    public static int[] Ranks(ArrowColumn column)
    {
        var (ids, representatives) = Dedupe(column);
        var order = new int[representatives.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (x, y) => Compare(column, representatives[x], representatives[y]));
        var rankOfId = new int[representatives.Length];
        for (var position = 0; position < order.Length; position++)
        {
            rankOfId[order[position]] = position;
        }

        var ranks = new int[ids.Length];
        for (var i = 0; i < ranks.Length; i++)
        {
            ranks[i] = rankOfId[ids[i]];
        }

        return ranks;
    }

    /// <summary>
    /// Strings keyed in place: an open-addressing table of (hash, representative index) compared against the column's
    /// own bytes, so deduplicating copies no string and allocates only the table.
    /// </summary>
    private static void DedupeStrings(VariableBinaryColumn strings, int[] ids, List<int> representatives, ref int nullId)
    {
        var offsets = strings.Offsets;
        var data = strings.Data;
        var checkNulls = strings.NullCount > 0;
        var capacity = 64;
        var slots = new int[capacity];
        var hashes = new uint[capacity];
        var slotIds = new int[capacity];
        slots.AsSpan().Fill(-1);
        var used = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            if (checkNulls && strings.IsNull(i))
            {
                ids[i] = NullId(ref nullId, representatives, i);
                continue;
            }

            var value = data[offsets[i]..offsets[i + 1]];
            var hash = ShortHash(value);
            var mask = capacity - 1;
            var slot = (int)(hash & (uint)mask);
            while (true)
            {
                var representative = slots[slot];
                if (representative < 0)
                {
                    var id = representatives.Count;
                    representatives.Add(i);
                    slots[slot] = i;
                    hashes[slot] = hash;
                    slotIds[slot] = id;
                    ids[i] = id;
                    if (++used * 2 > capacity)
                    {
                        (slots, hashes, slotIds, capacity) = Grow(slots, hashes, slotIds);
                    }

                    break;
                }

                if (hashes[slot] == hash && data[offsets[representative]..offsets[representative + 1]].SequenceEqual(value))
                {
                    ids[i] = slotIds[slot];
                    break;
                }

                slot = (slot + 1) & mask;
            }
        }
    }

    /// <summary>
    /// A cheap hash for the short strings group keys usually are (cities, statuses): up to 16 bytes are folded with two
    /// multiplications; longer ones use XXH64. Used only inside one dedupe, so it need not match any other hash.
    /// </summary>
    private static uint ShortHash(ReadOnlySpan<byte> value)
    {
        ulong low;
        ulong high = 0;
        switch (value.Length)
        {
            case > 16:
                return (uint)XxHash64.Hash(value);
            case >= 8:
                low = BinaryPrimitives.ReadUInt64LittleEndian(value);
                high = Tail(value[8..]);
                break;
            default:
                low = Tail(value);
                break;
        }

        var mixed = ((low ^ (ulong)value.Length) * 0x9E3779B97F4A7C15UL) ^ (high * 0xC2B2AE3D27D4EB4FUL);
        return (uint)(mixed >> 32) ^ (uint)mixed;
    }

    /// <summary>Up to 8 bytes as a little-endian number.</summary>
    private static ulong Tail(ReadOnlySpan<byte> bytes)
    {
        ulong value = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            value |= (ulong)bytes[i] << (8 * i);
        }

        return value;
    }

    private static (int[] Slots, uint[] Hashes, int[] Ids, int Capacity) Grow(int[] slots, uint[] hashes, int[] ids)
    {
        var capacity = slots.Length * 2;
        var newSlots = new int[capacity];
        var newHashes = new uint[capacity];
        var newIds = new int[capacity];
        newSlots.AsSpan().Fill(-1);
        for (var i = 0; i < slots.Length; i++)
        {
            if (slots[i] < 0)
            {
                continue;
            }

            var slot = (int)(hashes[i] & (uint)(capacity - 1));
            while (newSlots[slot] >= 0)
            {
                slot = (slot + 1) & (capacity - 1);
            }

            newSlots[slot] = slots[i];
            newHashes[slot] = hashes[i];
            newIds[slot] = ids[i];
        }

        return (newSlots, newHashes, newIds, capacity);
    }

    private static int NullId(ref int nullId, List<int> representatives, int index)
    {
        if (nullId < 0)
        {
            nullId = representatives.Count;
            representatives.Add(index);
        }

        return nullId;
    }

    /// <summary>Equal values in the total order give equal bits (-0.0 as 0.0, every NaN as one NaN).</summary>
    private static long NormalizedBits(ArrowColumn column, int i) => column switch
    {
        BooleanColumn booleans => booleans.GetValue(i) ? 1 : 0,
        PrimitiveColumn<int> ints => ints.Values[i],
        PrimitiveColumn<long> longs => longs.Values[i],
        PrimitiveColumn<uint> uints => uints.Values[i],
        PrimitiveColumn<ulong> ulongs => unchecked((long)ulongs.Values[i]),
        PrimitiveColumn<float> floats => DoubleBits(floats.Values[i]),
        _ => DoubleBits(((PrimitiveColumn<double>)column).Values[i]),
    };

    private static long DoubleBits(double value) =>
        double.IsNaN(value) ? BitConverter.DoubleToInt64Bits(double.NaN) : value == 0 ? 0 : BitConverter.DoubleToInt64Bits(value);

    private static int CompareEncoded(ArrowColumn column, int a, int b)
    {
        var left = new List<byte>();
        var right = new List<byte>();
        return Encode(column, a, left).SequenceCompareTo(Encode(column, b, right));
    }

    private static ReadOnlySpan<byte> Encode(ArrowColumn column, int index, List<byte> buffer)
    {
        buffer.Clear();
        AppendEncoded(column, index, buffer);
        return CollectionsMarshal.AsSpan(buffer);
    }

    private static void AppendEncoded(ArrowColumn column, int index, List<byte> buffer)
    {
        Span<byte> scratch = stackalloc byte[8];
        if (column.IsNull(index))
        {
            buffer.Add(0);
            return;
        }

        buffer.Add(1);
        switch (column)
        {
            case ListColumn list:
                var (start, length) = list.GetValueRange(index);
                BinaryPrimitives.WriteInt32BigEndian(scratch, length);
                buffer.AddRange(scratch[..4]);
                for (var i = start; i < start + length; i++)
                {
                    AppendEncoded(list.Values, i, buffer);
                }

                break;
            case FixedSizeListColumn vector:
                for (var i = index * vector.ListSize; i < (index + 1) * vector.ListSize; i++)
                {
                    AppendEncoded(vector.Values, i, buffer);
                }

                break;
            case VariableBinaryColumn strings:
                var bytes = strings.GetBytes(index);
                BinaryPrimitives.WriteInt32BigEndian(scratch, bytes.Length);
                buffer.AddRange(scratch[..4]);
                buffer.AddRange(bytes);
                break;
            default:
                BinaryPrimitives.WriteInt64BigEndian(scratch, NormalizedBits(column, index));
                buffer.AddRange(scratch);
                break;
        }
    }

    /// <summary>Interns byte strings (copied into one growing buffer) to dense numbers; collisions chain per hash.</summary>
    private sealed class BytesInterner(int expected)
    {
        private readonly Dictionary<ulong, int> _first = new(Math.Min(Math.Max(16, expected), 1024));
        private readonly List<(int Start, int Length, int Next)> _entries = [];
        private readonly List<byte> _data = [];

        /// <summary>The number of <paramref name="bytes"/>; <paramref name="added"/> when it is new.</summary>
        public int Intern(ReadOnlySpan<byte> bytes, out bool added)
        {
            var hash = XxHash64.Hash(bytes);
            var number = _entries.Count;
            if (_first.TryGetValue(hash, out var existing))
            {
                var data = CollectionsMarshal.AsSpan(_data);
                while (true)
                {
                    var (start, length, next) = _entries[existing];
                    if (data.Slice(start, length).SequenceEqual(bytes))
                    {
                        added = false;
                        return existing;
                    }

                    if (next < 0)
                    {
                        _entries[existing] = (start, length, number);
                        break;
                    }

                    existing = next;
                }
            }
            else
            {
                _first[hash] = number;
            }

            _entries.Add((_data.Count, bytes.Length, -1));
            _data.AddRange(bytes);
            added = true;
            return number;
        }
    }
}

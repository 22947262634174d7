using System.Numerics;

namespace OmniGraph.Tables.Versions;

/// <summary>
/// The deleted rows of one fragment in one version, as a bitmap. Immutable: a version that deletes more rows gets a new
/// mask (one bitmap copy of the touched fragment, rows / 8 bytes), the older version keeps its own.
/// </summary>
internal sealed class DeletionMask
{
    private readonly ulong[]? _bits;

    private DeletionMask(ulong[]? bits, int count)
    {
        _bits = bits;
        Count = count;
    }

    /// <summary>No row deleted.</summary>
    public static DeletionMask None { get; } = new(null, 0);

    /// <summary>Deleted rows.</summary>
    public int Count { get; }

    /// <summary>Whether <paramref name="row"/> is deleted.</summary>
    public bool IsDeleted(int row) => _bits is not null && (_bits[row >> 6] & (1UL << row)) != 0;

    /// <summary>A mask of the given deleted rows.</summary>
    public static DeletionMask FromRows(int fragmentRows, ReadOnlySpan<uint> rows)
    {
        if (rows.IsEmpty)
        {
            return None;
        }

        var bits = new ulong[(fragmentRows + 63) >> 6];
        foreach (var row in rows)
        {
            bits[row >> 6] |= 1UL << (int)row;
        }

        return new DeletionMask(bits, rows.Length);
    }

    /// <summary>This mask plus <paramref name="rows"/> (rows already deleted are ignored); itself when nothing is added.</summary>
    public DeletionMask With(int fragmentRows, ReadOnlySpan<int> rows)
    {
        ulong[]? bits = null;
        var added = 0;
        foreach (var row in rows)
        {
            if (IsDeleted(row) || (bits is not null && (bits[row >> 6] & (1UL << row)) != 0))
            {
                continue;
            }

            bits ??= _bits is null ? new ulong[(fragmentRows + 63) >> 6] : (ulong[])_bits.Clone();
            bits[row >> 6] |= 1UL << row;
            added++;
        }

        return bits is null ? this : new DeletionMask(bits, Count + added);
    }

    /// <summary>
    /// The rows deleted in exactly one of this mask and <paramref name="other"/> (two masks of the same fragment, in two
    /// versions), ascending. Costs one pass over the bitmaps' words: the same mask object, or two masks without deletions,
    /// cost nothing.
    /// </summary>
    public List<int> DifferingRows(DeletionMask other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var rows = new List<int>();
        if (ReferenceEquals(this, other) || ReferenceEquals(_bits, other._bits))
        {
            return rows;
        }

        var words = Math.Max(_bits?.Length ?? 0, other._bits?.Length ?? 0);
        for (var word = 0; word < words; word++)
        {
            var bits = WordAt(_bits, word) ^ WordAt(other._bits, word);
            while (bits != 0)
            {
                rows.Add((word << 6) + BitOperations.TrailingZeroCount(bits));
                bits &= bits - 1;
            }
        }

        return rows;
    }

    private static ulong WordAt(ulong[]? bits, int word) => bits is not null && word < bits.Length ? bits[word] : 0;

    /// <summary>The deleted rows, ascending.</summary>
    public uint[] ToRows()
    {
        var rows = new uint[Count];
        if (_bits is null)
        {
            return rows;
        }

        var next = 0;
        for (var word = 0; word < _bits.Length; word++)
        {
            var bits = _bits[word];
            while (bits != 0)
            {
                rows[next++] = (uint)((word << 6) + BitOperations.TrailingZeroCount(bits));
                bits &= bits - 1;
            }
        }

        return rows;
    }
}

using OmniGraph.Tables.Versions;

namespace OmniGraph.Tables.Indexes;

/// <summary>
/// A derived index from a key (an id, a <c>@unique</c> tuple) to the live row holding it, for one table version. It is a
/// frozen base plus the keys changed since the base was built, in two overlays: a frozen one shared between versions and
/// a small recent one that each version copies and applies its changes to. A 32-row upsert into a million-row table
/// therefore copies at most <see cref="RecentLimit"/> keys' worth of slots, not every key changed since the base (which
/// grows with the table: the fold threshold is a share of the base). The recent overlay is merged into a new frozen one
/// when it passes <see cref="RecentLimit"/>, and both are folded into a fresh base when together they pass a share of it.
/// </summary>
/// <remarks>Immutable once published; the scratch buffer makes lookups single-threaded (grain turns are).</remarks>
internal sealed class RowKeyIndex
{
    private readonly FragmentData[] _fragments;
    private readonly RowKeyFunction _function;
    private readonly AddressHashTable _base;
    private readonly AddressHashTable? _frozen;
    private readonly AddressHashTable? _recent;
    private readonly ByteScratch _scratch = new();

    private RowKeyIndex(FragmentData[] fragments, RowKeyFunction function, AddressHashTable @base, AddressHashTable? frozen, AddressHashTable? recent)
    {
        _fragments = fragments;
        _function = function;
        _base = @base;
        _frozen = frozen;
        _recent = recent;
    }

    /// <summary>Keys in the frozen base.</summary>
    public int BaseCount => _base.Count;

    /// <summary>Keys changed since the base (in either overlay; a key changed in both counts twice).</summary>
    public int OverlayCount => (_frozen?.Count ?? 0) + (_recent?.Count ?? 0);

    /// <summary>Keys in the overlay a new version copies.</summary>
    public int RecentCount => _recent?.Count ?? 0;

    /// <summary>Indexes every live row of a version.</summary>
    public static RowKeyIndex Build(FragmentData[] fragments, DeletionMask[] masks, RowKeyFunction function)
    {
        long live = 0;
        for (var f = 0; f < fragments.Length; f++)
        {
            live += fragments[f].Rows - masks[f].Count;
        }

        var table = new AddressHashTable((int)Math.Min(live, int.MaxValue / 4));
        var scratch = new ByteScratch();
        var reader = new Reader(fragments, function, new ByteScratch());
        for (var f = 0; f < fragments.Length; f++)
        {
            var fragment = fragments[f];
            var mask = masks[f];
            for (var row = 0; row < fragment.Rows; row++)
            {
                if (mask.IsDeleted(row) || !function.TryGetKey(fragment, row, scratch, out var key))
                {
                    continue;
                }

                var address = Pack(f, row);
                if (function.KeysAreUnique)
                {
                    table.AddNew(KeyHashing.Hash(key), address);
                }
                else
                {
                    table.Set(key, KeyHashing.Hash(key), address, ref reader);
                }
            }
        }

        return new RowKeyIndex(fragments, function, table, null, null);
    }

    /// <summary>The packed address of the live row holding <paramref name="key"/>, or <see cref="AddressHashTable.NotFound"/>.</summary>
    public long Find(ReadOnlySpan<byte> key) => Find(key, KeyHashing.Hash(key));

    /// <summary>The packed address of the live row holding <paramref name="key"/> (with its precomputed hash).</summary>
    public long Find(ReadOnlySpan<byte> key, uint hash)
    {
        var reader = new Reader(_fragments, _function, _scratch);
        var value = _recent?.Find(key, hash, ref reader) ?? AddressHashTable.NotFound;
        if (value == AddressHashTable.NotFound && _frozen is not null)
        {
            value = _frozen.Find(key, hash, ref reader);
        }

        if (value != AddressHashTable.NotFound)
        {
            return (value & AddressHashTable.TombstoneFlag) != 0 ? AddressHashTable.NotFound : value;
        }

        return _base.Find(key, hash, ref reader);
    }

    /// <summary>
    /// The index of the next version: <paramref name="removed"/> rows (of the parent) lose their keys unless another row
    /// took them, then <paramref name="added"/> rows (final rows of the write) take theirs. Folds into a new base when the
    /// overlay grows too large.
    /// </summary>
    public RowKeyIndex With(FragmentData[] fragments, DeletionMask[] masks, ReadOnlySpan<long> removed, ReadOnlySpan<long> added)
    {
        // A recent overlay past its limit is merged into a new frozen one first (a copy of the frozen overlay once per
        // RecentLimit changed keys, not per version); this version then copies only the recent overlay it starts from.
        var (frozen, recent) = _recent is { Count: >= RecentLimit } ? (MergedFrozen(fragments), null) : (_frozen, _recent);
        var overlay = recent?.Clone() ?? new AddressHashTable(removed.Length + added.Length);
        var next = new RowKeyIndex(fragments, _function, _base, frozen, overlay);
        var scratch = new ByteScratch();
        var reader = new Reader(fragments, _function, next._scratch);
        foreach (var address in removed)
        {
            if (TryKeyAt(fragments, address, scratch, out var key))
            {
                var hash = KeyHashing.Hash(key);
                if (next.Find(key, hash) == address)
                {
                    overlay.Set(key, hash, address | AddressHashTable.TombstoneFlag, ref reader);
                }
            }
        }

        foreach (var address in added)
        {
            if (TryKeyAt(fragments, address, scratch, out var key))
            {
                overlay.Set(key, KeyHashing.Hash(key), address, ref reader);
            }
        }

        return next.OverlayCount > FoldThreshold(_base.Count) ? Build(fragments, masks, _function) : next;
    }

    /// <summary>The keys changed since the base past which the overlays are folded into a fresh base.</summary>
    internal static int FoldThreshold(int baseCount) => Math.Max(4096, Math.Min(baseCount / 32, 65536));

    /// <summary>
    /// Most keys in the overlay each version copies (a version's own changes may take it past this once): what a small
    /// write copies whatever the table's size.
    /// </summary>
    internal const int RecentLimit = 1024;

    /// <summary>The frozen overlay with the recent one's entries applied over it (a new table: older versions keep theirs).</summary>
    private AddressHashTable MergedFrozen(FragmentData[] fragments)
    {
        var merged = _frozen?.Clone() ?? new AddressHashTable(_recent!.Count);
        var reader = new Reader(fragments, _function, new ByteScratch());
        var scratch = new ByteScratch();
        _recent!.ForEachEntry((hash, value) =>
        {
            // The key is read into its own scratch: the reader's is overwritten by the comparisons inside Set.
            if (TryKeyAt(fragments, value & ~AddressHashTable.TombstoneFlag, scratch, out var key))
            {
                merged.Set(key, hash, value, ref reader);
            }
        });
        return merged;
    }

    private bool TryKeyAt(FragmentData[] fragments, long address, ByteScratch scratch, out ReadOnlySpan<byte> key) =>
        _function.TryGetKey(fragments[(int)(address >> 32)], (int)(uint)address, scratch, out key);

    private static long Pack(int fragment, int row) => ((long)fragment << 32) | (uint)row;

    /// <summary>Reads stored keys: the value's row, tombstone flag stripped.</summary>
    private readonly struct Reader(FragmentData[] fragments, RowKeyFunction function, ByteScratch scratch) : IRowKeyReader
    {
        public ReadOnlySpan<byte> KeyOf(long value)
        {
            var address = value & ~AddressHashTable.TombstoneFlag;
            return function.TryGetKey(fragments[(int)(address >> 32)], (int)(uint)address, scratch, out var key) ? key : default;
        }
    }
}

using OmniGraph.Arrow;
using OmniGraph.Arrow.Hashing;

namespace OmniGraph.Tables.Versions;

/// <summary>
/// What a table grain keeps of a fragment a write staged, instead of its rows: the fragment without its rows, the
/// batch's schema (checked against the table's layout at prepare), and what an overwrite needs to find an id repeated
/// within the write: the sorted 64-bit hashes of its ids (<see cref="Indexes.RepeatedHashFinder"/>), eight bytes a row
/// instead of the row. Ids minted by the intake (ULIDs, monotonic within a process) arrive strictly ascending: fragments
/// whose ids ascend and whose ranges [first, last] do not overlap hold no id twice, whatever order they arrive in, so
/// their hashes are dropped (<see cref="TransactionStaging.Keep"/>). So a fragment whose ids ascend is digested without
/// hashing them (a load's edge fragments: a hash per row and a sort, thrown away); the few that keep hashes get them at
/// <see cref="TransactionStaging.Keep"/>, from the rows still at hand, or at prepare, read back.
/// </summary>
internal sealed class StagedFragmentDigest
{
    private StagedFragmentDigest(FragmentData fragment, ArrowSchema schema, ulong[]? idHashes, byte[] firstId, byte[] lastId)
    {
        Fragment = fragment;
        Schema = schema;
        IdHashes = idHashes;
        FirstId = firstId;
        LastId = lastId;
    }

    /// <summary>The fragment (not resident when it was staged; resident for a batch that travels with the commit).</summary>
    public FragmentData Fragment { get; }

    /// <summary>The schema of the staged batch.</summary>
    public ArrowSchema Schema { get; }

    /// <summary>XXH64 of every row's id, ascending; <c>null</c> when the ids ascend (until <see cref="WithHashes"/>) or once dropped.</summary>
    public ulong[]? IdHashes { get; }

    /// <summary>Whether the ids are strictly ascending (bytewise).</summary>
    public bool IdsAscend { get; private init; }

    /// <summary>The first row's id.</summary>
    public byte[] FirstId { get; }

    /// <summary>The last row's id.</summary>
    public byte[] LastId { get; }

    /// <summary>
    /// Digests a resident fragment; <paramref name="keepRows"/> keeps it resident, else only its identity is kept. The id
    /// hashes are computed only when the ids do not ascend.
    /// </summary>
    public static StagedFragmentDigest Compute(FragmentData fragment, bool keepRows)
    {
        var ids = fragment.Ids;
        var ascending = true;
        for (var row = 1; row < fragment.Rows && ascending; row++)
        {
            ascending = ids.GetBytes(row).SequenceCompareTo(ids.GetBytes(row - 1)) > 0;
        }

        var kept = keepRows ? fragment : fragment.WithoutRows();
        var first = fragment.Rows == 0 ? [] : ids.GetBytes(0).ToArray();
        var last = fragment.Rows == 0 ? [] : ids.GetBytes(fragment.Rows - 1).ToArray();
        return new StagedFragmentDigest(kept, fragment.Batch.Schema, ascending ? null : HashIds(fragment), first, last) { IdsAscend = ascending };
    }

    /// <summary>This digest without its hashes (its ids ascend and no other fragment's range overlaps theirs).</summary>
    public StagedFragmentDigest WithoutHashes() => new(Fragment, Schema, null, FirstId, LastId) { IdsAscend = IdsAscend };

    /// <summary>This digest with the hashes of <paramref name="rows"/>, the fragment's rows (when it has none yet).</summary>
    public StagedFragmentDigest WithHashes(FragmentData rows) =>
        IdHashes is not null ? this : new(Fragment, Schema, HashIds(rows), FirstId, LastId) { IdsAscend = IdsAscend };

    /// <summary>Whether the ranges of ascending ids of <paramref name="digests"/> are pairwise disjoint (then no id repeats).</summary>
    public static bool RangesAreDisjoint(IReadOnlyList<StagedFragmentDigest> digests)
    {
        var sorted = digests.OrderBy(static d => d.FirstId, ByteOrder.Instance).ToArray();
        for (var i = 0; i < sorted.Length; i++)
        {
            if (!sorted[i].IdsAscend || (i > 0 && sorted[i].FirstId.AsSpan().SequenceCompareTo(sorted[i - 1].LastId) <= 0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Bytewise order of ids.</summary>
    internal sealed class ByteOrder : IComparer<byte[]>
    {
        public static ByteOrder Instance { get; } = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }

    /// <summary>The sorted XXH64 of every row's id.</summary>
    public static ulong[] HashIds(FragmentData fragment)
    {
        var ids = fragment.Ids;
        var hashes = new ulong[fragment.Rows];
        for (var row = 0; row < hashes.Length; row++)
        {
            hashes[row] = XxHash64.Hash(ids.GetBytes(row));
        }

        Array.Sort(hashes);
        return hashes;
    }
}

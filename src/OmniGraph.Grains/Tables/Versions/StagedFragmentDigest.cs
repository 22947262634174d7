using OmniGraph.Arrow;
using OmniGraph.Arrow.Hashing;

namespace OmniGraph.Grains.Tables.Versions;

/// <summary>
/// What a table grain keeps of a fragment a write staged, instead of its rows: the fragment without its rows, the
/// batch's schema (checked against the table's layout at prepare), and what an overwrite needs to find an id repeated
/// within the write. Ids minted by the intake (ULIDs, monotonic within a process) arrive strictly ascending: then the
/// first and last id are enough, since a chain of ascending fragments, each starting above the last one's end, holds
/// no id twice. Other ids keep their sorted 64-bit hashes (<see cref="Indexes.RepeatedHashFinder"/>), eight bytes a row
/// instead of the row.
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

    /// <summary>XXH64 of every row's id, ascending; <c>null</c> when the ids themselves are strictly ascending.</summary>
    public ulong[]? IdHashes { get; }

    /// <summary>The first row's id.</summary>
    public byte[] FirstId { get; }

    /// <summary>The last row's id.</summary>
    public byte[] LastId { get; }

    /// <summary>Digests a resident fragment; <paramref name="keepRows"/> keeps it resident, else only its identity is kept.</summary>
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
        return new StagedFragmentDigest(kept, fragment.Batch.Schema, ascending ? null : HashIds(fragment), first, last);
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

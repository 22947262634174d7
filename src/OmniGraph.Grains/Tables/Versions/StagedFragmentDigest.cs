using OmniGraph.Arrow;
using OmniGraph.Arrow.Hashing;

namespace OmniGraph.Grains.Tables.Versions;

/// <summary>
/// What a table grain keeps of a fragment a write staged, instead of its rows: the fragment without its rows, the
/// batch's schema (checked against the table's layout at prepare), and the sorted 64-bit hashes of its ids, which is
/// all an overwrite needs to find an id repeated within the write (<see cref="Indexes.RepeatedHashFinder"/>). Eight bytes
/// a row instead of the row: a ten-million-edge load keeps 80 MB of hashes, not its 600 MB of columns.
/// </summary>
internal sealed class StagedFragmentDigest
{
    private StagedFragmentDigest(FragmentData fragment, ArrowSchema schema, ulong[] idHashes)
    {
        Fragment = fragment;
        Schema = schema;
        IdHashes = idHashes;
    }

    /// <summary>The fragment (not resident when it was staged; resident for a batch that travels with the commit).</summary>
    public FragmentData Fragment { get; }

    /// <summary>The schema of the staged batch.</summary>
    public ArrowSchema Schema { get; }

    /// <summary>XXH64 of every row's id, ascending.</summary>
    public ulong[] IdHashes { get; }

    /// <summary>Digests a resident fragment; <paramref name="keepRows"/> keeps it resident, else only its identity is kept.</summary>
    public static StagedFragmentDigest Compute(FragmentData fragment, bool keepRows)
    {
        var ids = fragment.Ids;
        var hashes = new ulong[fragment.Rows];
        for (var row = 0; row < hashes.Length; row++)
        {
            hashes[row] = XxHash64.Hash(ids.GetBytes(row));
        }

        Array.Sort(hashes);
        return new StagedFragmentDigest(keepRows ? fragment : fragment.WithoutRows(), fragment.Batch.Schema, hashes);
    }
}

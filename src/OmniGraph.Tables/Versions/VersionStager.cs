using System.Text;
using OmniGraph.Abstractions;
using OmniGraph.Tables.Indexes;

namespace OmniGraph.Tables.Versions;

/// <summary>
/// Works out the next version of a table from a base version and a write: its fragment list, deletion masks, which rows
/// it removes and adds (for the incremental indexes) and the counts. Pure computation over the base's warm indexes:
/// cost follows the write, not the table.
/// </summary>
internal static class VersionStager
{
    /// <summary>The computed version.</summary>
    /// <param name="Fragments">The new version's fragments (the base's, then the write's; only the write's for an overwrite).</param>
    /// <param name="Masks">Each fragment's deletion mask.</param>
    /// <param name="MaskChanged">Which masks differ from the base's (they get a new deletion vector object).</param>
    /// <param name="Removed">Base rows removed (replaced or deleted), as packed addresses.</param>
    /// <param name="Added">The write's final rows (repeated ids keep the last row), as packed addresses.</param>
    /// <param name="Inserted">Rows with ids the base did not hold.</param>
    /// <param name="Replaced">Base rows replaced by a row with the same id.</param>
    /// <param name="Deleted">Base rows deleted (by id, or dropped by an overwrite).</param>
    /// <param name="ExtendsBase">Whether the fragment list extends the base's (so its indexes can be carried over).</param>
    /// <param name="RemovedIds">Ids live in the base and absent afterwards (deleted, or dropped by an overwrite).</param>
    internal sealed record Plan(
        FragmentData[] Fragments,
        DeletionMask[] Masks,
        bool[] MaskChanged,
        long[] Removed,
        long[] Added,
        long Inserted,
        long Replaced,
        long Deleted,
        bool ExtendsBase,
        DistinctKeyCollector RemovedIds);

    /// <summary>Plans the next version.</summary>
    /// <param name="table">The table key (for messages).</param>
    /// <param name="baseView">The version the write is prepared against.</param>
    /// <param name="written">The write's fragments, in row order.</param>
    /// <param name="mode">How the rows apply.</param>
    /// <param name="deleteIds">Ids to delete from the base.</param>
    /// <param name="repeatedId">The error for an id repeated within an insert or overwrite (a key conflict, or a <c>@key</c> unique violation).</param>
    /// <exception cref="OmniGraphException">Code <c>key_conflict</c>: A strict insert of a live id.</exception>
    public static Plan Build(string table, TableVersionView baseView, IReadOnlyList<FragmentData> written, TableWriteMode mode, KeyBatch? deleteIds, Func<string, Exception> repeatedId)
    {
        return mode == TableWriteMode.Overwrite
            ? Overwrite(baseView, written, repeatedId)
            : Extend(table, baseView, written, mode, deleteIds, repeatedId);
    }

    private static Plan Overwrite(TableVersionView baseView, IReadOnlyList<FragmentData> written, Func<string, Exception> repeatedId)
    {
        var fragments = written.ToArray();
        var masks = new DeletionMask[fragments.Length];
        Array.Fill(masks, DeletionMask.None);
        var seen = new AddressHashTable(CountRows(fragments));
        var reader = new IdReader(fragments);
        var added = new List<long>();
        for (var f = 0; f < fragments.Length; f++)
        {
            var ids = fragments[f].Ids;
            for (var row = 0; row < ids.Length; row++)
            {
                var id = ids.GetBytes(row);
                var hash = KeyHashing.Hash(id);
                if (seen.Find(id, hash, ref reader) != AddressHashTable.NotFound)
                {
                    throw repeatedId(Encoding.UTF8.GetString(id));
                }

                var address = Pack(f, row);
                seen.AddNew(hash, address);
                added.Add(address);
            }
        }

        // Every base id the new rows do not hold again is gone: edges pointing at it must go too.
        var removedIds = new DistinctKeyCollector();
        for (var f = 0; f < baseView.Fragments.Length; f++)
        {
            var ids = baseView.Fragments[f].Ids;
            var mask = baseView.Masks[f];
            for (var row = 0; row < ids.Length; row++)
            {
                var id = ids.GetBytes(row);
                if (!mask.IsDeleted(row) && seen.Find(id, KeyHashing.Hash(id), ref reader) == AddressHashTable.NotFound)
                {
                    removedIds.Add(id);
                }
            }
        }

        return new Plan(fragments, masks, new bool[fragments.Length], [], [.. added], added.Count, 0, baseView.RowCount, ExtendsBase: false, removedIds);
    }

    private static Plan Extend(string table, TableVersionView baseView, IReadOnlyList<FragmentData> written, TableWriteMode mode, KeyBatch? deleteIds, Func<string, Exception> repeatedId)
    {
        var baseCount = baseView.Fragments.Length;
        var fragments = new FragmentData[baseCount + written.Count];
        baseView.Fragments.CopyTo(fragments, 0);
        for (var i = 0; i < written.Count; i++)
        {
            fragments[baseCount + i] = written[i];
        }

        var keys = baseView.Keys;
        var removed = new List<long>();
        var removedSet = new HashSet<long>();
        long deleted = 0;
        if (deleteIds is not null)
        {
            for (var i = 0; i < deleteIds.Count; i++)
            {
                var address = keys.Find(deleteIds[i]);
                if (address != AddressHashTable.NotFound && removedSet.Add(address))
                {
                    removed.Add(address);
                    deleted++;
                }
            }
        }

        var seen = new AddressHashTable(CountRows(written));
        var reader = new IdReader(fragments);
        var added = new List<long>();
        var superseded = new HashSet<long>();
        long inserted = 0;
        long replaced = 0;
        for (var f = baseCount; f < fragments.Length; f++)
        {
            var ids = fragments[f].Ids;
            for (var row = 0; row < ids.Length; row++)
            {
                var id = ids.GetBytes(row);
                var hash = KeyHashing.Hash(id);
                var address = Pack(f, row);
                var previous = seen.Find(id, hash, ref reader);
                if (previous != AddressHashTable.NotFound)
                {
                    if (mode == TableWriteMode.Insert)
                    {
                        throw repeatedId(Encoding.UTF8.GetString(id));
                    }

                    // Upsert: the last row with an id wins; the earlier one is dropped by its fragment's mask.
                    superseded.Add(previous);
                    seen.Set(id, hash, address, ref reader);
                }
                else
                {
                    seen.AddNew(hash, address);
                    var live = keys.Find(id, hash);
                    if (live != AddressHashTable.NotFound && !removedSet.Contains(live))
                    {
                        if (mode == TableWriteMode.Insert)
                        {
                            throw EngineErrors.WriteKeyConflict(table, Encoding.UTF8.GetString(id));
                        }

                        removedSet.Add(live);
                        removed.Add(live);
                        replaced++;
                    }
                    else
                    {
                        inserted++;
                    }
                }

                added.Add(address);
            }
        }

        if (superseded.Count > 0)
        {
            added.RemoveAll(superseded.Contains);
        }

        var masks = new DeletionMask[fragments.Length];
        baseView.Masks.CopyTo(masks, 0);
        for (var f = baseCount; f < fragments.Length; f++)
        {
            masks[f] = DeletionMask.None;
        }

        // Deleted ids that the write does not insert again are gone afterwards.
        var removedIds = new DistinctKeyCollector();
        foreach (var address in removed)
        {
            var id = fragments[(int)(address >> 32)].Ids.GetBytes((int)(uint)address);
            if (seen.Find(id, KeyHashing.Hash(id), ref reader) == AddressHashTable.NotFound)
            {
                removedIds.Add(id);
            }
        }

        var changed = new bool[fragments.Length];
        ApplyRemovals(fragments, masks, changed, [.. removed]);
        ApplyRemovals(fragments, masks, changed, [.. superseded]);
        return new Plan(fragments, masks, changed, [.. removed], [.. added], inserted, replaced, deleted, ExtendsBase: true, removedIds);
    }

    private static void ApplyRemovals(FragmentData[] fragments, DeletionMask[] masks, bool[] changed, List<long> addresses)
    {
        if (addresses.Count == 0)
        {
            return;
        }

        addresses.Sort();
        var start = 0;
        while (start < addresses.Count)
        {
            var fragment = (int)(addresses[start] >> 32);
            var end = start;
            while (end < addresses.Count && (int)(addresses[end] >> 32) == fragment)
            {
                end++;
            }

            var rows = new int[end - start];
            for (var i = start; i < end; i++)
            {
                rows[i - start] = (int)(uint)addresses[i];
            }

            var updated = masks[fragment].With(fragments[fragment].Rows, rows);
            changed[fragment] |= !ReferenceEquals(updated, masks[fragment]);
            masks[fragment] = updated;
            start = end;
        }
    }

    private static int CountRows(IReadOnlyList<FragmentData> fragments)
    {
        long rows = 0;
        foreach (var fragment in fragments)
        {
            rows += fragment.Rows;
        }

        return (int)Math.Min(rows, int.MaxValue / 4);
    }

    private static long Pack(int fragment, int row) => ((long)fragment << 32) | (uint)row;

    private readonly struct IdReader(FragmentData[] fragments) : IRowKeyReader
    {
        public ReadOnlySpan<byte> KeyOf(long value) => fragments[(int)(value >> 32)].Ids.GetBytes((int)(uint)value);
    }
}

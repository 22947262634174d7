using OmniGraph.Arrow.Hashing;
using OmniGraph.Ingest;
using OmniGraph.Tables.Indexes;
using OmniGraph.Tables.Versions;

namespace OmniGraph.Grains.Tables;

/// <summary>
/// An overwrite whose rows a load staged fragment by fragment (the common shape of a large load): planned from the staged
/// digests, so the table's rows never have to be in memory at once. The checks are those of
/// <see cref="VersionStager"/> and <c>CheckUnique</c> for an overwrite, with the same errors: ids and <c>@unique</c>
/// tuples repeated within the write (found on 64-bit hashes, confirmed on the keys), and the base ids the new rows do not
/// hold again.
/// </summary>
internal sealed partial class TableBranchGrain
{
    /// <summary>
    /// Digests of freshly staged fragments, run off the grain's thread. Staging calls interleave (a load keeps several in
    /// flight), so digests of one staging may run at once: the hashes are each call's own, the endpoints are shared and
    /// added under the staging's locks (one per set).
    /// </summary>
    private StagedFragmentDigest[] DigestStaged(FragmentData[] fragments, TransactionStaging staging)
    {
        var digests = new StagedFragmentDigest[fragments.Length];
        for (var i = 0; i < fragments.Length; i++)
        {
            AddEndpoints(fragments[i], staging);
            digests[i] = StagedFragmentDigest.Compute(fragments[i], keepRows: false);
        }

        return digests;
    }

    private void AddEndpoints(FragmentData fragment, TransactionStaging staging)
    {
        if (!IsEdge)
        {
            return;
        }

        lock (staging.SourcesLock)
        {
            AddDistinct(fragment.Sources!, fragment.Rows, staging.Sources);
        }

        lock (staging.TargetsLock)
        {
            AddDistinct(fragment.Targets!, fragment.Rows, staging.Targets);
        }
    }

    /// <summary>
    /// Adds a column's values to a distinct set, skipping a value equal to the row before it: edge files are usually
    /// grouped by source, so most source lookups (each a probe of a table as large as the node set) are never made.
    /// </summary>
    private static void AddDistinct(Arrow.Utf8Column column, int rows, DistinctKeyCollector distinct)
    {
        var previous = ReadOnlySpan<byte>.Empty;
        for (var row = 0; row < rows; row++)
        {
            var value = column.GetBytes(row);
            if (row > 0 && value.SequenceEqual(previous))
            {
                continue;
            }

            distinct.Add(value);
            previous = value;
        }
    }

    /// <summary>
    /// The staging whose staged fragments are exactly the delta's staged fragments (a load's session), or <c>null</c>
    /// when the delta mixes stagings or some staging was forgotten meanwhile (then the rows are read back instead).
    /// </summary>
    private TransactionStaging? StagingCovering(TableDelta delta)
    {
        if (delta.Fragments.IsDefaultOrEmpty)
        {
            return null;
        }

        var staging = _staging.Values.FirstOrDefault(s => s.Fragments.ContainsKey(delta.Fragments[0].Key));
        if (staging is null || staging.Fragments.Count != delta.Fragments.Length)
        {
            return null;
        }

        foreach (var fragment in delta.Fragments)
        {
            if (!staging.Fragments.ContainsKey(fragment.Key))
            {
                return null;
            }
        }

        return staging;
    }

    private async Task<VersionStager.Plan> PlanStagedOverwriteAsync(
        TableLayout layout,
        TableVersionView baseView,
        List<FragmentData> written,
        TransactionStaging staging,
        CancellationToken cancellationToken)
    {
        var fragments = written.ToArray();
        var digests = new StagedFragmentDigest[fragments.Length];
        long rows = 0;
        for (var f = 0; f < fragments.Length; f++)
        {
            var fragment = fragments[f];
            if (!staging.Fragments.TryGetValue(fragment.Key, out var digest))
            {
                // A batch that travels with the commit (the table's last, partial fragment): resident, digested now.
                AddEndpoints(fragment, staging);
                digest = StagedFragmentDigest.Compute(fragment, keepRows: true);
            }

            digests[f] = digest;
            rows += fragment.Rows;
        }

        // Fragments of ascending ids with disjoint ranges (as the intake mints them) hold no id twice; otherwise compare
        // hashes (read back for a fragment that dropped its own).
        if (!StagedFragmentDigest.RangesAreDisjoint(digests))
        {
            var idRuns = new List<ulong[]>(fragments.Length);
            for (var f = 0; f < fragments.Length; f++)
            {
                idRuns.Add(digests[f].IdHashes ?? StagedFragmentDigest.HashIds(await RowsOfAsync(layout, fragments[f], cancellationToken)));
            }

            var repeatedIds = RepeatedHashFinder.Find(idRuns);
            if (repeatedIds.Count > 0)
            {
                await ThrowIfRepeatedAsync(layout, fragments, IdKeyFunction.Instance, repeatedIds, (later, row, _) => RepeatedId(layout, later.Ids.GetString(row)), cancellationToken);
            }
        }

        var constraints = layout.Type.UniqueConstraints;
        for (var ordinal = 0; ordinal < constraints.Length; ordinal++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var function = UniqueFunctionOf(layout, ordinal);
            var repeated = RepeatedHashFinder.Find(await TupleRunsAsync(layout, fragments, function, cancellationToken));
            if (repeated.Count > 0)
            {
                var constraint = constraints[ordinal];
                await ThrowIfRepeatedAsync(layout, fragments, function, repeated, (later, row, firstHolder) => UniqueViolation(layout, constraint, function, later, row, firstHolder), cancellationToken);
            }
        }

        var removedIds = await RemovedByOverwriteAsync(layout, baseView, fragments, cancellationToken);
        var masks = new DeletionMask[fragments.Length];
        Array.Fill(masks, DeletionMask.None);
        return new VersionStager.Plan(fragments, masks, new bool[fragments.Length], [], [], rows, 0, baseView.RowCount, ExtendsBase: false, removedIds);
    }

    private static TupleKeyFunction UniqueFunctionOf(TableLayout layout, int ordinal)
    {
        var constraint = layout.Type.UniqueConstraints[ordinal];
        return new TupleKeyFunction([.. constraint.Columns.Select(layout.Schema.GetFieldIndex)]);
    }

    /// <summary>The sorted tuple hashes of one <c>@unique</c> constraint, per fragment (staged ones read back one at a time).</summary>
    private async Task<List<ulong[]>> TupleRunsAsync(TableLayout layout, FragmentData[] fragments, TupleKeyFunction function, CancellationToken cancellationToken)
    {
        var runs = new List<ulong[]>(fragments.Length);
        var scratch = new ByteScratch();
        foreach (var stored in fragments)
        {
            var fragment = await RowsOfAsync(layout, stored, cancellationToken);
            var hashes = new List<ulong>(fragment.Rows);
            for (var row = 0; row < fragment.Rows; row++)
            {
                if (function.TryGetKey(fragment, row, scratch, out var key))
                {
                    hashes.Add(XxHash64.Hash(key));
                }
            }

            var run = hashes.ToArray();
            Array.Sort(run);
            runs.Add(run);
        }

        return runs;
    }

    /// <summary>
    /// Confirms candidate hashes on the keys: walks the fragments in storage order (reading back only those whose
    /// rows hold a candidate hash) and throws for the first row whose key an earlier row holds, as an in-memory plan would.
    /// </summary>
    private async Task ThrowIfRepeatedAsync(
        TableLayout layout,
        FragmentData[] fragments,
        RowKeyFunction function,
        HashSet<ulong> candidates,
        Func<FragmentData, int, string, Exception> repeated,
        CancellationToken cancellationToken)
    {
        // Candidate keys seen so far, with the id of the row holding each (a collision of different keys keeps both).
        var seen = new Dictionary<ulong, List<(byte[] Key, string Id)>>();
        var scratch = new ByteScratch();
        foreach (var stored in fragments)
        {
            var fragment = await RowsOfAsync(layout, stored, cancellationToken);
            for (var row = 0; row < fragment.Rows; row++)
            {
                if (!function.TryGetKey(fragment, row, scratch, out var key))
                {
                    continue;
                }

                var hash = XxHash64.Hash(key);
                if (!candidates.Contains(hash))
                {
                    continue;
                }

                if (!seen.TryGetValue(hash, out var holders))
                {
                    holders = [];
                    seen.Add(hash, holders);
                }

                foreach (var (held, id) in holders)
                {
                    if (key.SequenceEqual(held))
                    {
                        throw repeated(fragment, row, id);
                    }
                }

                holders.Add((key.ToArray(), fragment.Ids.GetString(row)));
            }
        }
    }

    /// <summary>
    /// The base ids an overwrite drops (live in the base, held by no new row): each new fragment is probed against the
    /// base's key index one at a time. Nothing for an empty base (a first load).
    /// </summary>
    private async Task<DistinctKeyCollector> RemovedByOverwriteAsync(TableLayout layout, TableVersionView baseView, FragmentData[] fragments, CancellationToken cancellationToken)
    {
        var removed = new DistinctKeyCollector();
        if (baseView.RowCount == 0)
        {
            return removed;
        }

        var keys = baseView.Keys;
        var held = new bool[baseView.Fragments.Length][];
        for (var f = 0; f < held.Length; f++)
        {
            held[f] = new bool[baseView.Fragments[f].Rows];
        }

        foreach (var stored in fragments)
        {
            var fragment = await RowsOfAsync(layout, stored, cancellationToken);
            var ids = fragment.Ids;
            for (var row = 0; row < fragment.Rows; row++)
            {
                var address = keys.Find(ids.GetBytes(row));
                if (address != AddressHashTable.NotFound)
                {
                    held[(int)(address >> 32)][(int)(uint)address] = true;
                }
            }
        }

        for (var f = 0; f < held.Length; f++)
        {
            var ids = baseView.Fragments[f].Ids;
            var mask = baseView.Masks[f];
            for (var row = 0; row < held[f].Length; row++)
            {
                if (!held[f][row] && !mask.IsDeleted(row))
                {
                    removed.Add(ids.GetBytes(row));
                }
            }
        }

        return removed;
    }

    /// <summary>A fragment's rows: itself when resident, else read back for this use only (it stays out of memory afterwards).</summary>
    private async Task<FragmentData> RowsOfAsync(TableLayout layout, FragmentData fragment, CancellationToken cancellationToken)
    {
        if (fragment.IsResident)
        {
            return fragment;
        }

        StoredObject file;
        try
        {
            file = await _store.GetAsync(fragment.Key, cancellationToken);
        }
        catch (ObjectNotFoundException)
        {
            throw EngineErrors.InvalidWrite(_table, $"staged fragment '{fragment.Key}' does not exist");
        }

        return new FragmentData(fragment.Id, fragment.Key, FragmentFiles.Read(fragment.Key, file.Content, layout.Schema, fragment.Rows), IsEdge);
    }
}

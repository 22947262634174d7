using OmniGraph.Abstractions;
using OmniGraph.Arrow.Ipc;
using OmniGraph.Ingest;
using OmniGraph.Storage;
using OmniGraph.Tables.Storage;
using OmniGraph.Tables.Storage.Documents;

namespace OmniGraph.Tables.Versions;

/// <summary>Loads a table version from the store: its object and deletion vectors (its fragments' rows on first use, <see cref="MakeResidentAsync"/>).</summary>
internal static class VersionLoader
{
    private const int MaxParallelReads = 16;

    /// <summary>The empty version 0 of a table.</summary>
    public static TableVersionView Empty(TableVersionRef reference, TableLayout layout) =>
        new(reference, layout, reference.SchemaHash, [], [], []);

    /// <summary>
    /// Loads <paramref name="reference"/>; fragments <paramref name="cached"/> already holds, and deletion masks
    /// <paramref name="cachedMask"/> already holds, are not read again.
    /// </summary>
    /// <exception cref="CorruptObjectException">The version, a fragment or a deletion vector is missing or malformed.</exception>
    public static async Task<(TableVersionView View, TableVersionDocument Document)> LoadAsync(
        IObjectStore store,
        TableVersionRef reference,
        TableLayout layout,
        Func<string, FragmentData?> cached,
        Func<DeletionVectorDocument, DeletionMask?> cachedMask,
        CancellationToken cancellationToken = default)
    {
        var key = reference.Key ?? throw new ArgumentException("version 0 has no object", nameof(reference));
        TableVersionDocument document;
        try
        {
            document = await TableVersionChain.ResolveAsync(store, key, reference, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectNotFoundException exception)
        {
            throw new CorruptObjectException(key, "an object a table version refers to is missing", exception);
        }

        var entries = document.Fragments;
        var fragments = new FragmentData?[entries.Length];
        var masks = new DeletionMask[entries.Length];
        var vectors = new DeletionVectorDocument?[entries.Length];
        var pending = new bool[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            fragments[i] = cached(entries[i].Key);
            vectors[i] = entries[i].Deletions;
            masks[i] = DeletionMask.None;
            if (entries[i].Deletions is { } vector)
            {
                // A mask built from the same batch of the same (immutable) deletion file is this fragment's mask; a
                // count that disagrees is read (and refused) like any other.
                var known = cachedMask(vector);
                pending[i] = known is null || known.Count != vector.Count;
                masks[i] = pending[i] ? DeletionMask.None : known!;
            }
        }

        var isEdge = layout.IsEdge;

        // Deletion vectors live in deletion files shared by the fragments one version touched: read each file once,
        // and only for vectors no cached version has built a mask from.
        var deletionFiles = new Dictionary<string, ArrowFileReader?>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Length; i++)
        {
            if (pending[i])
            {
                deletionFiles[entries[i].Deletions!.Key] = null;
            }
        }

        // Fragments are not read here: the version's first read brings in what it needs (every column, or only the
        // endpoints of an edge table that only traversals read), see MakeResidentAsync.
        for (var i = 0; i < entries.Length; i++)
        {
            fragments[i] ??= new FragmentData(entries[i].Id, entries[i].Key, entries[i].Rows, isEdge);
        }

        var deletionKeys = deletionFiles.Keys.ToArray();
        var opened = new ArrowFileReader[deletionKeys.Length];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, deletionKeys.Length),
            new ParallelOptions { MaxDegreeOfParallelism = MaxParallelReads, CancellationToken = cancellationToken },
            async (n, token) => opened[n] = DeletionVectorFiles.Open(deletionKeys[n], await GetReferencedAsync(store, deletionKeys[n], token).ConfigureAwait(false))).ConfigureAwait(false);

        for (var i = 0; i < deletionKeys.Length; i++)
        {
            deletionFiles[deletionKeys[i]] = opened[i];
        }

        for (var i = 0; i < entries.Length; i++)
        {
            if (pending[i] && entries[i].Deletions is { } deletions)
            {
                var rows = DeletionVectorFiles.Read(deletions.Key, deletionFiles[deletions.Key]!, deletions.Batch, entries[i].Rows, deletions.Count);
                masks[i] = DeletionMask.FromRows(entries[i].Rows, rows.Values);
            }
        }

        return (new TableVersionView(reference, layout, document.SchemaHash, fragments!, masks, vectors) { ChainDepth = document.Depth }, document);
    }

    /// <summary>
    /// Reads back the fragments of <paramref name="fragments"/> that are not resident (a version a large write staged),
    /// in parallel, and makes them resident.
    /// </summary>
    /// <exception cref="CorruptObjectException">A fragment is missing or malformed.</exception>
    /// <param name="store">The store.</param>
    /// <param name="fragments">The fragments.</param>
    /// <param name="layout">The table's layout.</param>
    /// <param name="endpointsOnly">Bring in only the endpoint columns of edge fragments (what traversals read).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public static async Task MakeResidentAsync(IObjectStore store, IReadOnlyList<FragmentData> fragments, TableLayout layout, bool endpointsOnly = false, CancellationToken cancellationToken = default)
    {
        var missing = fragments.Where(f => endpointsOnly ? !f.HasEndpoints : !f.IsResident).Distinct().ToArray();
        if (missing.Length == 0)
        {
            // The common case of a small write (its rows are resident): no parallel loop, no hop off the caller's turn.
            return;
        }

        var batches = new Arrow.RecordBatch[missing.Length];
        var endpoints = new (Arrow.Utf8Column Sources, Arrow.Utf8Column Targets)[missing.Length];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, missing.Length),
            new ParallelOptions { MaxDegreeOfParallelism = MaxParallelReads, CancellationToken = cancellationToken },
            async (n, token) =>
            {
                var fragment = missing[n];
                var file = await GetReferencedAsync(store, fragment.Key, token).ConfigureAwait(false);
                var batch = FragmentFiles.Read(fragment.Key, file, layout.Schema, fragment.Rows);

                // Endpoints are copied out at once, so no more than the reads in flight hold whole files.
                if (endpointsOnly)
                {
                    endpoints[n] = FragmentData.EndpointsOf(batch);
                }
                else
                {
                    batches[n] = batch;
                }
            });

        // Back on the caller's turn (no ConfigureAwait(false) above), and only once every read succeeded: a failed read
        // leaves nothing half-resident, and no reader of the grain sees a fragment change under it.
        for (var n = 0; n < missing.Length; n++)
        {
            if (endpointsOnly)
            {
                missing[n].LoadEndpoints(endpoints[n]);
            }
            else if (!missing[n].IsResident)
            {
                missing[n].Load(batches[n]);
            }
        }
    }

    /// <summary>Reads an object a published object refers to: missing means corruption, not absence.</summary>
    private static async Task<ReadOnlyMemory<byte>> GetReferencedAsync(IObjectStore store, string key, CancellationToken cancellationToken)
    {
        try
        {
            return (await store.GetAsync(key, cancellationToken).ConfigureAwait(false)).Content;
        }
        catch (ObjectNotFoundException exception)
        {
            throw new CorruptObjectException(key, "an object a table version refers to is missing", exception);
        }
    }
}

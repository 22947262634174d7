using OmniGraph.Arrow.Ipc;
using OmniGraph.Engine;
using OmniGraph.Grains.Storage;
using OmniGraph.Grains.Storage.Documents;
using OmniGraph.Ingest;
using OmniGraph.Storage;

namespace OmniGraph.Grains.Tables.Versions;

/// <summary>Loads a table version from the store: its object, then its fragments and deletion vectors in parallel.</summary>
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
        var bytes = await GetReferencedAsync(store, key, cancellationToken).ConfigureAwait(false);
        var document = StoredDocuments.ReadTableVersion(key, bytes.Span, reference);
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

        var fragmentReads = new List<int>();
        for (var i = 0; i < entries.Length; i++)
        {
            if (fragments[i] is null)
            {
                fragmentReads.Add(i);
            }
        }

        var deletionKeys = deletionFiles.Keys.ToArray();
        var opened = new ArrowFileReader[deletionKeys.Length];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, fragmentReads.Count + deletionKeys.Length),
            new ParallelOptions { MaxDegreeOfParallelism = MaxParallelReads, CancellationToken = cancellationToken },
            async (n, token) =>
            {
                if (n < fragmentReads.Count)
                {
                    var entry = entries[fragmentReads[n]];
                    var file = await GetReferencedAsync(store, entry.Key, token).ConfigureAwait(false);
                    fragments[fragmentReads[n]] = new FragmentData(entry.Id, entry.Key, FragmentFiles.Read(entry.Key, file, layout.Schema, entry.Rows), isEdge);
                }
                else
                {
                    var deletionKey = deletionKeys[n - fragmentReads.Count];
                    opened[n - fragmentReads.Count] = DeletionVectorFiles.Open(deletionKey, await GetReferencedAsync(store, deletionKey, token).ConfigureAwait(false));
                }
            }).ConfigureAwait(false);

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

        return (new TableVersionView(reference, layout, document.SchemaHash, fragments!, masks, vectors), document);
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

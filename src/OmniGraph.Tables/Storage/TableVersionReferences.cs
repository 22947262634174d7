using OmniGraph.Tables.Storage.Documents;

namespace OmniGraph.Tables.Storage;

/// <summary>
/// What a stored table version needs besides its own object: the one place that knows how a table version document
/// names the objects it reads. Everything that decides whether an object is still needed (cleanup, the reclaim of a
/// deleted branch, recovery status's unreferenced objects, repair) and everything that checks them (repair) asks here,
/// so a change of the table version format changes this file only.
/// </summary>
internal static class TableVersionReferences
{
    /// <summary>
    /// Every object key the resolved <paramref name="document"/> reads: its fragments and their deletion files, and the
    /// earlier version objects a delta is resolved through (each once). Cleanup keeps them all for a kept version.
    /// </summary>
    public static IEnumerable<string> ObjectsOf(TableVersionDocument document) =>
        ChecksOf(document).Select(static o => o.Key).Distinct(StringComparer.Ordinal);

    /// <summary>Adds every object key <paramref name="document"/> reads to <paramref name="keys"/>.</summary>
    public static void AddObjectsOf(TableVersionDocument document, ISet<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in ObjectsOf(document))
        {
            keys.Add(key);
        }
    }

    /// <summary>
    /// Every object <paramref name="document"/> reads, each with the check its bytes must pass to be what the version
    /// says (a fragment: its checksum, one record batch, the row count; a deletion file: its checksum, the vector, its
    /// order, range and count; an earlier version object a delta stands on: a table version stored under its key). A
    /// deletion file shared by several fragments is listed once per vector it holds for them.
    /// </summary>
    public static IEnumerable<ReferencedObject> ChecksOf(TableVersionDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var link in document.Links)
        {
            yield return new ReferencedObject(link, ReferencedObject.TableVersion, bytes => StoredDocuments.ReadListedTableVersion(link, bytes.Span));
        }

        foreach (var check in document.Fragments.SelectMany(FragmentChecksOf))
        {
            yield return check;
        }
    }

    /// <summary>
    /// What a delta adds itself, each with its check: its added fragments and their vectors. Its replaced vectors are
    /// listed with only the checksum and format check (their fragments' row counts are in the versions below it). Repair
    /// asks here for deltas above an unreadable link.
    /// </summary>
    public static IEnumerable<ReferencedObject> OwnChecksOf(TableVersionDeltaDocument delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        return delta.Added.SelectMany(FragmentChecksOf).Concat(delta.Replaced.Select(static r =>
            new ReferencedObject(r.Deletions.Key, ReferencedObject.DeletionFile, bytes => DeletionVectorFiles.Open(r.Deletions.Key, bytes))));
    }

    private static IEnumerable<ReferencedObject> FragmentChecksOf(FragmentEntryDocument fragment)
    {
        yield return new ReferencedObject(fragment.Key, ReferencedObject.Fragment, bytes => FragmentFiles.Verify(fragment.Key, bytes, fragment.Rows));
        if (fragment.Deletions is { } deletions)
        {
            yield return new ReferencedObject(
                deletions.Key,
                ReferencedObject.DeletionFile,
                bytes => DeletionVectorFiles.Read(deletions.Key, bytes, deletions.Batch, fragment.Rows, deletions.Count));
        }
    }

    /// <summary>
    /// The objects one version object names itself, without resolving it: all its fragments and deletion files when it is
    /// full; when it is a delta, the fragments it adds and the deletion files it writes (what it inherits, its parents
    /// name). The reclaim of a deleted branch, which removes every version object of the chain, asks here.
    /// </summary>
    public static IEnumerable<string> OwnObjectsOf(StoredTableVersion stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.Full is { } full)
        {
            return ObjectsOf(full);
        }

        var delta = stored.Delta!;
        return delta.Added.SelectMany(static f => f.Deletions is { } d ? new[] { f.Key, d.Key } : [f.Key])
            .Concat(delta.Replaced.Select(static r => r.Deletions.Key))
            .Distinct(StringComparer.Ordinal);
    }
}

using OmniGraph.Tables.Storage.Documents;

namespace OmniGraph.Tables.Storage;

/// <summary>
/// What a stored table version needs besides its own object: the one place that knows how a table version document
/// names the objects it reads. Everything that decides whether an object is still needed (cleanup, the reclaim of a
/// deleted branch, recovery status's unreferenced objects, repair) asks here, so a change of the table version format
/// changes this function only.
/// </summary>
internal static class TableVersionReferences
{
    /// <summary>Every object key <paramref name="document"/> reads: its fragments and their deletion files (each once).</summary>
    public static IEnumerable<string> ObjectsOf(TableVersionDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fragment in document.Fragments)
        {
            if (seen.Add(fragment.Key))
            {
                yield return fragment.Key;
            }

            if (fragment.Deletions is { } deletions && seen.Add(deletions.Key))
            {
                yield return deletions.Key;
            }
        }
    }

    /// <summary>Adds every object key <paramref name="document"/> reads to <paramref name="keys"/>.</summary>
    public static void AddObjectsOf(TableVersionDocument document, ISet<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in ObjectsOf(document))
        {
            keys.Add(key);
        }
    }
}

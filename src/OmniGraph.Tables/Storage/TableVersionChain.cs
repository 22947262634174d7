using OmniGraph.Abstractions;
using OmniGraph.Storage;
using OmniGraph.Tables.Storage.Documents;

namespace OmniGraph.Tables.Storage;

/// <summary>
/// Resolves a table version to its whole fragment list: a full version (format 1) as it is stored; a delta (format 2)
/// by walking its parent links back to the nearest full version and applying the deltas forward. Every link is checked
/// against the reference its child holds (table, chain, version, rows, schema), and every delta against what its parent
/// resolved to (the count of fragments it inherits, the positions whose vectors it replaces, its live rows), so a missing
/// or torn link is <see cref="CorruptObjectException"/> naming the object, never a different table.
/// </summary>
internal static class TableVersionChain
{
    /// <summary>
    /// Reads the version <paramref name="key"/> (named by <paramref name="expected"/>) and resolves it. Versions found in
    /// <paramref name="resolved"/> end the walk early; every version resolved on the way is added to it, so a caller that
    /// resolves many versions of one chain (cleanup, repair) reads each object once.
    /// </summary>
    /// <exception cref="ObjectNotFoundException">The version's own object does not exist (the caller says what that means).</exception>
    /// <exception cref="CorruptObjectException">It, or an object its chain needs, is malformed, missing or inconsistent.</exception>
    public static async Task<TableVersionDocument> ResolveAsync(
        IObjectStore store,
        string key,
        TableVersionRef expected,
        IDictionary<string, TableVersionDocument>? resolved = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(expected);
        var deltas = new List<(string Key, TableVersionDeltaDocument Delta)>();
        var currentKey = key;
        var currentRef = expected;
        TableVersionDocument full;
        while (true)
        {
            if (resolved is not null && resolved.TryGetValue(currentKey, out var known))
            {
                if (known.RowCount != currentRef.RowCount || !string.Equals(known.SchemaHash, currentRef.SchemaHash, StringComparison.Ordinal))
                {
                    throw new CorruptObjectException(currentKey, $"it has {known.RowCount} rows under schema {known.SchemaHash}, the reference says {currentRef.RowCount} under {currentRef.SchemaHash}");
                }

                full = known;
                break;
            }

            ReadOnlyMemory<byte> bytes;
            try
            {
                bytes = (await store.GetAsync(currentKey, cancellationToken).ConfigureAwait(false)).Content;
            }
            catch (ObjectNotFoundException exception) when (deltas.Count > 0)
            {
                throw new CorruptObjectException(currentKey, $"the parent that table version '{deltas[^1].Key}' (a delta) stands on is missing", exception);
            }

            var stored = StoredDocuments.ReadTableVersion(currentKey, bytes.Span, currentRef);
            if (stored.Full is { } document)
            {
                full = document;
                resolved?.TryAdd(currentKey, full);
                break;
            }

            var delta = stored.Delta!;
            if (deltas.Count > 0 && delta.Depth != deltas[^1].Delta.Depth - 1)
            {
                throw new CorruptObjectException(deltas[^1].Key, $"it says it stands {deltas[^1].Delta.Depth} deltas from a full version, its parent '{currentKey}' says {delta.Depth}");
            }

            deltas.Add((currentKey, delta));
            currentRef = StoredDocuments.ToRef(delta.Parent);
            currentKey = currentRef.Key!;
        }

        if (deltas.Count > 0 && deltas[^1].Delta.Depth != full.Depth + 1)
        {
            throw new CorruptObjectException(deltas[^1].Key, $"it says it stands {deltas[^1].Delta.Depth} deltas from a full version, but its parent '{currentKey}' is at depth {full.Depth}");
        }

        for (var i = deltas.Count - 1; i >= 0; i--)
        {
            var (deltaKey, delta) = deltas[i];
            full = Apply(deltaKey, delta, currentKey, full);
            resolved?.TryAdd(deltaKey, full);
            currentKey = deltaKey;
        }

        return full;
    }

    /// <summary>The version <paramref name="delta"/> describes over its resolved parent.</summary>
    /// <exception cref="CorruptObjectException">The delta does not fit its parent (a torn link).</exception>
    public static TableVersionDocument Apply(string key, TableVersionDeltaDocument delta, string parentKey, TableVersionDocument parent)
    {
        ArgumentNullException.ThrowIfNull(delta);
        ArgumentNullException.ThrowIfNull(parent);
        var inherited = parent.Fragments;
        if (delta.Inherited != inherited.Length)
        {
            throw new CorruptObjectException(key, $"it inherits {delta.Inherited} fragments, its parent '{parentKey}' has {inherited.Length}");
        }

        var fragments = new FragmentEntryDocument[inherited.Length + delta.Added.Length];
        Array.Copy(inherited, fragments, inherited.Length);
        foreach (var replacement in delta.Replaced)
        {
            var fragment = inherited[replacement.Fragment];
            if (replacement.Deletions.Count > fragment.Rows)
            {
                throw new CorruptObjectException(key, $"inherited fragment {fragment.Id} deletes {replacement.Deletions.Count} of {fragment.Rows} rows");
            }

            fragments[replacement.Fragment] = new FragmentEntryDocument { Id = fragment.Id, Key = fragment.Key, Rows = fragment.Rows, Deletions = replacement.Deletions };
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fragment in inherited)
        {
            ids.Add(fragment.Id);
        }

        long live = 0;
        for (var i = 0; i < fragments.Length; i++)
        {
            if (i >= inherited.Length)
            {
                fragments[i] = delta.Added[i - inherited.Length];
                if (!ids.Add(fragments[i].Id))
                {
                    throw new CorruptObjectException(key, $"it adds fragment {fragments[i].Id}, which its parent already has");
                }
            }

            live += fragments[i].Rows - (fragments[i].Deletions?.Count ?? 0);
        }

        if (live != delta.RowCount)
        {
            throw new CorruptObjectException(key, $"row_count {delta.RowCount} disagrees with its fragments over its parent ({live} live rows)");
        }

        return new TableVersionDocument
        {
            Format = delta.Format,
            Table = delta.Table,
            TableId = delta.TableId,
            Branch = delta.Branch,
            BranchIncarnation = delta.BranchIncarnation,
            Version = delta.Version,
            Tx = delta.Tx,
            SchemaHash = delta.SchemaHash,
            Parent = delta.Parent,
            RowCount = delta.RowCount,
            Fragments = fragments,
            Depth = delta.Depth,
            Links = [parentKey, .. parent.Links],
        };
    }
}

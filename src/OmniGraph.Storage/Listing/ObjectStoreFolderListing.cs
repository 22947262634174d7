namespace OmniGraph.Storage;

/// <summary>Lists the folders under a prefix of any store: by hierarchy where the backend can (<see cref="IObjectStoreFolders"/>), else by reading every key.</summary>
public static class ObjectStoreFolderListing
{
    /// <summary>
    /// The distinct next key segments under <paramref name="prefix"/> (empty, or ending with <c>'/'</c>) of
    /// <paramref name="store"/>, sorted ordinally. A <see cref="PrefixedObjectStore"/> view is listed through its inner
    /// store; a store without <see cref="IObjectStoreFolders"/> is listed in full.
    /// </summary>
    public static async ValueTask<IReadOnlyList<string>> ListFoldersAsync(this IObjectStore store, string prefix = "", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ObjectKey.ValidatePrefix(prefix);
        switch (store)
        {
            case IObjectStoreFolders folders:
                return await folders.ListFoldersAsync(prefix, cancellationToken).ConfigureAwait(false);
            case PrefixedObjectStore view:
                return await view.Inner.ListFoldersAsync(view.Prefix + prefix, cancellationToken).ConfigureAwait(false);
        }

        var found = new SortedSet<string>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var page = await store.ListAsync(prefix, token, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var entry in page.Objects)
            {
                var slash = entry.Key.IndexOf('/', prefix.Length);
                if (slash > prefix.Length)
                {
                    found.Add(entry.Key[prefix.Length..slash]);
                }
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
        return [.. found];
    }
}

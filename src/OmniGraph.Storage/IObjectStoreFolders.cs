namespace OmniGraph.Storage;

/// <summary>
/// A store that can list the "folders" directly under a prefix (the distinct next key segments) without reading every
/// key below them: what a server needs to find the graphs under a root in a store holding millions of objects. Azure
/// Blob lists by hierarchy; a store without it is listed in full.
/// </summary>
public interface IObjectStoreFolders
{
    /// <summary>The names of the next key segments under <paramref name="prefix"/> (empty, or ending with <c>'/'</c>) that have objects below them, sorted ordinally.</summary>
    /// <exception cref="OmniGraphException">Code <c>invalid_object_key</c>: the prefix is invalid; <c>store_unavailable</c>: the backend failed.</exception>
    ValueTask<IReadOnlyList<string>> ListFoldersAsync(string prefix, CancellationToken cancellationToken = default);
}

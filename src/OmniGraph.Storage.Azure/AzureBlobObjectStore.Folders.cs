using Azure;
using Azure.Storage.Blobs.Models;

namespace OmniGraph.Storage.Azure;

public sealed partial class AzureBlobObjectStore : IObjectStoreFolders
{
    /// <inheritdoc />
    /// <remarks>List Blobs by hierarchy (delimiter <c>/</c>): one request per page of folders, never one per object below them.</remarks>
    public async ValueTask<IReadOnlyList<string>> ListFoldersAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.List, ObjectStoreMetrics.AzureBlobBackend);
        ObjectKey.ValidatePrefix(prefix);
        var folders = new List<string>();
        var attempts = new RequestAttempts();
        try
        {
            using (attempts.Track())
            {
                var options = new GetBlobsByHierarchyOptions { Delimiter = "/", Prefix = prefix.Length == 0 ? null : prefix };
                await foreach (var item in _container.GetBlobsByHierarchyAsync(options, cancellationToken).ConfigureAwait(false))
                {
                    if (item.IsPrefix)
                    {
                        folders.Add(item.Prefix[prefix.Length..].TrimEnd('/'));
                    }
                }
            }
        }
        catch (RequestFailedException exception) when (BlobFailures.IsContainerNotFound(exception))
        {
            return [];
        }
        catch (Exception exception) when (BlobFailures.IsServiceFailure(exception, cancellationToken))
        {
            throw Unavailable("list", prefix, exception, attempts);
        }

        folders.Sort(StringComparer.Ordinal);
        return folders;
    }
}

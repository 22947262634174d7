using Azure;
using Azure.Storage.Blobs.Models;

namespace OmniGraph.Storage.Azure;

public sealed partial class AzureBlobObjectStore
{
    /// <inheritdoc />
    /// <remarks>
    /// One List Blobs request per page (<c>GetBlobsAsync</c> with the prefix, one page of at most
    /// <paramref name="maxResults"/>). The service may return a short page with a token; callers loop until the token is
    /// <c>null</c>. Blobs whose names are not valid keys (written by other tools) are left out and logged.
    /// </remarks>
    public async ValueTask<ObjectListPage> ListAsync(string prefix, string? continuationToken = null, int maxResults = 1000, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.List, ObjectStoreMetrics.AzureBlobBackend);
        ObjectKey.ValidatePrefix(prefix);
        OperationArguments.ValidateMaxResults(maxResults);
        var marker = continuationToken is null ? null : BlobContinuationToken.Decode(prefix, continuationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var attempts = new RequestAttempts();
        try
        {
            using (attempts.Track())
            {
                var options = new GetBlobsOptions { Prefix = prefix.Length == 0 ? null : prefix };
                await foreach (var page in _container.GetBlobsAsync(options, cancellationToken).AsPages(marker, maxResults).ConfigureAwait(false))
                {
                    NoteRetries("list", prefix, attempts);
                    var next = string.IsNullOrEmpty(page.ContinuationToken) ? null : BlobContinuationToken.Encode(prefix, page.ContinuationToken);
                    return new ObjectListPage(ToProperties(page.Values), next);
                }

                return new ObjectListPage([], null);
            }
        }
        catch (RequestFailedException exception) when (BlobFailures.IsContainerNotFound(exception))
        {
            // No container yet (nothing was ever written) or no longer: nothing to list.
            return new ObjectListPage([], null);
        }
        catch (RequestFailedException exception) when (exception.Status == 400 && marker is not null)
        {
            // The service refused the marker inside a well-formed token: it was altered, or belongs to another account.
            throw StoreErrors.InvalidContinuationToken(prefix, continuationToken!);
        }
        catch (Exception exception) when (BlobFailures.IsServiceFailure(exception, cancellationToken))
        {
            throw Unavailable("list", prefix, exception, attempts);
        }
    }

    private List<ObjectProperties> ToProperties(IReadOnlyList<BlobItem> items)
    {
        var objects = new List<ObjectProperties>(items.Count);
        foreach (var item in items)
        {
            if (ObjectKey.FindKeyViolation(item.Name) is { } violation)
            {
                AzureBlobObjectStoreLog.SkippedForeignBlob(_logger, Location, item.Name, violation);
                continue;
            }

            var properties = item.Properties;
            objects.Add(new ObjectProperties(
                item.Name,
                properties.ContentLength ?? 0,
                AzureETags.ToText(properties.ETag),
                properties.LastModified ?? DateTimeOffset.MinValue,
                properties.LeaseStatus == LeaseStatus.Locked));
        }

        return objects;
    }
}

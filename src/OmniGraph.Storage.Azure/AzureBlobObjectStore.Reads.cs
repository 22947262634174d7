using System.Globalization;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs.Models;

namespace OmniGraph.Storage.Azure;

public sealed partial class AzureBlobObjectStore
{
    /// <inheritdoc />
    /// <remarks>
    /// One GET: the bytes and the tag come from the same response. When the service stored an MD5 for the blob (it does
    /// for every single-shot upload), the bytes are checked against it; a mismatch is <see cref="CorruptObjectException"/>.
    /// </remarks>
    public async ValueTask<StoredObject> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.Get, ObjectStoreMetrics.AzureBlobBackend);
        ObjectKey.Validate(key);
        cancellationToken.ThrowIfCancellationRequested();
        var attempts = new RequestAttempts();
        try
        {
            using (attempts.Track())
            {
                var response = await Blob(key).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                using var download = response.Value;
                var bytes = await ReadAllAsync(key, download, cancellationToken).ConfigureAwait(false);
                VerifyChecksum(key, bytes, download.Details.ContentHash);
                NoteRetries("get", key, attempts);
                return new StoredObject(bytes, AzureETags.ToText(download.Details.ETag), bytes.Length);
            }
        }
        catch (RequestFailedException exception) when (BlobFailures.IsNotFound(exception))
        {
            throw new ObjectNotFoundException(key, Location);
        }
        catch (Exception exception) when (BlobFailures.IsServiceFailure(exception, cancellationToken))
        {
            throw Unavailable("get", key, exception, attempts);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// One ranged GET. The service refuses a range that starts at or past the end (416); the store then answers with no
    /// bytes and the object's length, as every backend does.
    /// </remarks>
    public async ValueTask<StoredObject> GetRangeAsync(string key, long offset, int length, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.RangeGet, ObjectStoreMetrics.AzureBlobBackend);
        ObjectKey.Validate(key);
        OperationArguments.ValidateRange(offset, length);
        cancellationToken.ThrowIfCancellationRequested();
        var attempts = new RequestAttempts();
        try
        {
            using (attempts.Track())
            {
                var result = length == 0
                    ? await EmptyRangeAsync(key, cancellationToken).ConfigureAwait(false)
                    : await DownloadRangeAsync(key, offset, length, cancellationToken).ConfigureAwait(false);
                NoteRetries("range get", key, attempts);
                return result;
            }
        }
        catch (RequestFailedException exception) when (BlobFailures.IsNotFound(exception))
        {
            throw new ObjectNotFoundException(key, Location);
        }
        catch (Exception exception) when (BlobFailures.IsServiceFailure(exception, cancellationToken))
        {
            throw Unavailable("range get", key, exception, attempts);
        }
    }

    /// <inheritdoc />
    public async ValueTask<ObjectProperties?> GetPropertiesAsync(string key, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.Properties, ObjectStoreMetrics.AzureBlobBackend);
        ObjectKey.Validate(key);
        cancellationToken.ThrowIfCancellationRequested();
        var attempts = new RequestAttempts();
        try
        {
            using (attempts.Track())
            {
                var response = await Blob(key).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                NoteRetries("properties", key, attempts);
                var properties = response.Value;
                return new ObjectProperties(key, properties.ContentLength, AzureETags.ToText(properties.ETag), properties.LastModified, properties.LeaseStatus == LeaseStatus.Locked);
            }
        }
        catch (RequestFailedException exception) when (BlobFailures.IsNotFound(exception))
        {
            return null;
        }
        catch (Exception exception) when (BlobFailures.IsServiceFailure(exception, cancellationToken))
        {
            throw Unavailable("properties", key, exception, attempts);
        }
    }

    private async Task<StoredObject> DownloadRangeAsync(string key, long offset, int length, CancellationToken cancellationToken)
    {
        // A range that runs past the end is clamped by the service; one that starts past it is a 416, answered from the
        // object's properties. Should the object grow between the two requests, the range is asked for once more.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var options = new BlobDownloadOptions { Range = new HttpRange(offset, Math.Min(length, long.MaxValue - offset)) };
                var response = await Blob(key).DownloadStreamingAsync(options, cancellationToken).ConfigureAwait(false);
                using var download = response.Value;
                var bytes = await ReadAllAsync(key, download, cancellationToken).ConfigureAwait(false);
                var eTag = AzureETags.ToText(download.Details.ETag);
                if (TryParseTotalLength(download.Details.ContentRange) is { } total)
                {
                    return new StoredObject(bytes, eTag, total);
                }

                // No Content-Range: the service sent the whole object; cut the range out of it.
                var start = (int)Math.Min(offset, bytes.Length);
                return new StoredObject(bytes.AsMemory(start, Math.Min(length, bytes.Length - start)), eTag, bytes.Length);
            }
            catch (RequestFailedException exception) when (exception.Status == 416 && attempt == 0)
            {
                var empty = await EmptyRangeAsync(key, cancellationToken).ConfigureAwait(false);
                if (offset >= empty.TotalLength)
                {
                    return empty;
                }
            }
        }
    }

    private async Task<StoredObject> EmptyRangeAsync(string key, CancellationToken cancellationToken)
    {
        var response = await Blob(key).GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return new StoredObject(ReadOnlyMemory<byte>.Empty, AzureETags.ToText(response.Value.ETag), response.Value.ContentLength);
    }

    private async Task<byte[]> ReadAllAsync(string key, BlobDownloadStreamingResult download, CancellationToken cancellationToken)
    {
        var length = download.Details.ContentLength;
        if (length > Array.MaxLength)
        {
            throw StoreErrors.Unavailable(key, $"object '{key}' in {Location} has {length} bytes, more than one read can hold; read it in ranges");
        }

        var bytes = new byte[length];
        await download.Content.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
        return bytes;
    }

    private void VerifyChecksum(string key, byte[] bytes, byte[]? storedMd5)
    {
        if (storedMd5 is not { Length: > 0 })
        {
            return;
        }

        Span<byte> actual = stackalloc byte[MD5.HashSizeInBytes];
        MD5.HashData(bytes, actual);
        if (!actual.SequenceEqual(storedMd5))
        {
            AzureBlobObjectStoreLog.ChecksumMismatch(_logger, key, Location);
            throw new CorruptObjectException(key, $"its {bytes.Length} bytes read from {Location} do not match the MD5 the service stored for the blob");
        }
    }

    /// <summary>The total of a <c>Content-Range: bytes first-last/total</c> header, or <c>null</c> without one.</summary>
    private static long? TryParseTotalLength(string? contentRange)
    {
        var slash = contentRange?.LastIndexOf('/') ?? -1;
        return slash >= 0 && long.TryParse(contentRange.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var total) ? total : null;
    }
}

using Azure;
using Azure.Storage;
using Azure.Storage.Blobs.Models;

namespace OmniGraph.Storage.Azure;

public sealed partial class AzureBlobObjectStore
{
    /// <inheritdoc />
    /// <remarks>
    /// One Put Blob with the condition as request headers (<c>If-None-Match: *</c>, <c>If-Match</c>, the lease id) and
    /// an MD5 of the bytes that the service checks before it stores them. A missing container is created (when the
    /// options allow) and the write is sent again.
    /// </remarks>
    public async ValueTask<ObjectProperties> PutAsync(string key, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.Put, ObjectStoreMetrics.AzureBlobBackend);
        ObjectKey.Validate(key);
        cancellationToken.ThrowIfCancellationRequested();
        if (condition.Kind == WriteConditionKind.IfNotExists && condition.LeaseId is not null)
        {
            throw await CreateWithLeaseFailedAsync(key, condition, cancellationToken).ConfigureAwait(false);
        }

        var attempts = new RequestAttempts();
        try
        {
            using (attempts.Track())
            {
                var uploaded = await UploadCreatingContainerAsync(key, content, condition, cancellationToken).ConfigureAwait(false);
                NoteRetries("put", key, attempts);

                // The service accepted the lease id, so the lease is active; without one, the object cannot be leased.
                return new ObjectProperties(key, content.Length, AzureETags.ToText(uploaded.ETag), uploaded.LastModified, IsLeased: condition.LeaseId is not null);
            }
        }
        catch (RequestFailedException exception) when (BlobFailures.IsPreconditionFailure(exception)
            || (BlobFailures.IsNotFound(exception) && (condition.Kind == WriteConditionKind.IfMatch || condition.LeaseId is not null)))
        {
            // A 404 to a write that expects a tag or a lease means the object (or its whole container) is missing.
            throw await PreconditionFailedAsync("put", key, condition, exception, attempts, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (BlobFailures.IsServiceFailure(exception, cancellationToken))
        {
            throw Unavailable("put", key, exception, attempts);
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> DeleteAsync(string key, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.Delete, ObjectStoreMetrics.AzureBlobBackend);
        ObjectKey.Validate(key);
        OperationArguments.ValidateDeleteCondition(condition);
        cancellationToken.ThrowIfCancellationRequested();
        var attempts = new RequestAttempts();
        try
        {
            using (attempts.Track())
            {
                await Blob(key).DeleteAsync(DeleteSnapshotsOption.None, ToRequestConditions(condition, isWrite: false), cancellationToken).ConfigureAwait(false);
                NoteRetries("delete", key, attempts);
                return true;
            }
        }
        catch (RequestFailedException exception) when (BlobFailures.IsNotFound(exception) && condition.Kind == WriteConditionKind.None)
        {
            return false;
        }
        catch (RequestFailedException exception) when (BlobFailures.IsPreconditionFailure(exception) || BlobFailures.IsNotFound(exception))
        {
            throw await PreconditionFailedAsync("delete", key, condition, exception, attempts, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (BlobFailures.IsServiceFailure(exception, cancellationToken))
        {
            throw Unavailable("delete", key, exception, attempts);
        }
    }

    private async Task<BlobContentInfo> UploadCreatingContainerAsync(string key, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken)
    {
        try
        {
            return await UploadAsync(key, content, condition, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (BlobFailures.IsContainerNotFound(exception)
            && _createContainerIfMissing
            && condition.Kind != WriteConditionKind.IfMatch)
        {
            var created = await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (created is not null)
            {
                AzureBlobObjectStoreLog.CreatedContainer(_logger, _container.Name, Location);
            }

            return await UploadAsync(key, content, condition, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<BlobContentInfo> UploadAsync(string key, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken)
    {
        // A seekable view of the caller's bytes (no copy), so the pipeline can rewind it for a retry.
        using var stream = BinaryData.FromBytes(content).ToStream();
        var options = new BlobUploadOptions
        {
            Conditions = ToRequestConditions(condition, isWrite: true),
            TransferValidation = new UploadTransferValidationOptions { ChecksumAlgorithm = StorageChecksumAlgorithm.MD5 },
        };
        var response = await BlockBlob(key).UploadAsync(stream, options, cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    private async Task<OmniGraphException> PreconditionFailedAsync(
        string operation,
        string key,
        WriteCondition condition,
        RequestFailedException exception,
        RequestAttempts attempts,
        CancellationToken cancellationToken)
    {
        if (attempts.WasRetried)
        {
            return OutcomeUnknown(operation, key, exception, attempts);
        }

        var current = await TryReadCurrentETagAsync(key, cancellationToken).ConfigureAwait(false);
        var reason = BlobFailures.FindWriteLeaseReason(exception) ?? (current is null && condition.LeaseId is not null ? LeaseRules.NoActiveLease : null);
        return new ObjectPreconditionFailedException(key, condition, current, reason);
    }

    /// <summary>
    /// A create-if-absent that presents a lease id can never succeed: a missing object holds no lease, and an existing one
    /// fails the condition. Refused here (the emulator would create the blob), with the reason the other backends give.
    /// </summary>
    private async Task<ObjectPreconditionFailedException> CreateWithLeaseFailedAsync(string key, WriteCondition condition, CancellationToken cancellationToken)
    {
        var current = await TryReadCurrentETagAsync(key, cancellationToken).ConfigureAwait(false);
        return new ObjectPreconditionFailedException(key, condition, current, current is null ? LeaseRules.NoActiveLease : null);
    }

    /// <summary>
    /// The request conditions of a write or delete. An unconditional write that presents a lease id also asks that the
    /// object exist (<c>If-Match: *</c>): only an existing object holds a lease, and the emulator would otherwise create
    /// a missing one despite the lease id (the service refuses it). A delete of a missing object is not an error, so a
    /// delete never asks that.
    /// </summary>
    private static BlobRequestConditions ToRequestConditions(WriteCondition condition, bool isWrite) => new()
    {
        IfNoneMatch = condition.Kind == WriteConditionKind.IfNotExists ? ETag.All : null,
        IfMatch = condition.Kind switch
        {
            WriteConditionKind.IfMatch => AzureETags.ToCondition(condition.ETag!),
            WriteConditionKind.None when isWrite && condition.LeaseId is not null => ETag.All,
            _ => null,
        },
        LeaseId = condition.LeaseId,
    };
}

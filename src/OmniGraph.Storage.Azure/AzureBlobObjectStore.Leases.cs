using Azure;
using Azure.Storage.Blobs.Specialized;

namespace OmniGraph.Storage.Azure;

public sealed partial class AzureBlobObjectStore
{
    /// <inheritdoc />
    /// <remarks>
    /// A blob lease with a lease id the store proposes, so a retried acquire whose first answer was lost is accepted by
    /// the service as the same holder's.
    /// </remarks>
    public async ValueTask<ObjectLease> AcquireLeaseAsync(string key, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.AcquireLease, ObjectStoreMetrics.AzureBlobBackend);
        ObjectKey.Validate(key);
        LeaseRules.ValidateDuration(duration);
        cancellationToken.ThrowIfCancellationRequested();
        var attempts = new RequestAttempts();
        var leaseId = LeaseRules.NewLeaseId();
        try
        {
            using (attempts.Track())
            {
                var serviceDuration = duration == Timeout.InfiniteTimeSpan ? BlobLeaseClient.InfiniteLeaseDuration : duration;
                var response = await Blob(key).GetBlobLeaseClient(leaseId).AcquireAsync(serviceDuration, cancellationToken: cancellationToken).ConfigureAwait(false);
                NoteRetries("lease acquire", key, attempts);
                return new ObjectLease(key, response.Value.LeaseId, duration);
            }
        }
        catch (RequestFailedException exception) when (BlobFailures.IsNotFound(exception))
        {
            throw new ObjectNotFoundException(key, Location);
        }
        catch (RequestFailedException exception) when (BlobFailures.IsLeaseConflict(exception))
        {
            var current = await TryReadCurrentETagAsync(key, cancellationToken).ConfigureAwait(false);
            throw new ObjectPreconditionFailedException(key, WriteCondition.None, current, LeaseRules.AlreadyLeased);
        }
        catch (Exception exception) when (BlobFailures.IsServiceFailure(exception, cancellationToken))
        {
            throw Unavailable("lease acquire", key, exception, attempts);
        }
    }

    /// <inheritdoc />
    public async ValueTask RenewLeaseAsync(ObjectLease lease, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.RenewLease, ObjectStoreMetrics.AzureBlobBackend);
        LeaseRules.ValidateLease(lease);
        cancellationToken.ThrowIfCancellationRequested();
        var attempts = new RequestAttempts();
        try
        {
            using (attempts.Track())
            {
                await Blob(lease.Key).GetBlobLeaseClient(lease.LeaseId).RenewAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                NoteRetries("lease renew", lease.Key, attempts);
            }
        }
        catch (RequestFailedException exception) when (BlobFailures.IsNotFound(exception))
        {
            throw new ObjectNotFoundException(lease.Key, Location);
        }
        catch (RequestFailedException exception) when (BlobFailures.IsLeaseConflict(exception))
        {
            var current = await TryReadCurrentETagAsync(lease.Key, cancellationToken).ConfigureAwait(false);
            throw new ObjectPreconditionFailedException(lease.Key, WriteCondition.None.WithLease(lease.LeaseId), current, LeaseRules.NoLongerHeld);
        }
        catch (Exception exception) when (BlobFailures.IsServiceFailure(exception, cancellationToken))
        {
            throw Unavailable("lease renew", lease.Key, exception, attempts);
        }
    }

    /// <inheritdoc />
    /// <remarks>The service's refusals (no such object, no lease, another holder's lease) all mean there is nothing of ours to release.</remarks>
    public async ValueTask ReleaseLeaseAsync(ObjectLease lease, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.ReleaseLease, ObjectStoreMetrics.AzureBlobBackend);
        LeaseRules.ValidateLease(lease);
        cancellationToken.ThrowIfCancellationRequested();
        var attempts = new RequestAttempts();
        try
        {
            using (attempts.Track())
            {
                await Blob(lease.Key).GetBlobLeaseClient(lease.LeaseId).ReleaseAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                NoteRetries("lease release", lease.Key, attempts);
            }
        }
        catch (RequestFailedException exception) when (BlobFailures.IsNotFound(exception) || BlobFailures.IsLeaseConflict(exception))
        {
            // Already released, expired and taken by someone else, broken, or the object is gone.
        }
        catch (Exception exception) when (BlobFailures.IsServiceFailure(exception, cancellationToken))
        {
            throw Unavailable("lease release", lease.Key, exception, attempts);
        }
    }

    /// <inheritdoc />
    /// <remarks>Breaks with a zero break period, so the lease ends at once; an object with no lease is left as it is.</remarks>
    public async ValueTask BreakLeaseAsync(string key, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.BreakLease, ObjectStoreMetrics.AzureBlobBackend);
        ObjectKey.Validate(key);
        cancellationToken.ThrowIfCancellationRequested();
        var attempts = new RequestAttempts();
        try
        {
            using (attempts.Track())
            {
                await Blob(key).GetBlobLeaseClient().BreakAsync(TimeSpan.Zero, cancellationToken: cancellationToken).ConfigureAwait(false);
                NoteRetries("lease break", key, attempts);
            }
        }
        catch (RequestFailedException exception) when (BlobFailures.IsNotFound(exception))
        {
            throw new ObjectNotFoundException(key, Location);
        }
        catch (RequestFailedException exception) when (BlobFailures.IsLeaseConflict(exception))
        {
            // No lease to break (never taken, released, or already broken).
        }
        catch (Exception exception) when (BlobFailures.IsServiceFailure(exception, cancellationToken))
        {
            throw Unavailable("lease break", key, exception, attempts);
        }
    }
}

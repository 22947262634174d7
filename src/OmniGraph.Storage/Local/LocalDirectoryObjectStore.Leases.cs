using OmniGraph.Storage.Local;

namespace OmniGraph.Storage;

public sealed partial class LocalDirectoryObjectStore
{
    /// <inheritdoc />
    public async ValueTask<ObjectLease> AcquireLeaseAsync(string key, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.AcquireLease, ObjectStoreMetrics.LocalBackend);
        cancellationToken.ThrowIfCancellationRequested();
        ObjectKey.Validate(key);
        LeaseRules.ValidateDuration(duration);
        var paths = PathsOf(key);
        try
        {
            var (keyLock, current) = await LockExistingAsync(key, paths, cancellationToken).ConfigureAwait(false);
            using var heldLock = keyLock;
            var now = Now;
            if (keyLock.ReadLease() is { } held && held.IsActiveAt(now))
            {
                throw new ObjectPreconditionFailedException(key, WriteCondition.None, current.ETag, LeaseRules.AlreadyLeased);
            }

            var lease = LeaseState.Start(LeaseRules.NewLeaseId(), duration, now);
            keyLock.WriteLease(lease);
            return new ObjectLease(key, lease.LeaseId, duration);
        }
        catch (Exception exception) when (LocalIoErrors.IsIoFailure(exception))
        {
            throw LocalIoErrors.FromException(key, "leasing", paths.DataFile, exception);
        }
    }

    /// <inheritdoc />
    public async ValueTask RenewLeaseAsync(ObjectLease lease, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.RenewLease, ObjectStoreMetrics.LocalBackend);
        cancellationToken.ThrowIfCancellationRequested();
        LeaseRules.ValidateLease(lease);
        var paths = PathsOf(lease.Key);
        try
        {
            var (keyLock, current) = await LockExistingAsync(lease.Key, paths, cancellationToken).ConfigureAwait(false);
            using var heldLock = keyLock;
            if (keyLock.ReadLease() is not { } held || !string.Equals(held.LeaseId, lease.LeaseId, StringComparison.Ordinal))
            {
                throw new ObjectPreconditionFailedException(lease.Key, WriteCondition.None.WithLease(lease.LeaseId), current.ETag, LeaseRules.NoLongerHeld);
            }

            keyLock.WriteLease(held.RenewedAt(Now));
        }
        catch (Exception exception) when (LocalIoErrors.IsIoFailure(exception))
        {
            throw LocalIoErrors.FromException(lease.Key, "renewing lease on", paths.DataFile, exception);
        }
    }

    /// <inheritdoc />
    public async ValueTask ReleaseLeaseAsync(ObjectLease lease, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.ReleaseLease, ObjectStoreMetrics.LocalBackend);
        cancellationToken.ThrowIfCancellationRequested();
        LeaseRules.ValidateLease(lease);
        var paths = PathsOf(lease.Key);
        try
        {
            using var keyLock = await KeyLock.AcquireAsync(paths.LockFile, lease.Key, _options.LockTimeout, cancellationToken).ConfigureAwait(false);
            if (keyLock is null)
            {
                return;
            }

            if (TryReadInfo(lease.Key, paths.DataFile) is null)
            {
                keyLock.RemoveFile();
                return;
            }

            if (keyLock.ReadLease() is { } held && string.Equals(held.LeaseId, lease.LeaseId, StringComparison.Ordinal))
            {
                keyLock.ClearLease();
            }
        }
        catch (Exception exception) when (LocalIoErrors.IsIoFailure(exception))
        {
            throw LocalIoErrors.FromException(lease.Key, "releasing lease on", paths.DataFile, exception);
        }
    }

    /// <inheritdoc />
    public async ValueTask BreakLeaseAsync(string key, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.BreakLease, ObjectStoreMetrics.LocalBackend);
        cancellationToken.ThrowIfCancellationRequested();
        ObjectKey.Validate(key);
        var paths = PathsOf(key);
        try
        {
            var (keyLock, _) = await LockExistingAsync(key, paths, cancellationToken).ConfigureAwait(false);
            using var heldLock = keyLock;
            keyLock.ClearLease();
        }
        catch (Exception exception) when (LocalIoErrors.IsIoFailure(exception))
        {
            throw LocalIoErrors.FromException(key, "breaking lease on", paths.DataFile, exception);
        }
    }

    /// <summary>Takes the key lock of an object that must exist, or throws <see cref="ObjectNotFoundException"/>.</summary>
    private async ValueTask<(KeyLock Lock, ObjectFileInfo Current)> LockExistingAsync(string key, ObjectPaths paths, CancellationToken cancellationToken)
    {
        var keyLock = await KeyLock.AcquireAsync(paths.LockFile, key, _options.LockTimeout, cancellationToken).ConfigureAwait(false)
            ?? throw new ObjectNotFoundException(key, Location);
        try
        {
            if (TryReadInfo(key, paths.DataFile) is not { } current)
            {
                keyLock.RemoveFile();
                throw new ObjectNotFoundException(key, Location);
            }

            return (keyLock, current);
        }
        catch
        {
            keyLock.Dispose();
            throw;
        }
    }
}

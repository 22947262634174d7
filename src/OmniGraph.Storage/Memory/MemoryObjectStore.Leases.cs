namespace OmniGraph.Storage;

public sealed partial class MemoryObjectStore
{
    /// <inheritdoc />
    public ValueTask<ObjectLease> AcquireLeaseAsync(string key, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.AcquireLease, ObjectStoreMetrics.MemoryBackend);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            ObjectKey.Validate(key);
            LeaseRules.ValidateDuration(duration);
            lock (_gate)
            {
                var now = _timeProvider.GetUtcNow();
                var entry = GetEntryOrThrow(key);
                if (entry.Lease is { } held && held.IsActiveAt(now))
                {
                    throw new ObjectPreconditionFailedException(key, WriteCondition.None, entry.ETag, LeaseRules.AlreadyLeased);
                }

                var lease = LeaseState.Start(LeaseRules.NewLeaseId(), duration, now);
                _objects[key] = entry with { Lease = lease };
                return ValueTask.FromResult(new ObjectLease(key, lease.LeaseId, duration));
            }
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<ObjectLease>(exception);
        }
    }

    /// <inheritdoc />
    public ValueTask RenewLeaseAsync(ObjectLease lease, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.RenewLease, ObjectStoreMetrics.MemoryBackend);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            LeaseRules.ValidateLease(lease);
            lock (_gate)
            {
                var entry = GetEntryOrThrow(lease.Key);
                if (entry.Lease is not { } held || !string.Equals(held.LeaseId, lease.LeaseId, StringComparison.Ordinal))
                {
                    throw new ObjectPreconditionFailedException(lease.Key, WriteCondition.None.WithLease(lease.LeaseId), entry.ETag, LeaseRules.NoLongerHeld);
                }

                _objects[lease.Key] = entry with { Lease = held.RenewedAt(_timeProvider.GetUtcNow()) };
                return ValueTask.CompletedTask;
            }
        }
        catch (Exception exception)
        {
            return ValueTask.FromException(exception);
        }
    }

    /// <inheritdoc />
    public ValueTask ReleaseLeaseAsync(ObjectLease lease, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.ReleaseLease, ObjectStoreMetrics.MemoryBackend);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            LeaseRules.ValidateLease(lease);
            lock (_gate)
            {
                if (_objects.TryGetValue(lease.Key, out var entry)
                    && entry.Lease is { } held
                    && string.Equals(held.LeaseId, lease.LeaseId, StringComparison.Ordinal))
                {
                    _objects[lease.Key] = entry with { Lease = null };
                }

                return ValueTask.CompletedTask;
            }
        }
        catch (Exception exception)
        {
            return ValueTask.FromException(exception);
        }
    }

    /// <inheritdoc />
    public ValueTask BreakLeaseAsync(string key, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.BreakLease, ObjectStoreMetrics.MemoryBackend);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            ObjectKey.Validate(key);
            lock (_gate)
            {
                var entry = GetEntryOrThrow(key);
                if (entry.Lease is not null)
                {
                    _objects[key] = entry with { Lease = null };
                }

                return ValueTask.CompletedTask;
            }
        }
        catch (Exception exception)
        {
            return ValueTask.FromException(exception);
        }
    }
}

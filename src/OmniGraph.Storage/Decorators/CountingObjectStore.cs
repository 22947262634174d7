namespace OmniGraph.Storage;

/// <summary>
/// Counts the requests made to another store, by kind, so tests can assert how many object-store round trips
/// an operation costs (a warm read should cost none) and the benchmark can report them. Every call counts, whether it
/// succeeds or fails; a write with a condition (create-if-absent or compare-and-swap) counts apart from a plain one,
/// since that is what the store's contract charges for. Thread-safe.
/// </summary>
public sealed class CountingObjectStore : IObjectStore
{
    private readonly IObjectStore _inner;
    private readonly long[] _counts = new long[Enum.GetValues<ObjectStoreRequestKind>().Length];

    /// <summary>Counts requests made to <paramref name="inner"/>.</summary>
    public CountingObjectStore(IObjectStore inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    /// <summary>The store underneath.</summary>
    public IObjectStore Inner => _inner;

    /// <inheritdoc />
    public string Location => _inner.Location;

    /// <summary>Requests of one kind so far.</summary>
    public long this[ObjectStoreRequestKind kind] => Interlocked.Read(ref _counts[(int)kind]);

    /// <summary>All counts at this moment.</summary>
    public ObjectStoreRequestCounts Snapshot() => new(
        this[ObjectStoreRequestKind.Get],
        this[ObjectStoreRequestKind.RangeGet],
        this[ObjectStoreRequestKind.Properties],
        this[ObjectStoreRequestKind.Put],
        this[ObjectStoreRequestKind.Delete],
        this[ObjectStoreRequestKind.List],
        this[ObjectStoreRequestKind.AcquireLease],
        this[ObjectStoreRequestKind.RenewLease],
        this[ObjectStoreRequestKind.ReleaseLease],
        this[ObjectStoreRequestKind.BreakLease],
        this[ObjectStoreRequestKind.Flush],
        this[ObjectStoreRequestKind.PreparePut],
        this[ObjectStoreRequestKind.ConditionalPut],
        this[ObjectStoreRequestKind.ConditionalDelete]);

    /// <summary>Sets every count back to zero.</summary>
    public void Reset()
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            Interlocked.Exchange(ref _counts[i], 0);
        }
    }

    /// <inheritdoc />
    public ValueTask<StoredObject> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        Count(ObjectStoreRequestKind.Get);
        return _inner.GetAsync(key, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<StoredObject> GetRangeAsync(string key, long offset, int length, CancellationToken cancellationToken = default)
    {
        Count(ObjectStoreRequestKind.RangeGet);
        return _inner.GetRangeAsync(key, offset, length, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<ObjectProperties?> GetPropertiesAsync(string key, CancellationToken cancellationToken = default)
    {
        Count(ObjectStoreRequestKind.Properties);
        return _inner.GetPropertiesAsync(key, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<ObjectProperties> PutAsync(string key, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        Count(PutKind(condition));
        return _inner.PutAsync(key, content, condition, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<ObjectProperties> PutUnflushedAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        // Create-if-absent, whether or not the store defers its durability.
        Count(ObjectStoreRequestKind.ConditionalPut);
        return _inner.PutUnflushedAsync(key, content, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask FlushAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        Count(ObjectStoreRequestKind.Flush);
        return _inner.FlushAsync(keys, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask FlushNamesAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        Count(ObjectStoreRequestKind.Flush);
        return _inner.FlushNamesAsync(keys, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<PreparedPut> PreparePutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        Count(ObjectStoreRequestKind.PreparePut);
        return _inner.PreparePutAsync(key, content, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<ObjectProperties> PublishAsync(PreparedPut put, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        Count(PutKind(condition));
        return _inner.PublishAsync(put, condition, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<ObjectProperties> PublishUnflushedAsync(PreparedPut put, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        Count(PutKind(condition));
        return _inner.PublishUnflushedAsync(put, condition, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DiscardAsync(PreparedPut put) => _inner.DiscardAsync(put);

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(string key, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        Count(condition.Kind == WriteConditionKind.None ? ObjectStoreRequestKind.Delete : ObjectStoreRequestKind.ConditionalDelete);
        return _inner.DeleteAsync(key, condition, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<int> DeleteAllAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        for (var i = 0; i < keys.Count; i++)
        {
            Count(ObjectStoreRequestKind.Delete);
        }

        return _inner.DeleteAllAsync(keys, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<ObjectListPage> ListAsync(string prefix, string? continuationToken = null, int maxResults = 1000, CancellationToken cancellationToken = default)
    {
        Count(ObjectStoreRequestKind.List);
        return _inner.ListAsync(prefix, continuationToken, maxResults, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<ObjectLease> AcquireLeaseAsync(string key, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        Count(ObjectStoreRequestKind.AcquireLease);
        return _inner.AcquireLeaseAsync(key, duration, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask RenewLeaseAsync(ObjectLease lease, CancellationToken cancellationToken = default)
    {
        Count(ObjectStoreRequestKind.RenewLease);
        return _inner.RenewLeaseAsync(lease, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask ReleaseLeaseAsync(ObjectLease lease, CancellationToken cancellationToken = default)
    {
        Count(ObjectStoreRequestKind.ReleaseLease);
        return _inner.ReleaseLeaseAsync(lease, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask BreakLeaseAsync(string key, CancellationToken cancellationToken = default)
    {
        Count(ObjectStoreRequestKind.BreakLease);
        return _inner.BreakLeaseAsync(key, cancellationToken);
    }

    private static ObjectStoreRequestKind PutKind(WriteCondition condition) =>
        condition.Kind == WriteConditionKind.None ? ObjectStoreRequestKind.Put : ObjectStoreRequestKind.ConditionalPut;

    private void Count(ObjectStoreRequestKind kind) => Interlocked.Increment(ref _counts[(int)kind]);
}

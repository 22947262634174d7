namespace OmniGraph.Storage;

/// <summary>
/// An object store held in process memory, with exactly the semantics of the durable backends (entity tags
/// that change on every write, conditional writes, leases, sorted paged listing). Used by tests and as the
/// store of ephemeral graphs; nothing survives the process.
/// </summary>
/// <remarks>
/// One lock guards the whole store: every operation is a handful of dictionary steps, so a single gate is
/// cheaper and easier to reason about than finer locking. Stored bytes are copied on write and never
/// mutated afterwards, so reads hand out the stored array without copying.
/// </remarks>
public sealed partial class MemoryObjectStore : IObjectStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, MemoryEntry> _objects = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _keys = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates an empty store.</summary>
    /// <param name="name">Name shown in <see cref="Location"/> (<c>memory://name</c>).</param>
    /// <param name="timeProvider">Clock for lease expiry and modification times; the system clock by default.</param>
    public MemoryObjectStore(string? name = null, TimeProvider? timeProvider = null)
    {
        Name = string.IsNullOrEmpty(name) ? "anonymous" : name;
        Location = $"memory://{Name}";
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The store's name.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public string Location { get; }

    /// <summary>Number of objects held.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _objects.Count;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<StoredObject> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.Get, ObjectStoreMetrics.MemoryBackend);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            ObjectKey.Validate(key);
            var entry = GetEntry(key);
            return ValueTask.FromResult(new StoredObject(entry.Content, entry.ETag, entry.Content.Length));
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<StoredObject>(exception);
        }
    }

    /// <inheritdoc />
    public ValueTask<StoredObject> GetRangeAsync(string key, long offset, int length, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.RangeGet, ObjectStoreMetrics.MemoryBackend);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            ObjectKey.Validate(key);
            OperationArguments.ValidateRange(offset, length);
            var entry = GetEntry(key);
            var total = entry.Content.Length;
            var start = (int)Math.Min(offset, total);
            var count = Math.Min(length, total - start);
            return ValueTask.FromResult(new StoredObject(entry.Content.AsMemory(start, count), entry.ETag, total));
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<StoredObject>(exception);
        }
    }

    /// <inheritdoc />
    public ValueTask<ObjectProperties?> GetPropertiesAsync(string key, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.Properties, ObjectStoreMetrics.MemoryBackend);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            ObjectKey.Validate(key);
            lock (_gate)
            {
                var now = _timeProvider.GetUtcNow();
                return ValueTask.FromResult(_objects.TryGetValue(key, out var entry) ? entry.ToProperties(key, now) : null);
            }
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<ObjectProperties?>(exception);
        }
    }

    /// <inheritdoc />
    public ValueTask<ObjectProperties> PutAsync(string key, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.Put, ObjectStoreMetrics.MemoryBackend);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            ObjectKey.Validate(key);
            var copy = content.ToArray();
            lock (_gate)
            {
                var now = _timeProvider.GetUtcNow();
                _objects.TryGetValue(key, out var current);
                ThrowIfConditionFails(key, condition, current, now);
                var written = new MemoryEntry(copy, NewETag(now), now, current?.Lease);
                _objects[key] = written;
                _keys.Add(key);
                return ValueTask.FromResult(written.ToProperties(key, now));
            }
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<ObjectProperties>(exception);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(string key, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.Delete, ObjectStoreMetrics.MemoryBackend);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            ObjectKey.Validate(key);
            OperationArguments.ValidateDeleteCondition(condition);
            lock (_gate)
            {
                var now = _timeProvider.GetUtcNow();
                if (!_objects.TryGetValue(key, out var current) && condition.Kind == WriteConditionKind.None)
                {
                    return ValueTask.FromResult(false);
                }

                ThrowIfConditionFails(key, condition, current, now);
                _objects.Remove(key);
                _keys.Remove(key);
                return ValueTask.FromResult(true);
            }
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<bool>(exception);
        }
    }

    /// <inheritdoc />
    public ValueTask<ObjectListPage> ListAsync(string prefix, string? continuationToken = null, int maxResults = 1000, CancellationToken cancellationToken = default)
    {
        ObjectStoreMetrics.Count(ObjectStoreRequestKind.List, ObjectStoreMetrics.MemoryBackend);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            ObjectKey.ValidatePrefix(prefix);
            OperationArguments.ValidateMaxResults(maxResults);
            var after = continuationToken is null ? null : ContinuationToken.Decode(prefix, continuationToken);
            return ValueTask.FromResult(List(prefix, after, maxResults));
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<ObjectListPage>(exception);
        }
    }

    private ObjectListPage List(string prefix, string? after, int maxResults)
    {
        // Start at the later of the prefix and the continuation key; the view walks the sorted keys in order.
        var lower = after is not null && string.CompareOrdinal(after, prefix) > 0 ? after : prefix;
        var page = new List<ObjectProperties>(Math.Min(maxResults, 256));
        lock (_gate)
        {
            if (_keys.Count == 0 || string.CompareOrdinal(lower, _keys.Max) > 0)
            {
                return new ObjectListPage(page, null);
            }

            var now = _timeProvider.GetUtcNow();
            foreach (var key in _keys.GetViewBetween(lower, _keys.Max))
            {
                if (!key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    break;
                }

                if (after is not null && string.CompareOrdinal(key, after) <= 0)
                {
                    continue;
                }

                if (page.Count == maxResults)
                {
                    return new ObjectListPage(page, ContinuationToken.Encode(page[^1].Key));
                }

                page.Add(_objects[key].ToProperties(key, now));
            }
        }

        return new ObjectListPage(page, null);
    }

    private MemoryEntry GetEntry(string key)
    {
        lock (_gate)
        {
            return GetEntryOrThrow(key);
        }
    }

    /// <summary>Looks an object up; the caller holds <see cref="_gate"/>.</summary>
    private MemoryEntry GetEntryOrThrow(string key) =>
        _objects.TryGetValue(key, out var entry) ? entry : throw new ObjectNotFoundException(key, Location);

    private static void ThrowIfConditionFails(string key, WriteCondition condition, MemoryEntry? current, DateTimeOffset now)
    {
        switch (condition.Kind)
        {
            case WriteConditionKind.IfNotExists when current is not null:
                throw new ObjectPreconditionFailedException(key, condition, current.ETag);
            case WriteConditionKind.IfMatch when current is null:
                throw new ObjectPreconditionFailedException(key, condition, null);
            case WriteConditionKind.IfMatch when !string.Equals(current.ETag, condition.ETag, StringComparison.Ordinal):
                throw new ObjectPreconditionFailedException(key, condition, current.ETag);
        }

        var leaseViolation = LeaseRules.FindWriteViolation(current?.Lease, now, condition.LeaseId);
        if (leaseViolation is not null)
        {
            throw new ObjectPreconditionFailedException(key, condition, current?.ETag, leaseViolation);
        }
    }

    private static string NewETag(DateTimeOffset now) => Ulid.NewUlid(now.ToUnixTimeMilliseconds()).ToString();
}

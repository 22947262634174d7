using OmniGraph.Storage;

namespace OmniGraph.Security.Tests.Support;

/// <summary>
/// Passes every call to the inner store, except that a write for which <see cref="FailPut"/> says so throws an
/// <see cref="IOException"/> instead of happening (a crash at that point: the earlier writes are durable, this one never
/// happened); <see cref="BeforePut"/> can hold a write back.
/// </summary>
internal sealed class FaultyObjectStore(IObjectStore inner) : IObjectStore
{
    public Func<string, WriteCondition, bool> FailPut { get; set; } = static (_, _) => false;

    /// <summary>Awaited before a write that does not fail: lets a test hold one writer at a chosen point.</summary>
    public Func<string, WriteCondition, Task>? BeforePut { get; set; }

    public string Location => inner.Location;

    public ValueTask<StoredObject> GetAsync(string key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

    public ValueTask<StoredObject> GetRangeAsync(string key, long offset, int length, CancellationToken cancellationToken = default) =>
        inner.GetRangeAsync(key, offset, length, cancellationToken);

    public ValueTask<ObjectProperties?> GetPropertiesAsync(string key, CancellationToken cancellationToken = default) => inner.GetPropertiesAsync(key, cancellationToken);

    public async ValueTask<ObjectProperties> PutAsync(string key, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        if (FailPut(key, condition))
        {
            throw new IOException($"simulated crash before writing {key}");
        }

        if (BeforePut is { } hold)
        {
            await hold(key, condition);
        }

        return await inner.PutAsync(key, content, condition, cancellationToken);
    }

    public ValueTask<bool> DeleteAsync(string key, WriteCondition condition, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, condition, cancellationToken);

    public ValueTask<ObjectListPage> ListAsync(string prefix, string? continuationToken = null, int maxResults = 1000, CancellationToken cancellationToken = default) =>
        inner.ListAsync(prefix, continuationToken, maxResults, cancellationToken);

    public ValueTask<ObjectLease> AcquireLeaseAsync(string key, TimeSpan duration, CancellationToken cancellationToken = default) => inner.AcquireLeaseAsync(key, duration, cancellationToken);

    public ValueTask RenewLeaseAsync(ObjectLease lease, CancellationToken cancellationToken = default) => inner.RenewLeaseAsync(lease, cancellationToken);

    public ValueTask ReleaseLeaseAsync(ObjectLease lease, CancellationToken cancellationToken = default) => inner.ReleaseLeaseAsync(lease, cancellationToken);

    public ValueTask BreakLeaseAsync(string key, CancellationToken cancellationToken = default) => inner.BreakLeaseAsync(key, cancellationToken);
}

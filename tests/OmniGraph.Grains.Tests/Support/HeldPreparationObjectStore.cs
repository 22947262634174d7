using OmniGraph.Storage;

namespace OmniGraph.Grains.Tests.Support;

/// <summary>
/// Holds a write's preparation on demand (the next table version object written is held until <see cref="Release"/>),
/// so that the writes after it queue up behind it.
/// </summary>
public sealed class HeldPreparationObjectStore(IObjectStore inner) : IObjectStore
{
    private readonly Lock _gate = new();
    private TaskCompletionSource? _held;
    private TaskCompletionSource? _release;

    /// <inheritdoc />
    public string Location => inner.Location;

    /// <summary>Holds the next table version object put; the result completes when one is held.</summary>
    public Task HoldNextVersion()
    {
        lock (_gate)
        {
            _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _held.Task;
        }
    }

    /// <summary>Lets the held put go on.</summary>
    public void Release()
    {
        lock (_gate)
        {
            _release?.TrySetResult();
        }
    }

    /// <inheritdoc />
    public async ValueTask<ObjectProperties> PutUnflushedAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        Task? wait = null;
        lock (_gate)
        {
            if (_held is { Task.IsCompleted: false } held && key.Contains("/versions/", StringComparison.Ordinal))
            {
                held.SetResult();
                wait = _release!.Task;
            }
        }

        if (wait is not null)
        {
            await wait.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
        }

        return await inner.PutUnflushedAsync(key, content, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<ObjectListPage> ListAsync(string prefix, string? continuationToken = null, int maxResults = 1000, CancellationToken cancellationToken = default) =>
        inner.ListAsync(prefix, continuationToken, maxResults, cancellationToken);

    /// <inheritdoc />
    public ValueTask<StoredObject> GetAsync(string key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

    /// <inheritdoc />
    public ValueTask<StoredObject> GetRangeAsync(string key, long offset, int length, CancellationToken cancellationToken = default) =>
        inner.GetRangeAsync(key, offset, length, cancellationToken);

    /// <inheritdoc />
    public ValueTask<ObjectProperties?> GetPropertiesAsync(string key, CancellationToken cancellationToken = default) => inner.GetPropertiesAsync(key, cancellationToken);

    /// <inheritdoc />
    public ValueTask<ObjectProperties> PutAsync(string key, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken = default) =>
        inner.PutAsync(key, content, condition, cancellationToken);

    /// <inheritdoc />
    public ValueTask FlushAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) => inner.FlushAsync(keys, cancellationToken);

    /// <inheritdoc />
    public ValueTask FlushNamesAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) => inner.FlushNamesAsync(keys, cancellationToken);

    /// <inheritdoc />
    public ValueTask<PreparedPut> PreparePutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        inner.PreparePutAsync(key, content, cancellationToken);

    /// <inheritdoc />
    public ValueTask<ObjectProperties> PublishAsync(PreparedPut put, WriteCondition condition, CancellationToken cancellationToken = default) =>
        inner.PublishAsync(put, condition, cancellationToken);

    /// <inheritdoc />
    public ValueTask<ObjectProperties> PublishUnflushedAsync(PreparedPut put, WriteCondition condition, CancellationToken cancellationToken = default) =>
        inner.PublishUnflushedAsync(put, condition, cancellationToken);

    /// <inheritdoc />
    public ValueTask DiscardAsync(PreparedPut put) => inner.DiscardAsync(put);

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(string key, WriteCondition condition, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, condition, cancellationToken);

    /// <inheritdoc />
    public ValueTask<int> DeleteAllAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) => inner.DeleteAllAsync(keys, cancellationToken);

    /// <inheritdoc />
    public ValueTask<ObjectLease> AcquireLeaseAsync(string key, TimeSpan duration, CancellationToken cancellationToken = default) =>
        inner.AcquireLeaseAsync(key, duration, cancellationToken);

    /// <inheritdoc />
    public ValueTask RenewLeaseAsync(ObjectLease lease, CancellationToken cancellationToken = default) => inner.RenewLeaseAsync(lease, cancellationToken);

    /// <inheritdoc />
    public ValueTask ReleaseLeaseAsync(ObjectLease lease, CancellationToken cancellationToken = default) => inner.ReleaseLeaseAsync(lease, cancellationToken);

    /// <inheritdoc />
    public ValueTask BreakLeaseAsync(string key, CancellationToken cancellationToken = default) => inner.BreakLeaseAsync(key, cancellationToken);
}

using OmniGraph.Storage;

namespace OmniGraph.Grains.Tests.Support;

/// <summary>
/// Counts how many flushes (<c>fsync</c> calls) an operation waits on one after another, for budget tests of the write
/// path. Each request is charged what it costs the local directory store in sequential flushes: a put 2 (the temporary
/// file, then the directory after the link or rename), a prepared put 1 (its temporary file), publishing it 1 (the
/// directory), a flush of any number of objects or of their names 1 (files and directories flushed side by side), a delete or a delete of several objects 1, an unflushed
/// put, an unflushed publication (a link) and every read 0. A request's depth is its cost plus the greatest depth among the requests that had completed when
/// it started: requests started together share a depth, a request started after another completed adds to it. So the
/// depth of a write's publish is the number of flushes its acknowledgement waited for in a row.
/// </summary>
/// <remarks>
/// Each request that costs a flush is held for <see cref="HoldTime"/> before it completes, so that requests a write
/// starts together (on thread-pool threads) have all started before the first completes even on a loaded machine; a test
/// therefore never sees two requests of one round as sequential. The depths do not depend on time otherwise.
/// </remarks>
public sealed class FlushDepthObjectStore : IObjectStore
{
    /// <summary>How long a request that costs a flush is held before it completes.</summary>
    public static readonly TimeSpan HoldTime = TimeSpan.FromMilliseconds(100);

    private readonly IObjectStore _inner;
    private readonly Lock _gate = new();
    private readonly List<(string Request, string Key, long Depth)> _log = [];
    private long _completedDepth;
    private long _flushes;

    /// <summary>Tracks the requests made to <paramref name="inner"/>.</summary>
    public FlushDepthObjectStore(IObjectStore inner)
    {
        _inner = inner;
    }

    /// <inheritdoc />
    public string Location => _inner.Location;

    /// <summary>Flushes charged so far (whether in a row or side by side).</summary>
    public long Flushes => Interlocked.Read(ref _flushes);

    /// <summary>The depth at which the last request of <paramref name="request"/> on a key starting with <paramref name="keyPrefix"/> completed.</summary>
    public long DepthOf(string request, string keyPrefix)
    {
        lock (_gate)
        {
            var found = _log.FindLast(e => e.Request == request && e.Key.StartsWith(keyPrefix, StringComparison.Ordinal));
            return found.Request is null ? throw new InvalidOperationException($"no {request} of {keyPrefix}* was made") : found.Depth;
        }
    }

    /// <summary>Every request that cost a flush since the last <see cref="Reset"/>, with its depth, in completion order.</summary>
    public IReadOnlyList<(string Request, string Key, long Depth)> Log
    {
        get
        {
            lock (_gate)
            {
                return [.. _log];
            }
        }
    }

    /// <summary>Starts counting afresh: depths count from zero again.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _log.Clear();
            _completedDepth = 0;
            Interlocked.Exchange(ref _flushes, 0);
        }
    }

    /// <inheritdoc />
    public ValueTask<StoredObject> GetAsync(string key, CancellationToken cancellationToken = default) => _inner.GetAsync(key, cancellationToken);

    /// <inheritdoc />
    public ValueTask<StoredObject> GetRangeAsync(string key, long offset, int length, CancellationToken cancellationToken = default) =>
        _inner.GetRangeAsync(key, offset, length, cancellationToken);

    /// <inheritdoc />
    public ValueTask<ObjectProperties?> GetPropertiesAsync(string key, CancellationToken cancellationToken = default) => _inner.GetPropertiesAsync(key, cancellationToken);

    /// <inheritdoc />
    public ValueTask<ObjectProperties> PutAsync(string key, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken = default) =>
        TrackAsync("put", key, 2, () => _inner.PutAsync(key, content, condition, cancellationToken));

    /// <inheritdoc />
    public ValueTask<ObjectProperties> PutUnflushedAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        _inner.PutUnflushedAsync(key, content, cancellationToken);

    /// <inheritdoc />
    public ValueTask FlushAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) =>
        TrackFlushAsync(keys, () => _inner.FlushAsync(keys, cancellationToken));

    /// <inheritdoc />
    public ValueTask FlushNamesAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) =>
        TrackFlushAsync(keys, () => _inner.FlushNamesAsync(keys, cancellationToken));

    /// <inheritdoc />
    public ValueTask<PreparedPut> PreparePutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        TrackAsync("prepare", key, 1, () => _inner.PreparePutAsync(key, content, cancellationToken));

    /// <inheritdoc />
    public ValueTask<ObjectProperties> PublishAsync(PreparedPut put, WriteCondition condition, CancellationToken cancellationToken = default) =>
        TrackAsync("publish", put.Key, 1, () => _inner.PublishAsync(put, condition, cancellationToken));

    /// <inheritdoc />
    public ValueTask<ObjectProperties> PublishUnflushedAsync(PreparedPut put, WriteCondition condition, CancellationToken cancellationToken = default) =>
        TrackAsync("link", put.Key, 0, () => _inner.PublishUnflushedAsync(put, condition, cancellationToken));

    /// <inheritdoc />
    public ValueTask DiscardAsync(PreparedPut put) => _inner.DiscardAsync(put);

    /// <inheritdoc />
    public async ValueTask<bool> DeleteAsync(string key, WriteCondition condition, CancellationToken cancellationToken = default) =>
        await TrackAsync("delete", key, 1, () => _inner.DeleteAsync(key, condition, cancellationToken));

    /// <inheritdoc />
    public ValueTask<int> DeleteAllAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) =>
        keys.Count == 0 ? _inner.DeleteAllAsync(keys, cancellationToken) : TrackAsync("delete", keys[0], 1, () => _inner.DeleteAllAsync(keys, cancellationToken));

    /// <inheritdoc />
    public ValueTask<ObjectListPage> ListAsync(string prefix, string? continuationToken = null, int maxResults = 1000, CancellationToken cancellationToken = default) =>
        _inner.ListAsync(prefix, continuationToken, maxResults, cancellationToken);

    /// <inheritdoc />
    public ValueTask<ObjectLease> AcquireLeaseAsync(string key, TimeSpan duration, CancellationToken cancellationToken = default) =>
        _inner.AcquireLeaseAsync(key, duration, cancellationToken);

    /// <inheritdoc />
    public ValueTask RenewLeaseAsync(ObjectLease lease, CancellationToken cancellationToken = default) => _inner.RenewLeaseAsync(lease, cancellationToken);

    /// <inheritdoc />
    public ValueTask ReleaseLeaseAsync(ObjectLease lease, CancellationToken cancellationToken = default) => _inner.ReleaseLeaseAsync(lease, cancellationToken);

    /// <inheritdoc />
    public ValueTask BreakLeaseAsync(string key, CancellationToken cancellationToken = default) => _inner.BreakLeaseAsync(key, cancellationToken);

    /// <summary>A flush of any number of objects or names: one flush, charged to the first key (none for no keys).</summary>
    private async ValueTask TrackFlushAsync(IReadOnlyList<string> keys, Func<ValueTask> flush)
    {
        if (keys.Count == 0)
        {
            await flush();
            return;
        }

        await TrackAsync("flush", keys[0], 1, async () =>
        {
            await flush();
            return true;
        });
    }

    private async ValueTask<T> TrackAsync<T>(string request, string key, long cost, Func<ValueTask<T>> run)
    {
        long start;
        lock (_gate)
        {
            start = _completedDepth;
        }

        if (cost > 0)
        {
            await Task.Delay(HoldTime).ConfigureAwait(false);
        }

        var result = await run().ConfigureAwait(false);
        Interlocked.Add(ref _flushes, cost);
        lock (_gate)
        {
            var depth = start + cost;
            _completedDepth = Math.Max(_completedDepth, depth);
            _log.Add((request, key, depth));
        }

        return result;
    }
}

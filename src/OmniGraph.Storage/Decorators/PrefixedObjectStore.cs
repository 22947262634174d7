namespace OmniGraph.Storage;

/// <summary>
/// A view of another store under a key prefix: key <c>k</c> here is <c>prefix/k</c> there. Lets one account
/// or directory host several graphs, each seeing a store of its own.
/// </summary>
/// <remarks>
/// Keys are validated against this view before they are prefixed, and errors are reported with the key the
/// caller used. Continuation tokens of the inner store pass through untouched (they are opaque).
/// </remarks>
public sealed class PrefixedObjectStore : IObjectStore
{
    private readonly IObjectStore _inner;
    private readonly string _prefix;
    private readonly int _prefixBytes;

    /// <summary>Creates a view of <paramref name="inner"/> under <paramref name="prefix"/>.</summary>
    /// <param name="inner">The store that holds the objects.</param>
    /// <param name="prefix">One or more key segments, with or without a trailing <c>'/'</c> (for example <c>graphs/g1</c>).</param>
    /// <exception cref="OmniGraphException">Code <c>invalid_object_key</c>: The prefix is not a valid key.</exception>
    public PrefixedObjectStore(IObjectStore inner, string prefix)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(prefix);
        var trimmed = prefix.EndsWith(ObjectKey.Separator) ? prefix[..^1] : prefix;
        ObjectKey.Validate(trimmed);
        _inner = inner;
        _prefix = trimmed + ObjectKey.Separator;
        _prefixBytes = System.Text.Encoding.UTF8.GetByteCount(_prefix);
        Location = $"{inner.Location.TrimEnd('/')}/{_prefix}";
    }

    /// <summary>The prefix this view adds, ending with <c>'/'</c>.</summary>
    public string Prefix => _prefix;

    /// <summary>The store underneath.</summary>
    public IObjectStore Inner => _inner;

    /// <inheritdoc />
    public string Location { get; }

    /// <inheritdoc />
    public async ValueTask<StoredObject> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var inner = ToInnerKey(key);
        try
        {
            return await _inner.GetAsync(inner, cancellationToken).ConfigureAwait(false);
        }
        catch (OmniGraphException exception) when (exception.Get(ErrorDetail.Key) == inner)
        {
            throw Translate(exception, key);
        }
    }

    /// <inheritdoc />
    public async ValueTask<StoredObject> GetRangeAsync(string key, long offset, int length, CancellationToken cancellationToken = default)
    {
        var inner = ToInnerKey(key);
        try
        {
            return await _inner.GetRangeAsync(inner, offset, length, cancellationToken).ConfigureAwait(false);
        }
        catch (OmniGraphException exception) when (exception.Get(ErrorDetail.Key) == inner)
        {
            throw Translate(exception, key);
        }
    }

    /// <inheritdoc />
    public async ValueTask<ObjectProperties?> GetPropertiesAsync(string key, CancellationToken cancellationToken = default)
    {
        var inner = ToInnerKey(key);
        try
        {
            var properties = await _inner.GetPropertiesAsync(inner, cancellationToken).ConfigureAwait(false);
            return properties is null ? null : properties with { Key = key };
        }
        catch (OmniGraphException exception) when (exception.Get(ErrorDetail.Key) == inner)
        {
            throw Translate(exception, key);
        }
    }

    /// <inheritdoc />
    public async ValueTask<ObjectProperties> PutAsync(string key, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        var inner = ToInnerKey(key);
        try
        {
            var properties = await _inner.PutAsync(inner, content, condition, cancellationToken).ConfigureAwait(false);
            return properties with { Key = key };
        }
        catch (OmniGraphException exception) when (exception.Get(ErrorDetail.Key) == inner)
        {
            throw Translate(exception, key);
        }
    }

    /// <inheritdoc />
    public async ValueTask<ObjectProperties> PutUnflushedAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var inner = ToInnerKey(key);
        try
        {
            var properties = await _inner.PutUnflushedAsync(inner, content, cancellationToken).ConfigureAwait(false);
            return properties with { Key = key };
        }
        catch (OmniGraphException exception) when (exception.Get(ErrorDetail.Key) == inner)
        {
            throw Translate(exception, key);
        }
    }

    /// <inheritdoc />
    public ValueTask FlushAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) =>
        FlushInnerAsync(keys, static (store, inner, token) => store.FlushAsync(inner, token), cancellationToken);

    /// <inheritdoc />
    public ValueTask FlushNamesAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) =>
        FlushInnerAsync(keys, static (store, inner, token) => store.FlushNamesAsync(inner, token), cancellationToken);

    private async ValueTask FlushInnerAsync(IReadOnlyList<string> keys, Func<IObjectStore, string[], CancellationToken, ValueTask> flush, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var inner = new string[keys.Count];
        for (var i = 0; i < inner.Length; i++)
        {
            inner[i] = ToInnerKey(keys[i]);
        }

        try
        {
            await flush(_inner, inner, cancellationToken).ConfigureAwait(false);
        }
        catch (OmniGraphException exception) when (exception.Get(ErrorDetail.Key) is { } failed && Array.IndexOf(inner, failed) >= 0)
        {
            throw Translate(exception, keys[Array.IndexOf(inner, failed)]);
        }
    }

    /// <inheritdoc />
    public async ValueTask<PreparedPut> PreparePutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var inner = ToInnerKey(key);
        try
        {
            var prepared = await _inner.PreparePutAsync(inner, content, cancellationToken).ConfigureAwait(false);
            return new PreparedPut(key, content, prepared);
        }
        catch (OmniGraphException exception) when (exception.Get(ErrorDetail.Key) == inner)
        {
            throw Translate(exception, key);
        }
    }

    /// <inheritdoc />
    public async ValueTask<ObjectProperties> PublishAsync(PreparedPut put, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(put);
        if (put.State is not PreparedPut prepared)
        {
            return await PutAsync(put.Key, put.Content, condition, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var properties = await _inner.PublishAsync(prepared, condition, cancellationToken).ConfigureAwait(false);
            return properties with { Key = put.Key };
        }
        catch (OmniGraphException exception) when (exception.Get(ErrorDetail.Key) == prepared.Key)
        {
            throw Translate(exception, put.Key);
        }
    }

    /// <inheritdoc />
    public async ValueTask<ObjectProperties> PublishUnflushedAsync(PreparedPut put, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(put);
        if (put.State is not PreparedPut prepared)
        {
            return await PutAsync(put.Key, put.Content, condition, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var properties = await _inner.PublishUnflushedAsync(prepared, condition, cancellationToken).ConfigureAwait(false);
            return properties with { Key = put.Key };
        }
        catch (OmniGraphException exception) when (exception.Get(ErrorDetail.Key) == prepared.Key)
        {
            throw Translate(exception, put.Key);
        }
    }

    /// <inheritdoc />
    public ValueTask DiscardAsync(PreparedPut put)
    {
        ArgumentNullException.ThrowIfNull(put);
        return put.State is PreparedPut prepared ? _inner.DiscardAsync(prepared) : ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask<bool> DeleteAsync(string key, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        var inner = ToInnerKey(key);
        try
        {
            return await _inner.DeleteAsync(inner, condition, cancellationToken).ConfigureAwait(false);
        }
        catch (OmniGraphException exception) when (exception.Get(ErrorDetail.Key) == inner)
        {
            throw Translate(exception, key);
        }
    }

    /// <inheritdoc />
    public async ValueTask<int> DeleteAllAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var inner = new string[keys.Count];
        for (var i = 0; i < inner.Length; i++)
        {
            inner[i] = ToInnerKey(keys[i]);
        }

        try
        {
            return await _inner.DeleteAllAsync(inner, cancellationToken).ConfigureAwait(false);
        }
        catch (OmniGraphException exception) when (exception.Get(ErrorDetail.Key) is { } failed && Array.IndexOf(inner, failed) >= 0)
        {
            throw Translate(exception, keys[Array.IndexOf(inner, failed)]);
        }
    }

    /// <inheritdoc />
    public async ValueTask<ObjectListPage> ListAsync(string prefix, string? continuationToken = null, int maxResults = 1000, CancellationToken cancellationToken = default)
    {
        ObjectKey.ValidatePrefix(prefix);
        var page = await _inner.ListAsync(_prefix + prefix, continuationToken, maxResults, cancellationToken).ConfigureAwait(false);
        var objects = new ObjectProperties[page.Objects.Count];
        for (var i = 0; i < objects.Length; i++)
        {
            var properties = page.Objects[i];
            objects[i] = properties with { Key = properties.Key[_prefix.Length..] };
        }

        return new ObjectListPage(objects, page.ContinuationToken);
    }

    /// <inheritdoc />
    public async ValueTask<ObjectLease> AcquireLeaseAsync(string key, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var inner = ToInnerKey(key);
        try
        {
            var lease = await _inner.AcquireLeaseAsync(inner, duration, cancellationToken).ConfigureAwait(false);
            return lease with { Key = key };
        }
        catch (OmniGraphException exception) when (exception.Get(ErrorDetail.Key) == inner)
        {
            throw Translate(exception, key);
        }
    }

    /// <inheritdoc />
    public async ValueTask RenewLeaseAsync(ObjectLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var inner = ToInnerKey(lease.Key);
        try
        {
            await _inner.RenewLeaseAsync(lease with { Key = inner }, cancellationToken).ConfigureAwait(false);
        }
        catch (OmniGraphException exception) when (exception.Get(ErrorDetail.Key) == inner)
        {
            throw Translate(exception, lease.Key);
        }
    }

    /// <inheritdoc />
    public async ValueTask ReleaseLeaseAsync(ObjectLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var inner = ToInnerKey(lease.Key);
        try
        {
            await _inner.ReleaseLeaseAsync(lease with { Key = inner }, cancellationToken).ConfigureAwait(false);
        }
        catch (OmniGraphException exception) when (exception.Get(ErrorDetail.Key) == inner)
        {
            throw Translate(exception, lease.Key);
        }
    }

    /// <inheritdoc />
    public async ValueTask BreakLeaseAsync(string key, CancellationToken cancellationToken = default)
    {
        var inner = ToInnerKey(key);
        try
        {
            await _inner.BreakLeaseAsync(inner, cancellationToken).ConfigureAwait(false);
        }
        catch (OmniGraphException exception) when (exception.Get(ErrorDetail.Key) == inner)
        {
            throw Translate(exception, key);
        }
    }

    private string ToInnerKey(string key)
    {
        ObjectKey.Validate(key);
        var inner = _prefix + key;
        if (_prefixBytes + System.Text.Encoding.UTF8.GetByteCount(key) > ObjectKey.MaxKeyBytes)
        {
            throw StoreErrors.InvalidKey(key, $"with the store prefix '{_prefix}' the key exceeds {ObjectKey.MaxKeyBytes} UTF-8 bytes");
        }

        return inner;
    }

    /// <summary>The same failure, naming the key (and, for a miss, the store) as the caller knows them.</summary>
    private OmniGraphException Translate(OmniGraphException exception, string key) => exception is ObjectNotFoundException
        ? new ObjectNotFoundException(key, Location)
        : StoreErrors.WithKey(exception, key);
}

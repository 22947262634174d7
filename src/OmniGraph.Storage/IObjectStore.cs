namespace OmniGraph.Storage;

/// <summary>
/// The only way bytes reach durable storage. A flat namespace of immutable-or-CAS-replaced objects
/// addressed by slash-separated keys, with the guarantees every backend (local directory, memory,
/// Azure Blob) must give identically:
/// <list type="bullet">
/// <item>A completed <see cref="PutAsync"/> is durable (fsynced / acknowledged by the service) and
/// atomic: readers see the old bytes or the new bytes, never a torn mix.</item>
/// <item><see cref="WriteCondition.IfNotExists"/> is an atomic create-if-absent: of N racing writers,
/// across processes, exactly one wins.</item>
/// <item><see cref="WriteCondition.IfMatch"/> is an atomic compare-and-swap on the entity tag, which
/// changes on every successful write (even of identical bytes).</item>
/// <item>Listings are sorted by key (ordinal) and never show temporary or partial objects.</item>
/// </list>
/// Failures surface as <see cref="OmniGraphException"/>s with stable codes. Every key is checked by
/// <see cref="ObjectKey"/> before any I/O; a bad one is an an <see cref="OmniGraphException"/> (<c>invalid_object_key</c>).
/// </summary>
public interface IObjectStore
{
    /// <summary>Where the store lives, for messages and logs (for example <c>file:///data/g</c>).</summary>
    string Location { get; }

    /// <summary>Reads a whole object.</summary>
    /// <exception cref="ObjectNotFoundException">No object has that key.</exception>
    ValueTask<StoredObject> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads <paramref name="length"/> bytes starting at <paramref name="offset"/>; a range that runs
    /// past the end is clamped. <see cref="StoredObject.TotalLength"/> reports the full object size.
    /// </summary>
    /// <exception cref="ObjectNotFoundException">No object has that key.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative offset or length.</exception>
    ValueTask<StoredObject> GetRangeAsync(string key, long offset, int length, CancellationToken cancellationToken = default);

    /// <summary>Size, entity tag and lease state of an object, or <c>null</c> when it does not exist.</summary>
    ValueTask<ObjectProperties?> GetPropertiesAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes an object under a condition; returns its new properties once durable. The store keeps no reference to
    /// <paramref name="content"/> once the call has completed (it copies or writes the bytes), so the caller may reuse
    /// the buffer then.
    /// </summary>
    /// <exception cref="ObjectPreconditionFailedException">The condition does not hold.</exception>
    ValueTask<ObjectProperties> PutAsync(string key, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a new object whose durability may be deferred to <see cref="FlushAsync"/>: for objects under a name unique
    /// to their writer that nobody reads before a durable record names them (a write's staged fragments, deletion files
    /// and table versions). It is create-if-absent like <see cref="WriteCondition.IfNotExists"/>, but until
    /// <see cref="FlushAsync"/> returns for its key a crash may lose it or leave it torn (the local store then fails its
    /// checksum), and a store may write the bytes behind the call (the local store does): a failure to write, a name
    /// already taken included, may then be reported only by that flush or by a read of the key, which wait for the write.
    /// The writer must flush it before any durable record refers to it, and must not change <paramref name="content"/>
    /// afterwards. The default is an ordinary durable create-if-absent.
    /// </summary>
    /// <exception cref="ObjectPreconditionFailedException">An object has the key.</exception>
    ValueTask<ObjectProperties> PutUnflushedAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        PutAsync(key, content, WriteCondition.IfNotExists, cancellationToken);

    /// <summary>
    /// Makes objects written by <see cref="PutUnflushedAsync"/> durable, all at once (the local store flushes every file
    /// and every directory holding one in parallel). Flushing an object that is already durable is harmless. The default
    /// does nothing: the default <see cref="PutUnflushedAsync"/> is durable already.
    /// </summary>
    /// <exception cref="ObjectNotFoundException">One of the objects does not exist (a store that flushes finds out; one whose puts are always durable has nothing to do).</exception>
    ValueTask FlushAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <summary>
    /// Makes the names of objects published by <see cref="PublishUnflushedAsync"/> durable, all at once: their bytes are
    /// durable already (they were prepared), so the local store flushes only the directories that hold the names, each
    /// once however many names it holds, where a publish would flush its directory per object. The default is
    /// <see cref="FlushAsync"/> (which also makes the names durable), so a decorator that does not forward this call
    /// stays correct.
    /// </summary>
    /// <exception cref="ObjectNotFoundException">A directory of one of the objects does not exist.</exception>
    ValueTask FlushNamesAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) => FlushAsync(keys, cancellationToken);

    /// <summary>
    /// The first half of a <see cref="PutAsync"/>, done ahead of time: the content is made durable where no reader sees
    /// it, so that <see cref="PublishAsync"/> later only has to make it visible (the local store writes and flushes a
    /// temporary file now, and publishing is a link or rename plus a directory flush). Lets a caller overlap the slow half
    /// of writes it must publish one after another. A prepared put that is never published is discarded with
    /// <see cref="DiscardAsync"/> (or, if the process dies, swept like any temporary file). The default keeps the content
    /// in memory: publishing is then an ordinary put.
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>invalid_object_key</c>: The key is not valid.</exception>
    ValueTask<PreparedPut> PreparePutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        ObjectKey.Validate(key);
        return ValueTask.FromResult(new PreparedPut(key, content));
    }

    /// <summary>
    /// Publishes a put prepared by <see cref="PreparePutAsync"/> of this store under a condition, with every guarantee of
    /// <see cref="PutAsync"/> (atomic, durable once it returns). A put can be published once; whatever the outcome, its
    /// temporary state is gone afterwards.
    /// </summary>
    /// <exception cref="ObjectPreconditionFailedException">The condition does not hold.</exception>
    ValueTask<ObjectProperties> PublishAsync(PreparedPut put, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(put);
        return PutAsync(put.Key, put.Content, condition, cancellationToken);
    }

    /// <summary>
    /// Publishes a prepared put like <see cref="PublishAsync"/>, atomically and under the condition, but leaves making its
    /// name durable to a later <see cref="FlushAsync"/> of its key: lets a writer publish several objects in order and
    /// flush their names in one round. Until that flush returns a crash may lose the object (never tear it: its bytes are
    /// durable). The default is <see cref="PublishAsync"/>.
    /// </summary>
    /// <exception cref="ObjectPreconditionFailedException">The condition does not hold.</exception>
    ValueTask<ObjectProperties> PublishUnflushedAsync(PreparedPut put, WriteCondition condition, CancellationToken cancellationToken = default) =>
        PublishAsync(put, condition, cancellationToken);

    /// <summary>Drops a prepared put that will not be published (best effort; never throws for a put already gone).</summary>
    ValueTask DiscardAsync(PreparedPut put) => ValueTask.CompletedTask;

    /// <summary>
    /// Deletes an object under a condition. With <see cref="WriteCondition.None"/> a missing object is
    /// not an error (returns <c>false</c>); with <see cref="WriteCondition.IfMatch"/> it is a precondition failure.
    /// </summary>
    /// <exception cref="ObjectPreconditionFailedException">The condition does not hold.</exception>
    /// <exception cref="ArgumentException"><see cref="WriteCondition.IfNotExists"/>, which is not a delete condition.</exception>
    ValueTask<bool> DeleteAsync(string key, WriteCondition condition, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes every object of <paramref name="keys"/> unconditionally (a missing one is not an error), the removals made
    /// durable together: the local store unlinks them all, then flushes each directory once, where a delete per object
    /// would flush its directory per object. Returns how many existed. The default deletes them one by one, side by side.
    /// </summary>
    async ValueTask<int> DeleteAllAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var deletes = new Task<bool>[keys.Count];
        for (var i = 0; i < deletes.Length; i++)
        {
            deletes[i] = DeleteAsync(keys[i], WriteCondition.None, cancellationToken).AsTask();
        }

        return (await Task.WhenAll(deletes).ConfigureAwait(false)).Count(static deleted => deleted);
    }

    /// <summary>
    /// Lists objects whose key starts with <paramref name="prefix"/> (empty lists everything), sorted by
    /// key, at most <paramref name="maxResults"/> per page. Pass the returned continuation token to get
    /// the next page; a <c>null</c> token means the listing is complete.
    /// </summary>
    /// <exception cref="OmniGraphException">Code <c>invalid_object_key</c>: No valid key can start with <paramref name="prefix"/>.</exception>
    /// <exception cref="OmniGraphException">Code <c>invalid_continuation_token</c>: The token was not issued by this store.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxResults"/> is not between 1 and 5000.</exception>
    ValueTask<ObjectListPage> ListAsync(string prefix, string? continuationToken = null, int maxResults = 1000, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes an exclusive write lease on an existing object (Azure Blob lease semantics): while it is
    /// held, writes and deletes of that key must carry the lease id. <see cref="Timeout.InfiniteTimeSpan"/>
    /// means no expiry; otherwise 15 to 60 seconds.
    /// </summary>
    /// <exception cref="ObjectNotFoundException">No object has that key.</exception>
    /// <exception cref="ObjectPreconditionFailedException">Another unexpired lease is held.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A duration other than 15 to 60 seconds or infinite.</exception>
    ValueTask<ObjectLease> AcquireLeaseAsync(string key, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>Extends a held lease by its original duration.</summary>
    /// <exception cref="ObjectPreconditionFailedException">The lease is no longer held by this id.</exception>
    /// <exception cref="ObjectNotFoundException">The object was deleted.</exception>
    ValueTask RenewLeaseAsync(ObjectLease lease, CancellationToken cancellationToken = default);

    /// <summary>Releases a held lease; releasing a lease that already expired or was broken is not an error.</summary>
    ValueTask ReleaseLeaseAsync(ObjectLease lease, CancellationToken cancellationToken = default);

    /// <summary>Ends whatever lease is held on the object, for operators recovering from a dead holder.</summary>
    /// <exception cref="ObjectNotFoundException">No object has that key.</exception>
    ValueTask BreakLeaseAsync(string key, CancellationToken cancellationToken = default);
}

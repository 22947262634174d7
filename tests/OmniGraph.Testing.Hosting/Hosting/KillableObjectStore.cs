using OmniGraph.Storage;

namespace OmniGraph.Testing.Hosting;

/// <summary>A store of one test silo: every call fails once the silo is killed (<see cref="SiloStores"/>).</summary>
internal sealed class KillableObjectStore(IObjectStore inner, SiloStores silo) : IObjectStore, ITemporaryFileListing
{
    public string Location => inner.Location;

    public ValueTask<StoredObject> GetAsync(string key, CancellationToken cancellationToken = default) => Alive().GetAsync(key, cancellationToken);

    public ValueTask<StoredObject> GetRangeAsync(string key, long offset, int length, CancellationToken cancellationToken = default) =>
        Alive().GetRangeAsync(key, offset, length, cancellationToken);

    public ValueTask<ObjectProperties?> GetPropertiesAsync(string key, CancellationToken cancellationToken = default) => Alive().GetPropertiesAsync(key, cancellationToken);

    public ValueTask<ObjectProperties> PutAsync(string key, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken = default) =>
        Alive().PutAsync(key, content, condition, cancellationToken);

    public ValueTask<ObjectProperties> PutUnflushedAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        Alive().PutUnflushedAsync(key, content, cancellationToken);

    public ValueTask FlushAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) => Alive().FlushAsync(keys, cancellationToken);

    public ValueTask FlushNamesAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) => Alive().FlushNamesAsync(keys, cancellationToken);

    public ValueTask<int> DeleteAllAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) => Alive().DeleteAllAsync(keys, cancellationToken);

    public ValueTask<PreparedPut> PreparePutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        Alive().PreparePutAsync(key, content, cancellationToken);

    public ValueTask<ObjectProperties> PublishAsync(PreparedPut put, WriteCondition condition, CancellationToken cancellationToken = default) =>
        Alive().PublishAsync(put, condition, cancellationToken);

    public ValueTask<ObjectProperties> PublishUnflushedAsync(PreparedPut put, WriteCondition condition, CancellationToken cancellationToken = default) =>
        Alive().PublishUnflushedAsync(put, condition, cancellationToken);

    // A killed silo leaves its prepared temporary files behind, as a crashed process would: the sweep finds them.
    public ValueTask DiscardAsync(PreparedPut put) => silo.Killed ? ValueTask.CompletedTask : inner.DiscardAsync(put);

    public ValueTask<bool> DeleteAsync(string key, WriteCondition condition, CancellationToken cancellationToken = default) => Alive().DeleteAsync(key, condition, cancellationToken);

    public ValueTask<ObjectListPage> ListAsync(string prefix, string? continuationToken = null, int maxResults = 1000, CancellationToken cancellationToken = default) =>
        Alive().ListAsync(prefix, continuationToken, maxResults, cancellationToken);

    public ValueTask<ObjectLease> AcquireLeaseAsync(string key, TimeSpan duration, CancellationToken cancellationToken = default) => Alive().AcquireLeaseAsync(key, duration, cancellationToken);

    public ValueTask RenewLeaseAsync(ObjectLease lease, CancellationToken cancellationToken = default) => Alive().RenewLeaseAsync(lease, cancellationToken);

    public ValueTask ReleaseLeaseAsync(ObjectLease lease, CancellationToken cancellationToken = default) => Alive().ReleaseLeaseAsync(lease, cancellationToken);

    public ValueTask BreakLeaseAsync(string key, CancellationToken cancellationToken = default) => Alive().BreakLeaseAsync(key, cancellationToken);

    public IReadOnlyList<TemporaryFileEntry> ListTemporaryFiles() => Alive() is ITemporaryFileListing listing ? listing.ListTemporaryFiles() : [];

    private IObjectStore Alive() => silo.Killed
        ? throw new IOException($"silo {silo.SiloName} was killed: a crashed process does no more I/O")
        : inner;
}

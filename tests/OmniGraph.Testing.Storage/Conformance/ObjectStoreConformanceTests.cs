using OmniGraph.Storage;

namespace OmniGraph.Testing.Storage.Conformance;

/// <summary>
/// The <see cref="IObjectStore"/> contract as executable tests, in the shape of Orleans'
/// <c>GrainStorageTestRunner</c>: every backend's test class (in any test project) inherits this runner and supplies
/// its store, so all backends are held to identical behaviour. Each test gets a fresh, empty store and its own clock.
/// </summary>
public abstract partial class ObjectStoreConformanceTests : IAsyncLifetime
{
    private IObjectStore? _store;

    /// <summary>The clock the store under test uses for leases and modification times.</summary>
    protected ManualTimeProvider Time { get; } = new();

    /// <summary>The store under test, created before the test runs (so racing tasks of a test all see the same one).</summary>
    protected IObjectStore Store => _store ?? throw new InvalidOperationException("the store is created in InitializeAsync");

    /// <summary>Longest key this store accepts, in UTF-8 bytes (a prefixed view has less room than its inner store).</summary>
    protected virtual int MaxKeyBytes => ObjectKey.MaxKeyBytes;

    /// <summary>
    /// Creates an empty store of the backend under test that reads time from <paramref name="timeProvider"/> (and, if the
    /// test needs it, puts whatever should surround the store in place).
    /// </summary>
    protected abstract Task<IObjectStore> CreateStoreAsync(TimeProvider timeProvider);

    /// <inheritdoc />
    public async Task InitializeAsync() => _store = await CreateStoreAsync(Time);

    /// <inheritdoc />
    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// Moves the store's clock ahead (lease expiry). By default the <see cref="Time"/> the store was given; a backend
    /// whose leases run on a service's clock (Azure Blob) moves that clock too.
    /// </summary>
    protected virtual Task AdvanceTimeAsync(TimeSpan by)
    {
        Time.Advance(by);
        return Task.CompletedTask;
    }

    protected async Task<ObjectProperties> PutTextAsync(string key, string text, WriteCondition? condition = null) =>
        await Store.PutAsync(key, Bytes.Utf8(text), condition ?? WriteCondition.None);

    protected async Task<string> GetTextAsync(string key) => Bytes.Text((await Store.GetAsync(key)).Content);

    protected async Task<List<string>> ListAllKeysAsync(string prefix = "", int pageSize = 1000)
    {
        var keys = new List<string>();
        string? token = null;
        do
        {
            var page = await Store.ListAsync(prefix, token, pageSize);
            keys.AddRange(page.Objects.Select(o => o.Key));
            token = page.ContinuationToken;
        }
        while (token is not null);

        return keys;
    }
}

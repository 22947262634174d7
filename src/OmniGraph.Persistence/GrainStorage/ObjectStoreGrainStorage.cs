using System.Text.Json;
using Microsoft.Extensions.Logging;
using OmniGraph.Storage;
using Orleans.Storage;

namespace OmniGraph.Persistence;

/// <summary>
/// An Orleans grain storage provider over an <see cref="IObjectStore"/>: each grain state is one JSON object
/// <c>{stateName}-{grainType}/{grainKey}.json</c> (see <see cref="GrainStateKeys"/>), written with ETag optimistic
/// concurrency, like Orleans' Azure Blob provider.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Read: a missing object gives a new state, ETag <c>null</c>, <c>RecordExists == false</c>.</item>
/// <item>Write: with ETag <c>null</c> the object is created only if absent, otherwise replaced only if its ETag still
/// matches; a lost race throws <see cref="InconsistentStateException"/> (stored ETag = the store's current one, current
/// ETag = the grain's) and leaves the stored object unchanged.</item>
/// <item>Clear: deletes the object (only if its ETag matches; with ETag <c>null</c>, only if there is nothing to delete),
/// then leaves a new, non-null state with ETag <c>null</c> and <c>RecordExists == false</c>.</item>
/// <item>Every completed operation is durable (the store acknowledges only durable writes); nothing is retried.</item>
/// </list>
/// </remarks>
public sealed partial class ObjectStoreGrainStorage : IGrainStorage
{
    private readonly string _name;
    private readonly ObjectStoreGrainStorageOptions _options;
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;
    private readonly JsonSerializerOptions _json;
    private IObjectStore? _store;

    /// <summary>Creates the provider named <paramref name="name"/>.</summary>
    public ObjectStoreGrainStorage(string name, ObjectStoreGrainStorageOptions options, IServiceProvider services, ILogger<ObjectStoreGrainStorage> logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(logger);
        _name = name;
        _options = options;
        _services = services;
        _logger = logger;
        _json = options.JsonSerializerOptions ?? new JsonSerializerOptions(JsonSerializerDefaults.Web);
    }

    /// <summary>The provider's name.</summary>
    public string Name => _name;

    /// <summary>The store holding the state objects (created from the options on first use).</summary>
    public IObjectStore Store => LazyInitializer.EnsureInitialized(ref _store, CreateStore);

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = KeyOf(stateName, grainId);
        StoredObject stored;
        try
        {
            stored = await Store.GetAsync(key).ConfigureAwait(false);
        }
        catch (ObjectNotFoundException)
        {
            LogReadMissing(key);
            grainState.State = StateFactory<T>.Create();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        if (stored.Content.IsEmpty)
        {
            // An empty object is a reset record (what Orleans' blob provider writes when it clears without deleting).
            grainState.State = StateFactory<T>.Create();
            grainState.ETag = stored.ETag;
            grainState.RecordExists = false;
            return;
        }

        T? state;
        try
        {
            state = JsonSerializer.Deserialize<T>(stored.Content.Span, _json);
        }
        catch (JsonException exception)
        {
            throw new GrainStateCorruptException(key, typeof(T), JsonSyntax.DescribeFailure(stored.Content.Span, exception), exception);
        }

        grainState.State = state ?? StateFactory<T>.Create();
        grainState.ETag = stored.ETag;
        grainState.RecordExists = state is not null;
        LogRead(key, stored.ETag);
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = KeyOf(stateName, grainId);
        var content = JsonSerializer.SerializeToUtf8Bytes(grainState.State, _json);
        var condition = string.IsNullOrEmpty(grainState.ETag) ? WriteCondition.IfNotExists : WriteCondition.IfMatch(grainState.ETag);
        ObjectProperties written;
        try
        {
            written = await Store.PutAsync(key, content, condition).ConfigureAwait(false);
        }
        catch (ObjectPreconditionFailedException conflict)
        {
            throw Inconsistent("write", key, conflict, grainState.ETag);
        }

        grainState.ETag = written.ETag;
        grainState.RecordExists = true;
        LogWritten(key, written.ETag);
    }

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = KeyOf(stateName, grainId);
        if (string.IsNullOrEmpty(grainState.ETag))
        {
            // Without an ETag the caller believes there is no record; clearing one it never saw would be a lost update.
            var existing = await Store.GetPropertiesAsync(key).ConfigureAwait(false);
            if (existing is not null)
            {
                LogConflict("clear", key, existing.ETag, grainState.ETag);
                throw new InconsistentStateException(
                    $"Cannot clear grain state object '{key}' in storage '{_name}': it exists (ETag {existing.ETag}) but the grain holds no ETag.",
                    existing.ETag,
                    grainState.ETag);
            }
        }
        else
        {
            try
            {
                await Store.DeleteAsync(key, WriteCondition.IfMatch(grainState.ETag)).ConfigureAwait(false);
            }
            catch (ObjectPreconditionFailedException conflict)
            {
                throw Inconsistent("clear", key, conflict, grainState.ETag);
            }
        }

        grainState.State = StateFactory<T>.Create();
        grainState.ETag = null;
        grainState.RecordExists = false;
        LogCleared(key);
    }

    private IObjectStore CreateStore() => _options.ObjectStore
        ?? _options.ObjectStoreFactory?.Invoke(_services)
        ?? throw new OrleansConfigurationException($"Grain storage '{_name}' has no object store configured.");

    private string KeyOf(string stateName, GrainId grainId) => GrainStateKeys.For(stateName, grainId, _options.KeyPrefix);

    private InconsistentStateException Inconsistent(string operation, string key, ObjectPreconditionFailedException conflict, string? grainETag)
    {
        LogConflict(operation, key, conflict.CurrentETag, grainETag);
        return new InconsistentStateException(
            $"Cannot {operation} grain state object '{key}' in storage '{_name}': the stored ETag is {conflict.CurrentETag ?? "none (no object)"}, the grain holds {grainETag ?? "none"}.",
            conflict.CurrentETag,
            grainETag,
            conflict);
    }
}

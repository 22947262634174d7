using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OmniGraph.Storage;
using Orleans.Storage;

namespace OmniGraph.Persistence;

/// <summary>
/// The grain storage of each object store, made once per store instance: the first <see cref="IStoreGrainStorageSelector"/>
/// that takes the store, else <see cref="ObjectStoreGrainStorage"/>. A silo service (<c>AddStoreGrainStorages</c>).
/// </summary>
public sealed class StoreGrainStorages
{
    private readonly IServiceProvider _services;
    private readonly IReadOnlyList<IStoreGrainStorageSelector> _selectors;
    private readonly ILogger<ObjectStoreGrainStorage> _logger;
    private readonly ConditionalWeakTable<IObjectStore, IGrainStorage> _perStore = new();

    /// <summary>Creates the registry of providers.</summary>
    public StoreGrainStorages(IServiceProvider services, IEnumerable<IStoreGrainStorageSelector> selectors, ILogger<ObjectStoreGrainStorage> logger)
    {
        _services = services;
        _selectors = [.. selectors];
        _logger = logger;
    }

    /// <summary>The provider <paramref name="name"/> for state under <paramref name="keyPrefix"/> in <paramref name="store"/>.</summary>
    public IGrainStorage For(string name, IObjectStore store, string keyPrefix, JsonSerializerOptions serializerOptions)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        ArgumentNullException.ThrowIfNull(serializerOptions);

        // One provider per store instance (and so per graph): stores are opened once per location and kept.
        return _perStore.GetValue(store, s => Create(name, s, keyPrefix, serializerOptions));
    }

    private IGrainStorage Create(string name, IObjectStore store, string keyPrefix, JsonSerializerOptions serializerOptions)
    {
        foreach (var selector in _selectors)
        {
            if (selector.TrySelect(name, store, keyPrefix, serializerOptions) is { } selected)
            {
                return selected;
            }
        }

        return new ObjectStoreGrainStorage(
            name,
            new ObjectStoreGrainStorageOptions { ObjectStore = store, KeyPrefix = keyPrefix, JsonSerializerOptions = serializerOptions },
            _services,
            _logger);
    }
}

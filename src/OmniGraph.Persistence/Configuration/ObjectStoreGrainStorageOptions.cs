using System.Text.Json;
using OmniGraph.Storage;

namespace OmniGraph.Persistence;

/// <summary>Settings of an <see cref="ObjectStoreGrainStorage"/> provider.</summary>
public sealed class ObjectStoreGrainStorageOptions
{
    /// <summary>The store holding the grain state objects. Set this or <see cref="ObjectStoreFactory"/>.</summary>
    public IObjectStore? ObjectStore { get; set; }

    /// <summary>Creates the store from the silo's services (resolved once, on first use). Set this or <see cref="ObjectStore"/>.</summary>
    public Func<IServiceProvider, IObjectStore>? ObjectStoreFactory { get; set; }

    /// <summary>
    /// Key prefix of every state object (empty, or ending with <c>'/'</c>; for example <c>grainstate/</c>), so grain
    /// state can share a store with other data.
    /// </summary>
    public string KeyPrefix { get; set; } = string.Empty;

    /// <summary>How states are serialized; default <see cref="JsonSerializerDefaults.Web"/> options.</summary>
    public JsonSerializerOptions? JsonSerializerOptions { get; set; }
}

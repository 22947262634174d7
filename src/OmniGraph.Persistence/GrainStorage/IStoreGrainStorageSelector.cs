using System.Text.Json;
using OmniGraph.Storage;
using Orleans.Storage;

namespace OmniGraph.Persistence;

/// <summary>
/// Picks the grain storage provider for grain state kept inside an object store, by the kind of store: a backend with a
/// provider of its own (Orleans' Azure Blob grain storage for the blob store) registers a selector; every other store
/// keeps <see cref="ObjectStoreGrainStorage"/>. Selectors are asked in registration order; the first answer wins.
/// </summary>
public interface IStoreGrainStorageSelector
{
    /// <summary>
    /// The provider for state under <paramref name="keyPrefix"/> in <paramref name="store"/>, serialized with
    /// <paramref name="serializerOptions"/>, or <c>null</c> when this selector does not handle the store.
    /// </summary>
    /// <param name="name">The provider name (for logs and errors).</param>
    /// <param name="store">The store that holds the state objects.</param>
    /// <param name="keyPrefix">Key prefix of every state object (empty, or ending with <c>'/'</c>).</param>
    /// <param name="serializerOptions">How states are serialized (the same bytes whichever provider writes them).</param>
    IGrainStorage? TrySelect(string name, IObjectStore store, string keyPrefix, JsonSerializerOptions serializerOptions);
}

using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OmniGraph.Persistence;
using OmniGraph.Storage;
using OmniGraph.Storage.Azure;
using Orleans.Configuration;
using Orleans.Storage;

namespace OmniGraph.Azure;

/// <summary>
/// Takes the grain state of every store on the blob store (<see cref="AzureBlobObjectStore"/>, or a
/// <see cref="PrefixedObjectStore"/> view of one, what <c>az://CONTAINER/PREFIX</c> opens) and keeps it with Orleans'
/// <see cref="AzureBlobGrainStorage"/> on the store's own container client, serialized by
/// <see cref="JsonGrainStateSerializer"/> (the engine's explicit JSON, no type names). Other stores, and stores wrapped by
/// anything else (counting, fault injection in tests), keep <see cref="ObjectStoreGrainStorage"/>.
/// </summary>
internal sealed class AzureBlobGrainStorageSelector(IServiceProvider services) : IStoreGrainStorageSelector
{
    public IGrainStorage? TrySelect(string name, IObjectStore store, string keyPrefix, JsonSerializerOptions serializerOptions)
    {
        var (blobStore, viewPrefix) = store switch
        {
            AzureBlobObjectStore direct => (direct, string.Empty),
            PrefixedObjectStore { Inner: AzureBlobObjectStore inner } view => (inner, view.Prefix),
            _ => (null, string.Empty),
        };
        if (blobStore is null)
        {
            return null;
        }

        var options = new AzureBlobStorageOptions
        {
            ContainerName = blobStore.ContainerName,
            GrainStorageSerializer = new JsonGrainStateSerializer(serializerOptions),
            DeleteStateOnClear = true,
        };
        var orleans = ActivatorUtilities.CreateInstance<AzureBlobGrainStorage>(services, name, options, new FixedBlobContainerFactory(blobStore.Container));
        return new AzureBlobStateStorage(orleans, store, viewPrefix, keyPrefix);
    }
}

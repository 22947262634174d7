using OmniGraph.Storage;
using OmniGraph.Storage.Azure;
using OmniGraph.Testing.Azure;

namespace OmniGraph.Grains.Tests.Azure;

/// <summary>
/// Split brain on the blob store: two silos of separate clusters (two activations of one graph's manifest grain, as when a
/// silo declared dead is still writing) over one Azurite container, each with a blob client of its own. Every head move
/// and manifest publish is a conditional blob write (If-Match / If-None-Match), so the same races end the same way as on
/// a local directory: one winner per head, the loser re-prepares or fails typed, no acknowledged commit lost.
/// </summary>
public sealed class BlobTwoSiloWriteTests(AzuriteFixture azurite) : Concurrency.TwoSiloWriteTests, IClassFixture<AzuriteFixture>
{
    protected override (IObjectStore A, IObjectStore B) CreateStores()
    {
        var container = AzuriteStores.NewContainerName("split-brain");
        return (AzureBlobObjectStore.Create(AzuriteStores.Options(azurite.Server, container)),
            AzureBlobObjectStore.Create(AzuriteStores.Options(azurite.Server, container)));
    }
}

using Azure.Storage.Blobs;
using Orleans.Storage;

namespace OmniGraph.Azure;

/// <summary>Every grain's state in one container, the one the graph's blob store already uses (same client, same pipeline).</summary>
internal sealed class FixedBlobContainerFactory(BlobContainerClient container) : IBlobContainerFactory
{
    public BlobContainerClient GetBlobContainerClient(GrainId grainId) => container;

    // The store's client is ready; Orleans' provider creates the container on the first write that misses it.
    public Task InitializeAsync(BlobServiceClient client) => Task.CompletedTask;
}

using OmniGraph.Testing.Azure;

namespace OmniGraph.Storage.Azure.Tests.Listing;

/// <summary>Folders under a prefix by hierarchy listing on Azurite, directly and through a prefixed view; the same answer as a full listing of another store.</summary>
public sealed class AzureBlobFolderListingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly string[] s_keys = ["graphs/g1/graph.json", "graphs/g1/tables/x", "graphs/g2/graph.json", "graphs/top.json", "other/a"];

    [Fact]
    public async Task ListFolders_GivesTheNextSegments_Sorted()
    {
        var store = azurite.CreateStore();
        foreach (var key in s_keys)
        {
            await store.PutAsync(key, new byte[] { 1 }, WriteCondition.None);
        }

        Assert.Equal(["graphs", "other"], await store.ListFoldersAsync());
        Assert.Equal(["g1", "g2"], await store.ListFoldersAsync("graphs/"));
        Assert.Equal(["g1", "g2"], await new PrefixedObjectStore(store, "graphs").ListFoldersAsync());
        Assert.Empty(await store.ListFoldersAsync("none/"));
    }

    [Fact]
    public async Task AStoreWithoutHierarchy_IsListedInFull_ToTheSameAnswer()
    {
        var memory = new MemoryObjectStore();
        foreach (var key in s_keys)
        {
            await memory.PutAsync(key, new byte[] { 1 }, WriteCondition.None);
        }

        Assert.Equal(["g1", "g2"], await memory.ListFoldersAsync("graphs/"));
    }

    [Fact]
    public async Task AMissingContainer_HasNoFolders() =>
        Assert.Empty(await azurite.CreateStore().ListFoldersAsync());
}

using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OmniGraph.Azure;
using OmniGraph.Persistence;
using OmniGraph.Persistence.Tests.Conformance;
using OmniGraph.Testing.Azure;
using Orleans.Serialization;
using Orleans.Storage;

namespace OmniGraph.Storage.Azure.Tests.Conformance;

/// <summary>
/// The grain-storage conformance suite against the provider a silo picks for a graph on the blob store: Orleans'
/// <c>AzureBlobGrainStorage</c> (through <see cref="AzureBlobStateStorage"/>) on Azurite, under a graph's prefix.
/// </summary>
public sealed class OrleansAzureBlobGrainStorageTests : GrainStorageTestRunner, IClassFixture<AzuriteFixture>
{
    private readonly IObjectStore _store;

    public OrleansAzureBlobGrainStorageTests(AzuriteFixture azurite)
    {
        var container = Assert.IsType<AzureBlobObjectStore>(azurite.CreateStore());
        _store = new PrefixedObjectStore(container, "graphs/g1");
        var services = new ServiceCollection().AddSerializer().AddLogging().BuildServiceProvider();
        var storages = new StoreGrainStorages(services, [new AzureBlobGrainStorageSelector(services)], NullLogger<ObjectStoreGrainStorage>.Instance);
        Storage = storages.For("test", _store, "state/", new JsonSerializerOptions(JsonSerializerDefaults.Web));
    }

    protected override IGrainStorage Storage { get; }

    [Fact]
    public void TheBlobStoreSelectsOrleansProvider() => Assert.IsType<AzureBlobStateStorage>(Storage);

    [Fact]
    public async Task StateLandsAtTheEngineKey_AsExplicitJson_ReadableThroughTheObjectStore()
    {
        var grainId = GrainId.Create("tablebranch", "node:Person@main");
        var state = new GrainState<TestState1>(new TestState1 { A = "x", B = 7, C = 9 });

        await Storage.WriteStateAsync("head", grainId, state);

        var key = GrainStateKeys.For("head", grainId, "state/");
        Assert.Equal("state/head-tablebranch/node:Person@main.json", key);
        var stored = await _store.GetAsync(key);
        Assert.Equal(state.ETag, stored.ETag);
        Assert.Equal("""{"a":"x","b":7,"c":9}""", System.Text.Encoding.UTF8.GetString(stored.Content.Span));
    }

    [Fact]
    public async Task DamagedRecord_IsGrainStateCorrupt_AndLeftAsItIs()
    {
        var grainId = GrainId.Create("tablebranch", "node:Damaged@main");
        var key = GrainStateKeys.For("head", grainId, "state/");
        await _store.PutAsync(key, "{not json"u8.ToArray(), WriteCondition.IfNotExists);

        var error = await Assert.ThrowsAsync<GrainStateCorruptException>(() => Storage.ReadStateAsync("head", grainId, new GrainState<TestState1>()));

        Assert.Equal(key, error.Key);
        Assert.Equal("{not json"u8.ToArray(), (await _store.GetAsync(key)).Content.ToArray());
    }

    [Fact]
    public async Task KeyThatNeedsEscaping_IsRefusedWithATypedError_AndNothingIsWritten()
    {
        var grainId = GrainId.Create("tablebranch", "node:100%@main");

        var error = await Assert.ThrowsAsync<OmniGraphException>(() => Storage.WriteStateAsync("head", grainId, new GrainState<TestState1>(new TestState1())));

        Assert.Equal(ErrorCodes.GrainStateKeyUnsupported, error.Code);
        Assert.Empty((await _store.ListAsync("state/")).Objects);
    }
}

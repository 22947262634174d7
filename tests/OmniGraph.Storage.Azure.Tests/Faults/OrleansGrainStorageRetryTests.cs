using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OmniGraph.Azure;
using OmniGraph.Persistence;
using OmniGraph.Persistence.Tests.Conformance;
using OmniGraph.Testing.Azure;
using Orleans.Serialization;
using Orleans.Storage;

namespace OmniGraph.Storage.Azure.Tests.Faults;

/// <summary>
/// What Orleans' <c>AzureBlobGrainStorage</c> (the grain state of a graph on the blob store, on the store's own client and
/// retry pipeline) does with a conditional write whose first attempt the service applied but whose answer was lost: the
/// pipeline retries the same conditional request, the service refuses it because of that very write, and Orleans
/// reports a lost race (<see cref="InconsistentStateException"/>), not an unknown outcome as the object store does. The
/// stored state is then the caller's own. The engine's grains treat the refusal as "re-read and decide again", so the
/// re-read finds their own write (docs/storage/object-store.md).
/// </summary>
public sealed class OrleansGrainStorageRetryTests(AzuriteFixture azurite) : BlobFaultTestBase(azurite)
{
    private static readonly GrainId s_grain = GrainId.Create("tablebranch", "node:Person@main");

    [Fact]
    public async Task CompareAndSwap_AppliedButAnswerLost_IsReportedAsAConflict_AndTheStoredStateIsTheCallersOwn()
    {
        var storage = GrainStorage();
        var state = new GrainState<TestState1>(new TestState1 { A = "v1" });
        await storage.WriteStateAsync("head", s_grain, state);
        var first = state.ETag;
        Faults.ClearAttempts();
        Faults.Inject(BlobFault.TimeoutAfterApplying, static r => r.IsCompareAndSwap);

        state.State = new TestState1 { A = "v2" };
        var refused = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("head", s_grain, state));

        // Two attempts of the same If-Match write: the first applied (answer lost), the retry refused with 412.
        Assert.Equal(2, Faults.CountAttempts(static r => r.IsCompareAndSwap));
        Assert.Equal(first, state.ETag);
        var stored = await ReadAsync(storage);
        Assert.Equal("v2", stored.State!.A);
        Assert.Equal(stored.ETag, refused.StoredEtag);
        Assert.NotEqual(first, refused.StoredEtag);
    }

    [Fact]
    public async Task Create_AppliedButAnswerLost_IsReportedAsAConflict_AndTheStoredStateIsTheCallersOwn()
    {
        var storage = GrainStorage();

        // Another grain's state first, so the container exists (a first write into a missing container is answered 404).
        await storage.WriteStateAsync("head", GrainId.Create("tablebranch", "node:Seed@main"), new GrainState<TestState1>(new TestState1()));
        Faults.ClearAttempts();
        Faults.Inject(BlobFault.TimeoutAfterApplying, static r => r.IsCreateIfAbsent);

        var state = new GrainState<TestState1>(new TestState1 { A = "created" });
        var refused = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("head", s_grain, state));

        // The retry of If-None-Match:* met the blob the first attempt created (409).
        Assert.Equal(2, Faults.CountAttempts(static r => r.IsCreateIfAbsent));
        var stored = await ReadAsync(storage);
        Assert.Equal("created", stored.State!.A);
        Assert.Equal(stored.ETag, refused.StoredEtag);
    }

    private IGrainStorage GrainStorage()
    {
        var services = new ServiceCollection().AddSerializer().AddLogging().BuildServiceProvider();
        var storages = new StoreGrainStorages(services, [new AzureBlobGrainStorageSelector(services)], NullLogger<ObjectStoreGrainStorage>.Instance);
        var storage = storages.For("test", Store, "state/", new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.IsType<AzureBlobStateStorage>(storage);
        return storage;
    }

    private static async Task<GrainState<TestState1>> ReadAsync(IGrainStorage storage)
    {
        var stored = new GrainState<TestState1>();
        await storage.ReadStateAsync("head", s_grain, stored);
        return stored;
    }
}

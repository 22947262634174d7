using System.Text;
using OmniGraph.Storage;
using OmniGraph.Testing.Errors;
using Orleans.Storage;

namespace OmniGraph.Persistence.Tests.Conformance;

/// <summary>What the object-store provider adds to the common contract: layout, JSON, ETags from the store, typed errors.</summary>
public sealed class ObjectStoreGrainStorageBehaviorTests
{
    private readonly MemoryObjectStore _store = new();
    private readonly ObjectStoreGrainStorage _storage;

    public ObjectStoreGrainStorageBehaviorTests()
    {
        _storage = MemoryObjectStoreGrainStorageTests.ProviderOver(_store);
    }

    [Fact]
    public async Task Write_StoresOneJsonObject_AtTheOrleansBlobLayout()
    {
        var state = new GrainState<TestState1>(new TestState1 { A = "x", B = 2, C = 3 });
        await _storage.WriteStateAsync("profile", GrainId.Create("user", "alice"), state);

        var listing = await _store.ListAsync(string.Empty);
        var stored = Assert.Single(listing.Objects);
        Assert.Equal("profile-user/alice.json", stored.Key);
        Assert.Equal(stored.ETag, state.ETag);
        var json = Encoding.UTF8.GetString((await _store.GetAsync(stored.Key)).Content.Span);
        Assert.Equal("""{"a":"x","b":2,"c":3}""", json);
    }

    [Fact]
    public async Task Conflict_ReportsTheStoredAndTheGrainETags()
    {
        var grainId = GrainId.Create("user", "bob");
        var state = new GrainState<TestState1>(new TestState1());
        await _storage.WriteStateAsync("profile", grainId, state);
        var grainETag = state.ETag;
        var external = await _store.PutAsync("profile-user/bob.json", Encoding.UTF8.GetBytes("""{"a":"external"}"""), WriteCondition.None);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync("profile", grainId, state));

        Assert.Equal(external.ETag, error.StoredEtag);
        Assert.Equal(grainETag, error.CurrentEtag);
        Assert.IsType<ObjectPreconditionFailedException>(error.InnerException);
        Assert.Equal("external", Encoding.UTF8.GetString((await _store.GetAsync("profile-user/bob.json")).Content.Span)[6..14]);
    }

    [Fact]
    public async Task CorruptObject_IsATypedError_AndIsLeftAlone()
    {
        await _store.PutAsync("profile-user/carol.json", Encoding.UTF8.GetBytes("{not json"), WriteCondition.None);

        var error = await Assert.ThrowsAsync<GrainStateCorruptException>(() =>
            _storage.ReadStateAsync("profile", GrainId.Create("user", "carol"), new GrainState<TestState1>()));

        Assert.Equal("grain_state_corrupt", error.Code);
        Assert.Equal("profile-user/carol.json", error.Key);
        Assert.Equal(9, (await _store.GetAsync("profile-user/carol.json")).TotalLength);
    }

    [Fact]
    public async Task EmptyObject_ReadsAsNoRecord_WithItsETag()
    {
        var written = await _store.PutAsync("profile-user/dave.json", ReadOnlyMemory<byte>.Empty, WriteCondition.None);
        var state = new GrainState<TestState1>();

        await _storage.ReadStateAsync("profile", GrainId.Create("user", "dave"), state);

        Assert.False(state.RecordExists);
        Assert.Equal(written.ETag, state.ETag);
        Assert.NotNull(state.State);
        Assert.Equal((string.Empty, 0, 0L), (state.State.A, state.State.B, state.State.C));
    }

    [Fact]
    public async Task KeyTooLong_FailsBeforeAnyStoreAccess()
    {
        var counting = new CountingObjectStore(_store);
        var storage = MemoryObjectStoreGrainStorageTests.ProviderOver(counting);

        await ErrorAssert.ThrowsAsync(ErrorCodes.GrainStateKeyTooLong, () =>
            storage.WriteStateAsync("profile", GrainId.Create("user", new string('k', 2000)), new GrainState<TestState1>(new TestState1())));

        Assert.Equal(0, counting.Snapshot().Total);
    }

    [Fact]
    public async Task EscapedGrainKeys_AreStoredAndReadBack()
    {
        var grainId = GrainId.Create("user", "../../etc/passwd");
        await _storage.WriteStateAsync("profile", grainId, new GrainState<TestState1>(new TestState1 { A = "safe" }));

        var key = Assert.Single((await _store.ListAsync(string.Empty)).Objects).Key;
        Assert.Equal("profile-user/%2E./%2E./etc/passwd.json", key);
        var read = new GrainState<TestState1>();
        await _storage.ReadStateAsync("profile", grainId, read);
        Assert.Equal("safe", read.State!.A);
    }
}

using Orleans.InProcess.Tests.Grains;
using Orleans.InProcess.Tests.Infrastructure;
using Orleans.Runtime;
using Orleans.Storage;

namespace Orleans.InProcess.Tests.Runtime;

/// <summary>[PersistentState] injection: state is read before OnActivateAsync; read failures fail the activation.</summary>
public sealed class PersistentStateActivationTests
{
    private readonly TestProbe _probe = new();
    private readonly TestGrainStorage _storage = new();

    [Fact]
    public async Task State_IsReadBeforeOnActivateAsync()
    {
        var key = TestClusters.UniqueKey();
        _storage.WriteExternally("profile", GrainId.Create("stateful", key), new ProfileState { Name = "stored", Version = 3 });
        await using var cluster = await TestClusters.DeployAsync(_probe, _storage);

        var snapshot = await cluster.GrainFactory.GetGrain<IStatefulGrain>(key).GetActivationSnapshot();

        Assert.Equal("stored", snapshot.NameAtActivation);
        Assert.True(snapshot.RecordExistedAtActivation);
    }

    [Fact]
    public async Task MissingRecord_GivesANewStateBeforeActivation()
    {
        await using var cluster = await TestClusters.DeployAsync(_probe, _storage);

        var snapshot = await cluster.GrainFactory.GetGrain<IStatefulGrain>(TestClusters.UniqueKey()).GetActivationSnapshot();

        Assert.Equal(string.Empty, snapshot.NameAtActivation);
        Assert.False(snapshot.RecordExistedAtActivation);
    }

    /// <summary>A failed read fails the activation and the call that caused it; OnActivateAsync never runs; the next call retries.</summary>
    [Fact]
    public async Task FailedRead_FailsActivationAndCall_WithoutRunningOnActivate()
    {
        var key = TestClusters.UniqueKey();
        var failing = true;
        _storage.ReadFailure = stateKey => failing && stateKey.EndsWith(key, StringComparison.Ordinal) ? new IOException("disk on fire") : null;
        await using var cluster = await TestClusters.DeployAsync(_probe, _storage);
        var grain = cluster.GrainFactory.GetGrain<IStatefulGrain>(key);

        var error = await Assert.ThrowsAsync<OrleansException>(() => grain.GetName());

        Assert.IsType<IOException>(error.InnerException);
        Assert.Contains("ReadState", error.Message, StringComparison.Ordinal);
        Assert.Contains($"stateful/{key}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain($"activated {key}", _probe.Events);
        Assert.False(cluster.TryGetGrainContext(grain.GetGrainId(), out _));

        failing = false;
        Assert.Equal(string.Empty, await grain.GetName());
        Assert.Contains($"activated {key}", _probe.Events);
    }

    [Fact]
    public async Task StorageWriteErrors_AreWrappedInOrleansException()
    {
        var key = TestClusters.UniqueKey();
        _storage.WriteFailure = stateKey => stateKey.EndsWith(key, StringComparison.Ordinal) ? new TimeoutException("storage slow") : null;
        await using var cluster = await TestClusters.DeployAsync(_probe, _storage);

        var error = await Assert.ThrowsAsync<OrleansException>(() => cluster.GrainFactory.GetGrain<IStatefulGrain>(key).SetName("x"));

        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Contains("WriteState", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoStatesOfOneType_AreInjectedInOrder_FromTheirProviders()
    {
        await using var cluster = await TestClusters.DeployAsync(_probe, _storage);
        var key = TestClusters.UniqueKey();
        var grain = cluster.GrainFactory.GetGrain<ITwoStatesGrain>(key);

        await grain.Set("one", "two");
        await cluster.DeactivateAsync(grain);

        Assert.Equal("one|two", await grain.Get());
        Assert.Equal("one", _storage.Peek<ProfileState>("first", grain.GetGrainId())!.Name);
        Assert.Equal("two", _storage.Peek<ProfileState>("second", grain.GetGrainId())!.Name);
    }

    [Fact]
    public async Task MissingProvider_FailsActivationWithBadProviderConfigException()
    {
        await using var cluster = await TestClusters.DeployAsync(_probe, _storage);

        var error = await Assert.ThrowsAsync<BadProviderConfigException>(() => cluster.GrainFactory.GetGrain<IMissingStorageGrain>(TestClusters.UniqueKey()).Get());

        Assert.Contains("no-such-provider", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(MissingStorageGrain), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task State_SurvivesDeactivation()
    {
        await using var cluster = await TestClusters.DeployAsync(_probe, _storage);
        var grain = cluster.GrainFactory.GetGrain<IStatefulGrain>(TestClusters.UniqueKey());

        await grain.SetName("kept");
        var eTag = await grain.GetETag();
        await cluster.DeactivateAsync(grain);

        Assert.Equal("kept", await grain.GetName());
        Assert.Equal(eTag, await grain.GetETag());
        Assert.True((await grain.GetActivationSnapshot()).RecordExistedAtActivation);
    }
}

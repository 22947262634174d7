using Orleans.InProcess.Tests.Grains;
using Orleans.InProcess.Tests.Infrastructure;
using Orleans.Storage;

namespace Orleans.InProcess.Tests.Runtime;

/// <summary>An InconsistentStateException escaping a grain method deactivates that activation so the next call heals.</summary>
public sealed class InconsistentStateTests
{
    private readonly TestProbe _probe = new();
    private readonly TestGrainStorage _storage = new();

    [Fact]
    public async Task EscapingInconsistentState_DeactivatesAndNextCallRereadsState()
    {
        await using var cluster = await TestClusters.DeployAsync(_probe, _storage);
        var key = TestClusters.UniqueKey();
        var grain = cluster.GrainFactory.GetGrain<IStatefulGrain>(key);
        await grain.SetName("mine");
        var firstActivation = (await grain.GetActivationSnapshot()).ActivationNumber;
        var deactivated = cluster.WaitForDeactivationAsync(grain);

        // Another writer changes the record: the activation's ETag is stale.
        _storage.WriteExternally("profile", grain.GetGrainId(), new ProfileState { Name = "theirs", Version = 9 });
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => grain.SetName("lost update"));
        Assert.Equal(_storage.PeekETag("profile", grain.GetGrainId()), error.StoredEtag);
        Assert.NotNull(error.CurrentEtag);
        Assert.NotEqual(error.StoredEtag, error.CurrentEtag);

        await TestProbe.WithLimit(deactivated, "the stale activation to deactivate");
        Assert.Contains($"deactivated {key} ApplicationError", _probe.Events);

        var healed = await grain.GetActivationSnapshot();
        Assert.NotEqual(firstActivation, healed.ActivationNumber);
        Assert.Equal("theirs", healed.NameAtActivation);
        await grain.SetName("after heal");
        Assert.Equal("after heal", _storage.Peek<ProfileState>("profile", grain.GetGrainId())!.Name);
    }

    /// <summary>Only the activation the exception escaped from is deactivated, not a caller that let it escape too.</summary>
    [Fact]
    public async Task CallerThatLetsItEscape_IsNotDeactivated()
    {
        await using var cluster = await TestClusters.DeployAsync(_probe, _storage);
        var statefulKey = TestClusters.UniqueKey();
        var caller = cluster.GrainFactory.GetGrain<IStatefulCallerGrain>(TestClusters.UniqueKey());
        var stateful = cluster.GrainFactory.GetGrain<IStatefulGrain>(statefulKey);
        await caller.SetNameThrough(statefulKey, "first");
        var callerActivation = await caller.GetActivationNumber();
        var statefulDeactivated = cluster.WaitForDeactivationAsync(stateful);

        _storage.WriteExternally("profile", stateful.GetGrainId(), new ProfileState { Name = "external" });
        await Assert.ThrowsAsync<InconsistentStateException>(() => caller.SetNameThrough(statefulKey, "second"));

        await TestProbe.WithLimit(statefulDeactivated, "the stateful grain to deactivate");
        Assert.Equal(callerActivation, await caller.GetActivationNumber());
    }
}

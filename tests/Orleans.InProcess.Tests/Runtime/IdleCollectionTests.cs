using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.InProcess.Tests.Grains;
using Orleans.InProcess.Tests.Infrastructure;
using Orleans.TestingHost;

namespace Orleans.InProcess.Tests.Runtime;

/// <summary>
/// Idle activations are collected after CollectionAge, checked every CollectionQuantum, driven by a fake clock;
/// OnDeactivateAsync runs on the activation's scheduler; DeactivateOnIdle deactivates after the current request.
/// </summary>
public sealed class IdleCollectionTests
{
    private static readonly TimeSpan s_quantum = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan s_age = TimeSpan.FromMinutes(10);

    private readonly TestProbe _probe = new();
    private readonly FakeTimeProvider _time = new();

    private Task<InProcessTestCluster> DeployAsync() => TestClusters.DeployAsync(_probe, configure: silo =>
    {
        silo.Services.AddSingleton<TimeProvider>(_time);
        silo.Services.Configure<GrainCollectionOptions>(options =>
        {
            options.CollectionQuantum = s_quantum;
            options.CollectionAge = s_age;
        });

        // The fake clock also drives response timeouts; keep them out of the way of hours of simulated idleness.
        silo.Services.Configure<SiloMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromDays(30));
    });

    [Fact]
    public async Task IdleActivation_IsCollectedAfterCollectionAge_NotBefore()
    {
        await using var cluster = await DeployAsync();
        var key = TestClusters.UniqueKey();
        var grain = cluster.GrainFactory.GetGrain<ILifecycleGrain>(key);
        var first = await grain.Ping();

        // Nine quanta: idle for 9 minutes, younger than the 10-minute age.
        _time.Advance(s_age - s_quantum);
        Assert.True(cluster.TryGetGrainContext(grain.GetGrainId(), out _), "collected before its collection age");

        var deactivated = _probe.WhenReached($"{key}:deactivated#{first}");
        _time.Advance(s_quantum);
        await deactivated;

        Assert.Contains($"deactivate {key} #{first} ActivationIdle own-scheduler=True", _probe.Events);
        Assert.NotEqual(first, await grain.Ping());
    }

    [Fact]
    public async Task Calls_ResetTheIdleClock()
    {
        await using var cluster = await DeployAsync();
        var grain = cluster.GrainFactory.GetGrain<ILifecycleGrain>(TestClusters.UniqueKey());
        var first = await grain.Ping();

        for (var i = 0; i < 5; i++)
        {
            _time.Advance(s_age - s_quantum);
            Assert.Equal(first, await grain.Ping());
        }
    }

    [Fact]
    public async Task RunningRequest_PreventsCollection()
    {
        await using var cluster = await DeployAsync();
        var grain = cluster.GrainFactory.GetGrain<ILifecycleGrain>(TestClusters.UniqueKey());
        var first = await grain.Ping();
        var tag = TestClusters.UniqueKey("hold");

        var entered = _probe.WhenReached($"{tag}:entered");
        var hold = grain.Hold(tag);
        await entered;
        _time.Advance(s_age * 3);
        Assert.True(cluster.TryGetGrainContext(grain.GetGrainId(), out _));

        _probe.Release(tag);
        await hold;
        Assert.Equal(first, await grain.Ping());
    }

    [Fact]
    public async Task KeepAliveGrain_IsNeverCollected()
    {
        await using var cluster = await DeployAsync();
        var grain = cluster.GrainFactory.GetGrain<IKeepAliveGrain>(TestClusters.UniqueKey());
        var first = await grain.Ping();

        _time.Advance(TimeSpan.FromDays(2));

        Assert.Equal(first, await grain.Ping());
    }

    [Fact]
    public async Task DelayDeactivation_PostponesCollection()
    {
        await using var cluster = await DeployAsync();
        var key = TestClusters.UniqueKey();
        var grain = cluster.GrainFactory.GetGrain<ILifecycleGrain>(key);
        var first = await grain.Ping();
        await grain.DelayDeactivationBy(TimeSpan.FromHours(1));

        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.True(cluster.TryGetGrainContext(grain.GetGrainId(), out _));

        var deactivated = _probe.WhenReached($"{key}:deactivated#{first}");
        _time.Advance(TimeSpan.FromMinutes(2));
        await deactivated;
    }

    [Fact]
    public async Task DeactivateOnIdle_DeactivatesAfterTheCurrentRequest()
    {
        await using var cluster = await DeployAsync();
        var key = TestClusters.UniqueKey();
        var grain = cluster.GrainFactory.GetGrain<ILifecycleGrain>(key);
        await grain.Ping();
        var deactivated = cluster.WaitForDeactivationAsync(grain);

        var first = await grain.DeactivateAfterThis();
        await TestProbe.WithLimit(deactivated, "DeactivateOnIdle to take effect");

        Assert.Contains($"deactivate {key} #{first} ApplicationRequested own-scheduler=True", _probe.Events);
        Assert.NotEqual(first, await grain.Ping());
    }

    /// <summary>Requests queued while an activation deactivates run on the next activation, never on both.</summary>
    [Fact]
    public async Task RequestsArrivingDuringDeactivation_GoToTheNextActivation()
    {
        await using var cluster = await DeployAsync();
        var key = TestClusters.UniqueKey();
        var grain = cluster.GrainFactory.GetGrain<ILifecycleGrain>(key);
        var first = await grain.Ping();
        var tag = TestClusters.UniqueKey("hold");

        var entered = _probe.WhenReached($"{tag}:entered");
        var hold = grain.Hold(tag);
        await entered;
        var deactivated = cluster.WaitForDeactivationAsync(grain);
        cluster.TryGetGrainContext(grain.GetGrainId(), out var context);
        context!.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "test"));
        var queued = grain.Ping();

        _probe.Release(tag);
        await hold;
        await TestProbe.WithLimit(deactivated, "the first activation to deactivate");
        Assert.NotEqual(first, await queued);
    }

    [Fact]
    public void CollectionOptions_AreValidated()
    {
        var validator = new GrainCollectionOptionsValidator(Microsoft.Extensions.Options.Options.Create(new GrainCollectionOptions
        {
            CollectionQuantum = TimeSpan.FromMinutes(5),
            CollectionAge = TimeSpan.FromMinutes(1),
        }));

        var error = Assert.Throws<Orleans.Runtime.OrleansConfigurationException>(validator.ValidateConfiguration);
        Assert.Contains(nameof(GrainCollectionOptions.CollectionAge), error.Message, StringComparison.Ordinal);
    }
}

using Orleans.InProcess.Tests.Grains;
using Orleans.InProcess.Tests.Infrastructure;
using Orleans.Runtime;

namespace Orleans.InProcess.Tests.Runtime;

/// <summary>Graceful stop deactivates everything; a kill drops activations without deactivation code (crash simulation).</summary>
public sealed class ShutdownTests
{
    private readonly TestProbe _probe = new();
    private readonly TestGrainStorage _storage = new();

    [Fact]
    public async Task Stop_DeactivatesEveryActivationOnItsScheduler()
    {
        var cluster = await TestClusters.DeployAsync(_probe, _storage);
        var keys = Enumerable.Range(0, 3).Select(i => TestClusters.UniqueKey($"s{i}")).ToArray();
        var numbers = new long[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            numbers[i] = await cluster.GrainFactory.GetGrain<ILifecycleGrain>(keys[i]).Ping();
        }

        await cluster.StopAllSilosAsync();

        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Contains($"deactivate {keys[i]} #{numbers[i]} ShuttingDown own-scheduler=True", _probe.Events);
        }
    }

    /// <summary>A request running at shutdown finishes; one queued behind it is rejected, not run on a new activation.</summary>
    [Fact]
    public async Task Stop_LetsRunningRequestsFinish_AndRejectsQueuedOnes()
    {
        var cluster = await TestClusters.DeployAsync(_probe, _storage);
        var grain = cluster.GrainFactory.GetGrain<ILifecycleGrain>(TestClusters.UniqueKey());
        var tag = TestClusters.UniqueKey("hold");
        var entered = _probe.WhenReached($"{tag}:entered");
        var running = grain.Hold(tag);
        await entered;
        var queued = grain.Ping();

        var stopping = cluster.StopAllSilosAsync();
        _probe.Release(tag);

        await TestProbe.WithLimit(running, "the running request to finish");
        await Assert.ThrowsAsync<SiloUnavailableException>(() => TestProbe.WithLimit(queued, "the queued request to be rejected"));
        await TestProbe.WithLimit(stopping, "the silo to stop");
    }

    [Fact]
    public async Task Kill_DropsActivationsWithoutDeactivation_AndFailsCallsInFlight()
    {
        var cluster = await TestClusters.DeployAsync(_probe, _storage);
        var key = TestClusters.UniqueKey();
        var grain = cluster.GrainFactory.GetGrain<ILifecycleGrain>(key);
        await grain.Ping();
        var tag = TestClusters.UniqueKey("hold");
        var entered = _probe.WhenReached($"{tag}:entered");
        var inFlight = grain.Hold(tag);
        await entered;

        await cluster.KillSiloAsync(cluster.Primary);

        await Assert.ThrowsAsync<SiloUnavailableException>(() => TestProbe.WithLimit(inFlight, "the call in flight to fail"));
        await Assert.ThrowsAsync<SiloUnavailableException>(() => grain.Ping());
        Assert.DoesNotContain(_probe.Events, e => e.StartsWith($"deactivate {key}", StringComparison.Ordinal));
        Assert.Empty(cluster.Silos);
        Assert.Throws<InvalidOperationException>(() => cluster.Client);
        _probe.Release(tag);
    }

    /// <summary>After a kill, a new silo on the same storage sees exactly what was written before the crash.</summary>
    [Fact]
    public async Task AfterKill_NewSiloReadsTheDurableState()
    {
        await using var cluster = await TestClusters.DeployAsync(_probe, _storage);
        var key = TestClusters.UniqueKey();
        await cluster.GrainFactory.GetGrain<IStatefulGrain>(key).SetName("durable");

        await cluster.KillSiloAsync(cluster.Primary);
        await cluster.StartAdditionalSiloAsync();

        var snapshot = await cluster.GrainFactory.GetGrain<IStatefulGrain>(key).GetActivationSnapshot();
        Assert.Equal("durable", snapshot.NameAtActivation);
    }

    [Fact]
    public async Task OneSiloOnly_AdditionalSiloWhileRunning_IsRejected()
    {
        await using var cluster = await TestClusters.DeployAsync(_probe, _storage);
        await Assert.ThrowsAsync<InvalidOperationException>(() => cluster.StartAdditionalSiloAsync());
        Assert.Throws<NotSupportedException>(() => new Orleans.TestingHost.InProcessTestClusterBuilder(2));
    }
}

using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.InProcess.Tests.Grains;
using Orleans.InProcess.Tests.Infrastructure;
using Orleans.TestingHost;

namespace Orleans.InProcess.Tests.Runtime;

/// <summary>A call not answered within MessagingOptions.ResponseTimeout fails with TimeoutException; the grain keeps running.</summary>
public sealed class ResponseTimeoutTests
{
    private readonly TestProbe _probe = new();
    private readonly FakeTimeProvider _time = new();

    private Task<InProcessTestCluster> DeployAsync() => TestClusters.DeployAsync(_probe, configure: silo =>
    {
        silo.Services.AddSingleton<TimeProvider>(_time);
        silo.Services.Configure<GrainCollectionOptions>(options => options.CollectionAge = TimeSpan.FromDays(1));
    });

    [Fact]
    public void ResponseTimeout_DefaultsToThirtySeconds()
        => Assert.Equal(TimeSpan.FromSeconds(30), new SiloMessagingOptions().ResponseTimeout);

    [Fact]
    public async Task UnansweredCall_TimesOutAfterResponseTimeout_GrainKeepsRunning()
    {
        await using var cluster = await DeployAsync();
        var grain = cluster.GrainFactory.GetGrain<IBlockingGrain>(TestClusters.UniqueKey());
        var tag = TestClusters.UniqueKey("slow");

        var entered = _probe.WhenReached($"{tag}:entered");
        var call = grain.Write(tag);
        await entered;

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(call.IsCompleted, "the call failed before its response timeout");

        _time.Advance(TimeSpan.FromSeconds(2));
        var error = await Assert.ThrowsAsync<TimeoutException>(() => TestProbe.WithLimit(call, "the call to time out"));
        Assert.Contains("00:00:30", error.Message, StringComparison.Ordinal);
        Assert.Contains("IBlockingOperations.Write", error.Message, StringComparison.Ordinal);

        // The grain was not interrupted: releasing it lets the request finish, and the activation still serves calls.
        var exited = _probe.WhenReached($"{tag}:exited");
        _probe.Release(tag);
        await exited;
        Assert.Equal(1, await grain.MaxConcurrency());
    }

    /// <summary>A queued request whose caller timed out is dropped instead of running later (like an expired Orleans message).</summary>
    [Fact]
    public async Task QueuedCallThatTimedOut_NeverRuns()
    {
        await using var cluster = await DeployAsync();
        var grain = cluster.GrainFactory.GetGrain<IBlockingGrain>(TestClusters.UniqueKey());
        var (blocker, expired, later) = (TestClusters.UniqueKey("blocker"), TestClusters.UniqueKey("expired"), TestClusters.UniqueKey("later"));

        var entered = _probe.WhenReached($"{blocker}:entered");
        var blocking = grain.Write(blocker);
        await entered;
        var queued = grain.Write(expired);
        Assert.Equal(1, ActivationInspector.WaitingCount(cluster, grain));

        _time.Advance(TimeSpan.FromSeconds(31));
        await Assert.ThrowsAsync<TimeoutException>(() => TestProbe.WithLimit(queued, "the queued call to time out"));
        await Assert.ThrowsAsync<TimeoutException>(() => TestProbe.WithLimit(blocking, "the running call to time out"));

        _probe.Release(blocker);
        _probe.Release(later);
        await grain.Write(later);
        Assert.False(_probe.HasReached($"{expired}:entered"), "a request whose caller timed out ran anyway");
    }

    [Fact]
    public async Task CustomResponseTimeout_IsHonoured()
    {
        await using var cluster = await TestClusters.DeployAsync(_probe, configure: silo =>
        {
            silo.Services.AddSingleton<TimeProvider>(_time);
            silo.Services.Configure<SiloMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(5));
        });
        var grain = cluster.GrainFactory.GetGrain<IBlockingGrain>(TestClusters.UniqueKey());
        var tag = TestClusters.UniqueKey("slow");
        var entered = _probe.WhenReached($"{tag}:entered");
        var call = grain.Write(tag);
        await entered;

        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(call.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1.5));
        await Assert.ThrowsAsync<TimeoutException>(() => TestProbe.WithLimit(call, "the call to time out"));
        _probe.Release(tag);
    }
}

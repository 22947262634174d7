using Orleans.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.InProcess.Tests.Grains;
using Orleans.InProcess.Tests.Infrastructure;

namespace Orleans.InProcess.Tests.Runtime;

/// <summary>
/// Which request may start while others run: non-reentrant grains admit one request for its whole duration,
/// [Reentrant] admits any, [ReadOnly] interleaves only with [ReadOnly], [AlwaysInterleave] with anything.
/// </summary>
[Collection(DefaultClusterCollection.Name)]
public sealed class RequestAdmissionTests(DefaultClusterFixture fixture)
{
    private TestProbe Probe => fixture.Probe;

    [Fact]
    public async Task NonReentrant_SecondRequestWaitsForTheFirstToComplete()
    {
        var grain = fixture.GrainFactory.GetGrain<IBlockingGrain>(TestClusters.UniqueKey());
        var (a, b) = (Tag("a"), Tag("b"));

        var aEntered = Probe.WhenReached($"{a}:entered");
        var first = grain.Write(a);
        await aEntered;
        var second = grain.Write(b);

        // The first request is suspended at an await; a reentrant grain would let b start now, this one queues it.
        Assert.Equal(1, ActivationInspector.WaitingCount(fixture.Cluster, grain));
        Assert.False(Probe.HasReached($"{b}:entered"), "b started while a was still running");

        var bEntered = Probe.WhenReached($"{b}:entered");
        Probe.Release(a);
        Assert.Equal(1, await first);
        await bEntered;
        Probe.Release(b);
        Assert.Equal(1, await second);
        Assert.Equal(1, await grain.MaxConcurrency());
    }

    [Fact]
    public async Task Reentrant_AdmitsRequestsWhileOthersAwait()
    {
        var grain = fixture.GrainFactory.GetGrain<IReentrantBlockingGrain>(TestClusters.UniqueKey());
        var (a, b) = (Tag("a"), Tag("b"));

        var aEntered = Probe.WhenReached($"{a}:entered");
        var first = grain.Write(a);
        await aEntered;
        var bEntered = Probe.WhenReached($"{b}:entered");
        var second = grain.Write(b);
        await bEntered;

        Probe.Release(a);
        Probe.Release(b);
        await Task.WhenAll(first, second);
        Assert.Equal(2, await grain.MaxConcurrency());
    }

    [Fact]
    public async Task ReadOnly_InterleavesWithReadOnly()
    {
        var grain = fixture.GrainFactory.GetGrain<IBlockingGrain>(TestClusters.UniqueKey());
        var (r1, r2) = (Tag("r1"), Tag("r2"));

        var r1Entered = Probe.WhenReached($"{r1}:entered");
        var first = grain.Read(r1);
        await r1Entered;
        var r2Entered = Probe.WhenReached($"{r2}:entered");
        var second = grain.Read(r2);
        await r2Entered;

        Probe.Release(r1);
        Probe.Release(r2);
        await Task.WhenAll(first, second);
        Assert.Equal(2, await grain.MaxConcurrency());
    }

    [Fact]
    public async Task ReadOnly_DoesNotInterleaveWithWrites_InEitherOrder()
    {
        var grain = fixture.GrainFactory.GetGrain<IBlockingGrain>(TestClusters.UniqueKey());
        var (w, r, w2) = (Tag("w"), Tag("r"), Tag("w2"));

        // A read waits for a running write...
        var wEntered = Probe.WhenReached($"{w}:entered");
        var write = grain.Write(w);
        await wEntered;
        var read = grain.Read(r);
        Assert.Equal(1, ActivationInspector.WaitingCount(fixture.Cluster, grain));
        Assert.False(Probe.HasReached($"{r}:entered"), "a read-only request started during a write");

        // ...and a write waits for a running read.
        var rEntered = Probe.WhenReached($"{r}:entered");
        Probe.Release(w);
        await write;
        await rEntered;
        var write2 = grain.Write(w2);
        Assert.Equal(1, ActivationInspector.WaitingCount(fixture.Cluster, grain));
        Assert.False(Probe.HasReached($"{w2}:entered"), "a write started during a read-only request");

        var w2Entered = Probe.WhenReached($"{w2}:entered");
        Probe.Release(r);
        await read;
        await w2Entered;
        Probe.Release(w2);
        await write2;
        Assert.Equal(1, await grain.MaxConcurrency());
    }

    [Fact]
    public async Task AlwaysInterleave_RunsDuringWritesAndReads()
    {
        var grain = fixture.GrainFactory.GetGrain<IBlockingGrain>(TestClusters.UniqueKey());
        var (w, r, i) = (Tag("w"), Tag("r"), Tag("i"));

        var wEntered = Probe.WhenReached($"{w}:entered");
        var write = grain.Write(w);
        await wEntered;

        var iEntered = Probe.WhenReached($"{i}:entered");
        var interleaved = grain.Interleaved(i);
        await iEntered;

        // A normal request may start once only interleaving requests run (the write finished, i still runs).
        var read = grain.Read(r);
        Assert.Equal(1, ActivationInspector.WaitingCount(fixture.Cluster, grain));
        var rEntered = Probe.WhenReached($"{r}:entered");
        Probe.Release(w);
        await write;
        await rEntered;

        Probe.Release(i);
        Probe.Release(r);
        await Task.WhenAll(interleaved, read);
        Assert.Equal(2, await grain.MaxConcurrency());
    }

    /// <summary>A→B→A on non-reentrant grains deadlocks until the response timeout, as in Orleans.</summary>
    [Fact]
    public async Task NonReentrantCallCycle_DeadlocksUntilResponseTimeout()
    {
        var probe = new TestProbe();
        await using var cluster = await TestClusters.DeployAsync(probe, configure: silo =>
            silo.Services.Configure<SiloMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromMilliseconds(300)));
        var (a, b) = (TestClusters.UniqueKey("a"), TestClusters.UniqueKey("b"));

        var call = cluster.GrainFactory.GetGrain<ICallChainGrain>(a).Chain([b, a]);

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => TestProbe.WithLimit(call, "the cycle to time out"));
        Assert.Contains("ICallChainGrain.Chain", timeout.Message, StringComparison.Ordinal);

        // The chain that does not cycle still works once the deadlock has timed out.
        Assert.Equal($"{a}>{b}", await cluster.GrainFactory.GetGrain<ICallChainGrain>(a).Chain([b]));
    }

    [Fact]
    public async Task AcyclicCallChain_Completes()
    {
        var keys = Enumerable.Range(0, 6).Select(i => TestClusters.UniqueKey($"c{i}")).ToArray();
        var result = await fixture.GrainFactory.GetGrain<ICallChainGrain>(keys[0]).Chain(keys[1..]);
        Assert.Equal(string.Join('>', keys), result);
    }

    private static string Tag(string name) => $"{name}-{Guid.NewGuid():N}";
}

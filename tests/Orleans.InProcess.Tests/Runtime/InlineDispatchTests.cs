using Orleans.InProcess.Tests.Grains;
using Orleans.InProcess.Tests.Infrastructure;
using Orleans.Storage;

namespace Orleans.InProcess.Tests.Runtime;

/// <summary>
/// The inline fast path and the queued path give the same semantics. Every check here runs twice: with inline
/// execution (the default) and with every call queued to the thread pool (MaxInlineCallDepth = 0).
/// </summary>
public sealed class InlineDispatchTests
{
    public static TheoryData<int> Depths => [InProcessRuntimeOptions.DefaultMaxInlineCallDepth, 0];

    private readonly TestProbe _probe = new();
    private readonly TestGrainStorage _storage = new();

    [Theory]
    [MemberData(nameof(Depths))]
    public async Task Semantics_AreTheSameInBothPaths(int maxInlineDepth)
    {
        await using var cluster = await TestClusters.DeployAsync(_probe, _storage, silo => silo.ConfigureInProcessRuntime(o => o.MaxInlineCallDepth = maxInlineDepth));
        var factory = cluster.GrainFactory;

        var counter = factory.GetGrain<ICounterGrain>(TestClusters.UniqueKey());
        for (var i = 1; i <= 100; i++)
        {
            Assert.Equal(i, await counter.Increment());
        }

        var turns = factory.GetGrain<IReentrantTurnGrain>(TestClusters.UniqueKey());
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => turns.Work(10))));
        Assert.Equal(new TurnReport(0, 0, 0, 8 * 11), await turns.GetReport());

        var thrower = factory.GetGrain<IThrowingGrain>(TestClusters.UniqueKey());
        Assert.Equal("s", (await Assert.ThrowsAsync<InvalidOperationException>(() => thrower.ThrowSynchronously("s"))).Message);
        Assert.Equal(3, (await Assert.ThrowsAsync<TestGrainException>(() => thrower.ThrowAfterAwait("a", 3))).Code);

        var stateful = factory.GetGrain<IStatefulGrain>(TestClusters.UniqueKey());
        await stateful.SetName("v1");
        var deactivated = cluster.WaitForDeactivationAsync(stateful);
        _storage.WriteExternally("profile", stateful.GetGrainId(), new ProfileState { Name = "v2" });
        await Assert.ThrowsAsync<InconsistentStateException>(() => stateful.SetName("v3"));
        await TestProbe.WithLimit(deactivated, "the stale activation to deactivate");
        Assert.Equal("v2", await stateful.GetName());

        var keys = Enumerable.Range(0, 5).Select(i => TestClusters.UniqueKey($"c{i}")).ToArray();
        Assert.Equal(string.Join('>', keys), await factory.GetGrain<ICallChainGrain>(keys[0]).Chain(keys[1..]));
    }

    [Fact]
    public async Task SynchronousGrainMethod_CompletesTheCallSynchronously_WhenInline()
    {
        await using var cluster = await TestClusters.DeployAsync(_probe, _storage);
        var grain = cluster.GrainFactory.GetGrain<ICounterGrain>(TestClusters.UniqueKey());
        await grain.Increment();

        var call = grain.Increment();

        Assert.True(call.IsCompletedSuccessfully, "a warm call to an idle grain whose method completes synchronously should not hop threads");
        Assert.Equal(2, await call);
    }

    /// <summary>Grain code never sees the caller's AsyncLocal values (Orleans does not flow them either).</summary>
    [Theory]
    [MemberData(nameof(Depths))]
    public async Task CallersAsyncLocals_DoNotFlowIntoGrains(int maxInlineDepth)
    {
        await using var cluster = await TestClusters.DeployAsync(_probe, _storage, silo => silo.ConfigureInProcessRuntime(o => o.MaxInlineCallDepth = maxInlineDepth));
        var grain = cluster.GrainFactory.GetGrain<IShapesGrain>(TestClusters.UniqueKey());
        await grain.Touch();

        ShapesGrain.Ambient.Value = "caller secret";
        var seen = await grain.ReadAmbient();

        Assert.Null(seen);
        Assert.Equal("caller secret", ShapesGrain.Ambient.Value);
    }
}

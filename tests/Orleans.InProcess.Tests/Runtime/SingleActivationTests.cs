using Orleans.InProcess.Tests.Grains;
using Orleans.InProcess.Tests.Infrastructure;
using Orleans.Runtime;

namespace Orleans.InProcess.Tests.Runtime;

/// <summary>One activation per grain id, created on the first call through dependency injection.</summary>
[Collection(DefaultClusterCollection.Name)]
public sealed class SingleActivationTests(DefaultClusterFixture fixture)
{
    [Fact]
    public async Task GetGrain_DoesNotActivate_FirstCallDoes()
    {
        var key = TestClusters.UniqueKey();
        var grain = fixture.GrainFactory.GetGrain<ICounterGrain>(key);

        Assert.False(fixture.Cluster.TryGetGrainContext(grain.GetGrainId(), out _));
        Assert.DoesNotContain(fixture.Probe.Events, e => e.StartsWith($"constructed {key}", StringComparison.Ordinal));

        Assert.Equal(1, await grain.Increment());
        Assert.True(fixture.Cluster.TryGetGrainContext(grain.GetGrainId(), out _));
    }

    /// <summary>Many references and many concurrent first calls still produce exactly one activation.</summary>
    [Fact]
    public async Task ConcurrentFirstCalls_CreateOneActivation()
    {
        var key = TestClusters.UniqueKey();
        var calls = Enumerable.Range(0, 64)
            .Select(_ => Task.Run(() => fixture.GrainFactory.GetGrain<ICounterGrain>(key).Increment()))
            .ToArray();
        var results = await TestProbe.WithLimit(Task.WhenAll(calls), "64 concurrent first calls");

        Assert.Equal(Enumerable.Range(1, 64), results.Order());
        var activationNumbers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => fixture.GrainFactory.GetGrain<ICounterGrain>(key).GetActivationNumber()));
        Assert.Single(activationNumbers.Distinct());
        Assert.Single(fixture.Probe.Events, e => e.StartsWith($"constructed {key} ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GrainId_UsesTypeSlashKey_AndGrainTypeConvention()
    {
        var key = TestClusters.UniqueKey();
        var grain = fixture.GrainFactory.GetGrain<ICounterGrain>(key);

        Assert.Equal($"counter/{key}", grain.GetGrainId().ToString());
        Assert.Equal(key, grain.GetPrimaryKeyString());
        Assert.Equal($"counter/{key}", await grain.GetIdentity());
    }

    [Fact]
    public async Task GrainTypeAttribute_OverridesConvention()
    {
        var key = TestClusters.UniqueKey();
        var grain = fixture.GrainFactory.GetGrain<INamedTypeGrain>(key);

        Assert.Equal($"custom-name/{key}", await grain.GetGrainIdString());
        Assert.Equal(GrainId.Create("custom-name", key), grain.GetGrainId());
    }

    [Fact]
    public async Task Constructor_ResolvesServicesFromDependencyInjection()
    {
        var grain = fixture.GrainFactory.GetGrain<ICounterGrain>(TestClusters.UniqueKey());

        // InjectedService is not registered in the default cluster, so the optional parameter gets its default.
        Assert.Equal("none", await grain.GetInjectedServiceName());
    }

    [Fact]
    public async Task PocoGrain_GetsItsContextThroughTheConstructor()
    {
        var key = TestClusters.UniqueKey();
        Assert.Equal($"poco/{key} poco", await fixture.GrainFactory.GetGrain<IPocoGrain>(key).Describe());
    }

    [Fact]
    public async Task References_AreEqualByGrainId_AndSurviveReactivation()
    {
        var key = TestClusters.UniqueKey();
        var first = fixture.GrainFactory.GetGrain<ICounterGrain>(key);
        var second = fixture.GrainFactory.GetGrain<ICounterGrain>(key);
        Assert.Equal(first, second);

        var before = await first.GetActivationNumber();
        await fixture.Cluster.DeactivateAsync(first);
        var after = await first.GetActivationNumber();

        Assert.NotEqual(before, after);
        Assert.Equal(0, await second.Get());
    }

    [Fact]
    public async Task GetGrainByGrainId_ReturnsWorkingReference()
    {
        var key = TestClusters.UniqueKey();
        await fixture.GrainFactory.GetGrain<ICounterGrain>(key).Increment();

        var byId = fixture.GrainFactory.GetGrain<ICounterGrain>(GrainId.Create("counter", key));
        var untyped = fixture.GrainFactory.GetGrain(GrainId.Create("counter", key));

        Assert.Equal(1, await byId.Get());
        Assert.Equal(2, await untyped.AsReference<ICounterGrain>().Increment());
    }
}

using Orleans.InProcess.Tests.Grains;
using Orleans.InProcess.Tests.Infrastructure;

namespace Orleans.InProcess.Tests.Runtime;

/// <summary>Exceptions reach the caller unchanged: same type, message and data, never wrapped.</summary>
[Collection(DefaultClusterCollection.Name)]
public sealed class ExceptionPropagationTests(DefaultClusterFixture fixture)
{
    private IThrowingGrain Grain() => fixture.GrainFactory.GetGrain<IThrowingGrain>(TestClusters.UniqueKey());

    [Fact]
    public async Task ExceptionAfterAwait_ArrivesUnchanged()
    {
        var error = await Assert.ThrowsAsync<TestGrainException>(() => Grain().ThrowAfterAwait("boom", 7));
        Assert.Equal("boom", error.Message);
        Assert.Equal(7, error.Code);
    }

    [Fact]
    public async Task SynchronousThrow_BecomesAFaultedTask()
    {
        var grain = Grain();
        var call = grain.ThrowSynchronously("sync boom");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => call);
        Assert.Equal("sync boom", error.Message);
    }

    [Fact]
    public async Task ExceptionFromTaskOfT_ArrivesUnchanged()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Grain().ThrowWithResult("bad value"));
        Assert.Equal("value", error.ParamName);
        Assert.StartsWith("bad value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExceptionFromValueTask_ArrivesUnchanged()
    {
        var error = await Assert.ThrowsAsync<FormatException>(async () => await Grain().ThrowFromValueTask("bad format"));
        Assert.Equal("bad format", error.Message);
    }

    [Fact]
    public async Task Cancellation_ArrivesAsTheSameOperationCanceledException()
    {
        var error = await Assert.ThrowsAsync<OperationCanceledException>(() => Grain().CancelWith("stopped"));
        Assert.Equal("stopped", error.Message);
    }

    [Fact]
    public async Task GrainKeepsWorking_AfterItsMethodsThrow()
    {
        var grain = Grain();
        await Assert.ThrowsAsync<TestGrainException>(() => grain.ThrowAfterAwait("x", 1));
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.ThrowSynchronously("y"));
        Assert.Equal(42, await grain.StillWorks());
    }

    /// <summary>An exception thrown two grains away crosses both hops unchanged.</summary>
    [Fact]
    public async Task ExceptionThroughACallChain_ArrivesUnchanged()
    {
        var error = await Assert.ThrowsAsync<TestGrainException>(() =>
            fixture.GrainFactory.GetGrain<ICallChainGrain>(TestClusters.UniqueKey()).ForwardFailure(TestClusters.UniqueKey(), "deep", 99));
        Assert.Equal("deep", error.Message);
        Assert.Equal(99, error.Code);
    }
}

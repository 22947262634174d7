using Orleans.InProcess.Tests.Grains;
using Orleans.InProcess.Tests.Infrastructure;

namespace Orleans.InProcess.Tests.Proxies;

/// <summary>Runtime-generated grain references: every return shape, argument mix, key kind and interface rule.</summary>
[Collection(DefaultClusterCollection.Name)]
public sealed class ProxyGenerationTests(DefaultClusterFixture fixture)
{
    private IShapesGrain Shapes() => fixture.GrainFactory.GetGrain<IShapesGrain>(TestClusters.UniqueKey());

    [Fact]
    public async Task ValueTaskMethods_CompleteSynchronouslyOrAsynchronously()
    {
        var grain = Shapes();
        await grain.Touch();
        Assert.Equal(5, await grain.AddAsync(2, 3));
        Assert.Equal(9, await grain.AddSlowly(4, 5));
    }

    [Fact]
    public async Task ManyArguments_OfMixedTypes_ArriveIntact()
    {
        var id = Guid.NewGuid();
        var when = new DateTime(2025, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        using var cancellation = new CancellationTokenSource();

        var result = await Shapes().Mix(-7, "text", new Point(1, 2), 2.5, id, long.MaxValue, when, cancellation.Token);

        Assert.Equal($"-7|text|1,2|2.5|{id:N}|{long.MaxValue}|{when:O}|True", result);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 0)]
    [InlineData(250, 0)]
    [InlineData(250, 7)]
    public async Task AsyncEnumerable_YieldsEveryElementInOrder(int count, int delayEvery)
    {
        var items = new List<int>();
        await foreach (var item in Shapes().Range(count, delayEvery))
        {
            items.Add(item);
        }

        Assert.Equal(Enumerable.Range(0, count), items);
    }

    [Fact]
    public async Task AsyncEnumerable_StopsEarly_AndHonoursCancellation()
    {
        var grain = Shapes();
        var firstThree = new List<int>();
        await foreach (var item in grain.Range(1000, 10))
        {
            firstThree.Add(item);
            if (firstThree.Count == 3)
            {
                break;
            }
        }

        Assert.Equal([0, 1, 2], firstThree);

        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in grain.Range(1000, 1).WithCancellation(cancellation.Token))
            {
                Assert.Fail($"got {item} after cancellation");
            }
        });
    }

    /// <summary>An enumeration whose activation is deactivated between batches fails instead of silently restarting.</summary>
    [Fact]
    public async Task AsyncEnumerable_AfterDeactivation_IsAborted()
    {
        var grain = Shapes();
        var enumerator = grain.Range(500, 0).GetAsyncEnumerator();
        Assert.True(await enumerator.MoveNextAsync());

        await fixture.Cluster.DeactivateAsync(grain);

        await Assert.ThrowsAsync<Orleans.Runtime.EnumerationAbortedException>(async () =>
        {
            while (await enumerator.MoveNextAsync())
            {
            }
        });
        await enumerator.DisposeAsync();
    }

    [Fact]
    public async Task OneWay_ReturnsAtOnce_AndItsFailureIsNotReported()
    {
        var tag = TestClusters.UniqueKey("oneway");
        var ran = fixture.Probe.WhenReached($"{tag}:ran");

        var call = Shapes().FireAndForget(tag);

        Assert.True(call.IsCompletedSuccessfully);
        await ran;
    }

    [Fact]
    public async Task Arguments_ArePassedByReference()
    {
        var value = new object();
        Assert.Same(value, await Shapes().ReturnSame(value));
    }

    [Fact]
    public async Task ClosedGenericInterface_Works()
        => Assert.Equal(17, await fixture.GrainFactory.GetGrain<IEchoGrain<int>>(TestClusters.UniqueKey()).Echo(17));

    [Fact]
    public async Task AsReference_SwitchesInterfaces_OnTheSameActivation()
    {
        var key = TestClusters.UniqueKey();
        var first = fixture.GrainFactory.GetGrain<IFirstFacet>(key);

        var second = first.AsReference<ISecondFacet>();

        Assert.Equal($"first:{key}", await first.First());
        Assert.Equal($"second:{key}", await second.Second());
        Assert.Equal(first.GetGrainId(), second.GetGrainId());
    }

    [Fact]
    public async Task AmbiguousInterface_NeedsAClassNamePrefix()
    {
        var error = Assert.Throws<ArgumentException>(() => fixture.GrainFactory.GetGrain<IAmbiguousGrain>("x"));
        Assert.Contains(nameof(AmbiguousAlphaGrain), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(AmbiguousBetaGrain), error.Message, StringComparison.Ordinal);

        var beta = fixture.GrainFactory.GetGrain<IAmbiguousGrain>(TestClusters.UniqueKey(), typeof(AmbiguousBetaGrain).FullName);
        Assert.Equal("beta", await beta.Which());
    }

    [Fact]
    public async Task GuidAndCompoundKeys_RoundTrip()
    {
        var id = Guid.NewGuid();
        Assert.Equal(id, await fixture.GrainFactory.GetGrain<IGuidKeyGrain>(id).Key());
        Assert.Equal("255+ext", await fixture.GrainFactory.GetGrain<IIntegerCompoundKeyGrain>(255, "ext").Key());
        Assert.Equal($"guidkey/{id:N}", fixture.GrainFactory.GetGrain<IGuidKeyGrain>(id).GetGrainId().ToString());
    }

    [Fact]
    public async Task NonPublicInterfaceAndArgumentTypes_Work()
    {
        var result = await fixture.GrainFactory.GetGrain<IInternalGrain>(TestClusters.UniqueKey()).Get(new InternalValue(41));
        Assert.Equal(42, result.Number);
    }

    [Fact]
    public void InterfacesBreakingGrainRules_AreRejectedWithTheReason()
    {
        AssertRejected<ISyncReturnGrain>("returns System.Int32");
        AssertRejected<IGenericMethodGrain>("is generic");
        AssertRejected<IRefParameterGrain>("passed by reference");
        AssertRejected<IPropertyGrain>("only methods");
        AssertRejected<IOneWayWithResultGrain>("[OneWay]");

        void AssertRejected<T>(string reason)
            where T : IGrainWithStringKey
        {
            var error = Assert.Throws<UnsupportedGrainInterfaceException>(() => fixture.GrainFactory.GetGrain<T>("x"));
            Assert.Equal(typeof(T), error.InterfaceType);
            Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void UnknownInterface_IsReportedClearly()
    {
        var error = Assert.Throws<ArgumentException>(() => fixture.GrainFactory.GetGrain<IUnimplementedGrain>("x"));
        Assert.Contains("No grain class implements", error.Message, StringComparison.Ordinal);
    }

    public interface IUnimplementedGrain : IGrainWithStringKey
    {
        Task Nothing();
    }
}

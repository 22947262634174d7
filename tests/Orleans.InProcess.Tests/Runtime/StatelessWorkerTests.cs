using Orleans.InProcess.Tests.Grains;
using Orleans.InProcess.Tests.Infrastructure;

namespace Orleans.InProcess.Tests.Runtime;

/// <summary>[StatelessWorker(3)]: a pool of up to three single-threaded activations per key.</summary>
[Collection(DefaultClusterCollection.Name)]
public sealed class StatelessWorkerTests(DefaultClusterFixture fixture)
{
    private TestProbe Probe => fixture.Probe;

    [Fact]
    public async Task IdleWorker_IsReused()
    {
        var grain = fixture.GrainFactory.GetGrain<IWorkerGrain>(TestClusters.UniqueKey());
        var first = await grain.Quick();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(first, await grain.Quick());
        }
    }

    /// <summary>Busy workers make the pool grow up to its maximum, then calls queue on the least loaded worker.</summary>
    [Fact]
    public async Task BusyWorkers_GrowThePoolUpToMax_ThenCallsQueue()
    {
        var key = TestClusters.UniqueKey();
        var grain = fixture.GrainFactory.GetGrain<IWorkerGrain>(key);
        var tags = Enumerable.Range(0, 4).Select(i => $"w{i}-{Guid.NewGuid():N}").ToArray();

        var calls = new List<Task<long>>();
        for (var i = 0; i < 3; i++)
        {
            var entered = Probe.WhenReached($"{tags[i]}:entered");
            calls.Add(grain.Work(tags[i]));
            await entered;
        }

        // Three workers are busy at once: the pool grew to its maximum, so a fourth call queues.
        Assert.Equal(3, ActivationInspector.ActivationCount(fixture.Cluster, grain));
        calls.Add(grain.Work(tags[3]));
        Assert.Equal(3, ActivationInspector.ActivationCount(fixture.Cluster, grain));
        Assert.Equal(1, ActivationInspector.WaitingCount(fixture.Cluster, grain));
        Assert.False(Probe.HasReached($"{tags[3]}:entered"), "a fourth request ran while three workers were busy");

        var fourthEntered = Probe.WhenReached($"{tags[3]}:entered");
        Probe.Release(tags[0]);
        await fourthEntered;
        foreach (var tag in tags)
        {
            Probe.Release(tag);
        }

        var workers = await TestProbe.WithLimit(Task.WhenAll(calls), "the worker calls");
        Assert.Equal(3, workers.Distinct().Count());
        Assert.Equal(workers[0], workers[3]);
        Assert.DoesNotContain(Probe.Events, e => e.Contains("ran two requests at once", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ManyConcurrentCalls_AllComplete_OnAtMostThreeWorkers()
    {
        var grain = fixture.GrainFactory.GetGrain<IWorkerGrain>(TestClusters.UniqueKey());
        var results = await TestProbe.WithLimit(
            Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => grain.Quick()))),
            "200 stateless worker calls");

        Assert.InRange(results.Distinct().Count(), 1, 3);
    }
}

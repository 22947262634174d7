using System.Diagnostics;
using Orleans.InProcess.Tests.Grains;
using Orleans.InProcess.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Orleans.InProcess.Tests.Runtime;

/// <summary>Many calls over many grains from several tasks: no deadlock, no lost call.</summary>
public sealed class StressTests(ITestOutputHelper output)
{
    private const int Grains = 1000;
    private const int Tasks = 8;

    /// <summary>1,000,000 calls spread over 1,000 grains from 8 tasks; every grain's count matches exactly.</summary>
    [Fact]
    public async Task MillionCalls_OverThousandGrains_FromEightTasks_LoseNothing()
        => await RunAsync(totalCalls: 1_000_000, maxInlineDepth: InProcessRuntimeOptions.DefaultMaxInlineCallDepth);

    /// <summary>The same with every call queued through the thread pool (the path contended calls take).</summary>
    [Fact]
    public async Task QueuedCalls_OverThousandGrains_FromEightTasks_LoseNothing()
        => await RunAsync(totalCalls: 200_000, maxInlineDepth: 0);

    private async Task RunAsync(int totalCalls, int maxInlineDepth)
    {
        var probe = new TestProbe();
        await using var cluster = await TestClusters.DeployAsync(probe, configure: silo => silo.ConfigureInProcessRuntime(o => o.MaxInlineCallDepth = maxInlineDepth));
        var prefix = TestClusters.UniqueKey("stress");
        var grains = Enumerable.Range(0, Grains).Select(i => cluster.GrainFactory.GetGrain<ICounterGrain>($"{prefix}-{i}")).ToArray();
        var callsPerTask = totalCalls / Tasks;

        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Tasks).Select(task => Task.Run(async () =>
        {
            // Each task walks the grains in its own order, so tasks keep colliding on the same grains.
            for (var i = 0; i < callsPerTask; i++)
            {
                await grains[((i * 7) + (task * 131)) % Grains].Increment();
            }
        })).ToArray();
        await TestProbe.WithLimit(Task.WhenAll(workers), $"{totalCalls} calls to complete");
        stopwatch.Stop();

        var expected = new int[Grains];
        for (var task = 0; task < Tasks; task++)
        {
            for (var i = 0; i < callsPerTask; i++)
            {
                expected[((i * 7) + (task * 131)) % Grains]++;
            }
        }

        var counts = await Task.WhenAll(grains.Select(g => g.Get()));
        Assert.Equal(expected, counts);
        Assert.Equal(totalCalls, counts.Sum());
        output.WriteLine($"{totalCalls:N0} calls (inline depth {maxInlineDepth}) in {stopwatch.Elapsed.TotalSeconds:F2} s = {totalCalls / stopwatch.Elapsed.TotalSeconds:N0} calls/s");
    }
}

using BenchmarkDotNet.Attributes;

namespace OmniGraph.Benchmarks.Runtime;

/// <summary>
/// Throughput under concurrency: 1,000,000 calls spread over 1,000 warm grains from 8 tasks that keep colliding on
/// the same grains. Reported per call (OperationsPerInvoke). Each invocation then reads every grain's call count
/// (1,000 more calls, 0.1%) and fails if a single call was lost.
/// </summary>
[MemoryDiagnoser]
public class ManyGrainsBenchmarks
{
    private const int Grains = 1_000;
    private const int Tasks = 8;
    private const int TotalCalls = 1_000_000;
    private const int CallsPerTask = TotalCalls / Tasks;

    private readonly int[] _callsPerRound = new int[Grains];
    private RuntimeHost _host = null!;
    private IPingGrain[] _grains = null!;
    private int _rounds;

    [GlobalSetup]
    public void Setup()
    {
        _host = RuntimeHost.Start();
        _grains = new IPingGrain[Grains];
        for (var i = 0; i < Grains; i++)
        {
            _grains[i] = _host.GrainFactory.GetGrain<IPingGrain>($"many-{i}");
        }

        for (var task = 0; task < Tasks; task++)
        {
            for (var i = 0; i < CallsPerTask; i++)
            {
                _callsPerRound[Target(task, i)]++;
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _host.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = TotalCalls)]
    public async Task MillionCallsOverThousandGrains()
    {
        var workers = new Task[Tasks];
        for (var task = 0; task < Tasks; task++)
        {
            var current = task;
            workers[task] = Task.Run(async () =>
            {
                for (var i = 0; i < CallsPerTask; i++)
                {
                    await _grains[Target(current, i)].Ping(0);
                }
            });
        }

        await Task.WhenAll(workers);
        _rounds++;
        for (var i = 0; i < Grains; i++)
        {
            // Read returns the grain's call count plus the argument.
            var calls = await _grains[i].Read(0);
            if (calls != _callsPerRound[i] * _rounds)
            {
                throw new InvalidOperationException($"Grain {i} counted {calls} calls, expected {_callsPerRound[i] * _rounds}: a call was lost.");
            }
        }
    }

    private static int Target(int task, int call) => ((call * 7) + (task * 131)) % Grains;
}

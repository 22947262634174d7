using BenchmarkDotNet.Attributes;

namespace OmniGraph.Benchmarks.Runtime;

/// <summary>
/// Cost of one warm call from a client to an idle in-process grain (target for the non-reentrant call: median at
/// most 2 µs). The grain is activated in setup, so every measured call reuses its activation.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class GrainCallBenchmarks
{
    private RuntimeHost _host = null!;
    private IPingGrain _grain = null!;
    private IWorkerPingGrain _worker = null!;

    [GlobalSetup]
    public void Setup()
    {
        _host = RuntimeHost.Start();
        _grain = _host.GrainFactory.GetGrain<IPingGrain>("bench");
        _worker = _host.GrainFactory.GetGrain<IWorkerPingGrain>("bench");
        _grain.Ping(0).GetAwaiter().GetResult();
        _worker.Ping(0).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _host.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>A warm call to a non-reentrant grain.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> NonReentrantCall() => _grain.Ping(1);

    /// <summary>A warm call to a [ReadOnly] method.</summary>
    [Benchmark]
    public Task<int> ReadOnlyCall() => _grain.Read(1);

    /// <summary>A warm call to a stateless worker.</summary>
    [Benchmark]
    public Task<int> StatelessWorkerCall() => _worker.Ping(1);
}

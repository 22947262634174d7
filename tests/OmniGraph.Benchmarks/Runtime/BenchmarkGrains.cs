using Orleans.Concurrency;

namespace OmniGraph.Benchmarks.Runtime;

/// <summary>A minimal non-reentrant grain: what a warm call costs without any work in the grain.</summary>
public interface IPingGrain : IGrainWithStringKey
{
    Task<int> Ping(int value);

    [ReadOnly]
    Task<int> Read(int value);
}

public sealed class PingGrain : Grain, IPingGrain
{
    private int _calls;

    public Task<int> Ping(int value) => Task.FromResult(value + ++_calls);

    public Task<int> Read(int value) => Task.FromResult(value + _calls);
}

/// <summary>A stateless worker pool (up to the processor count per key).</summary>
public interface IWorkerPingGrain : IGrainWithStringKey
{
    Task<int> Ping(int value);
}

[StatelessWorker]
public sealed class WorkerPingGrain : Grain, IWorkerPingGrain
{
    public Task<int> Ping(int value) => Task.FromResult(value + 1);
}

using Orleans.Concurrency;
using Orleans.InProcess.Tests.Infrastructure;

namespace Orleans.InProcess.Tests.Grains;

public interface IWorkerGrain : IGrainWithStringKey
{
    /// <summary>Reaches <c>{tag}:entered</c>, waits for its release, returns this worker's activation number.</summary>
    Task<long> Work(string tag);

    Task<long> Quick();
}

[StatelessWorker(3)]
public sealed class WorkerGrain(TestProbe probe) : Grain, IWorkerGrain
{
    private static long s_activations;
    private readonly long _activationNumber = Interlocked.Increment(ref s_activations);
    private int _running;

    public async Task<long> Work(string tag)
    {
        if (++_running != 1)
        {
            probe.Record($"worker {_activationNumber} ran two requests at once");
        }

        probe.Reached($"{tag}:entered");
        probe.Record($"{tag} on worker {_activationNumber}");
        await probe.WaitForReleaseAsync(tag);
        _running--;
        return _activationNumber;
    }

    public Task<long> Quick() => Task.FromResult(_activationNumber);
}

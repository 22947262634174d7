using Orleans.Concurrency;
using Orleans.InProcess.Tests.Infrastructure;

namespace Orleans.InProcess.Tests.Grains;

/// <summary>
/// Operations that stop at a named point until the test releases them, recording how many requests run at once.
/// Shared by a non-reentrant and a [Reentrant] grain class.
/// </summary>
public interface IBlockingOperations : IGrainWithStringKey
{
    /// <summary>Reaches <c>{tag}:entered</c>, waits for the release of <c>tag</c>, returns the concurrency seen.</summary>
    Task<int> Write(string tag);

    [ReadOnly]
    Task<int> Read(string tag);

    [AlwaysInterleave]
    Task<int> Interleaved(string tag);

    /// <summary>The largest number of requests that ran at the same time.</summary>
    [AlwaysInterleave]
    Task<int> MaxConcurrency();
}

public interface IBlockingGrain : IBlockingOperations
{
}

public interface IReentrantBlockingGrain : IBlockingOperations
{
}

public abstract class BlockingGrainBase(TestProbe probe) : Grain
{
    private int _running;
    private int _maxRunning;

    public Task<int> Write(string tag) => Block(tag);

    public Task<int> Read(string tag) => Block(tag);

    public Task<int> Interleaved(string tag) => Block(tag);

    public Task<int> MaxConcurrency() => Task.FromResult(_maxRunning);

    private async Task<int> Block(string tag)
    {
        // Turns never run in parallel, so these plain field updates are safe without locks (that is the point).
        var running = ++_running;
        _maxRunning = Math.Max(_maxRunning, running);
        probe.Record($"enter {tag}");
        probe.Reached($"{tag}:entered");
        await probe.WaitForReleaseAsync(tag);
        _running--;
        probe.Record($"exit {tag}");
        probe.Reached($"{tag}:exited");
        return running;
    }
}

public sealed class BlockingGrain(TestProbe probe) : BlockingGrainBase(probe), IBlockingGrain
{
}

[Reentrant]
public sealed class ReentrantBlockingGrain(TestProbe probe) : BlockingGrainBase(probe), IReentrantBlockingGrain
{
}

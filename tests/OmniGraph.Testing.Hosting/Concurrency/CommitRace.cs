using OmniGraph.Grains.FailureInjection;
using OmniGraph.Testing.Hosting;

namespace OmniGraph.Testing.Concurrency;

/// <summary>
/// Two writes from two silos prepared against the same head, then committed one after the other: each silo's write is
/// held just before it writes its recovery sidecar until both are prepared, then the first is let go and finishes before
/// the second goes on. The second therefore always finds the head moved.
/// </summary>
public static class CommitRace
{
    private static readonly TimeSpan s_stepTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs the race. The first task has completed successfully when this returns; the second has completed either way
    /// (await it for its result or its conflict).
    /// </summary>
    public static async Task<(Task<TResult> First, Task<TResult> Second)> RunAsync<THost, TResult>(
        THost firstHost, Func<THost, Task<TResult>> firstWrite, THost secondHost, Func<THost, Task<TResult>> secondWrite)
        where THost : GraphTestHost
    {
        ArgumentNullException.ThrowIfNull(firstHost);
        ArgumentNullException.ThrowIfNull(firstWrite);
        ArgumentNullException.ThrowIfNull(secondHost);
        ArgumentNullException.ThrowIfNull(secondWrite);
        var firstPause = firstHost.Failpoints.Arm(Failpoints.CommitSidecarWrite, FailpointAction.PauseBefore);
        var secondPause = secondHost.Failpoints.Arm(Failpoints.CommitSidecarWrite, FailpointAction.PauseBefore);
        var first = firstWrite(firstHost);
        var second = secondWrite(secondHost);
        await Task.WhenAll(firstPause.Fired, secondPause.Fired).WaitAsync(s_stepTimeout);
        firstPause.Release();
        await first.WaitAsync(s_stepTimeout);
        secondPause.Release();
        await Task.WhenAny(second).WaitAsync(s_stepTimeout);
        return (first, second);
    }
}

using System.Collections.Concurrent;

namespace Orleans.InProcess.Tests.Infrastructure;

/// <summary>
/// Explicit phase barriers between test code and grain code. Grain code signals that it reached a point
/// (<see cref="Reached"/>) and waits to be let through (<see cref="WaitForReleaseAsync"/>); the test arms a wait for
/// the point (<see cref="WhenReached"/>) before triggering it, then releases it (<see cref="Release"/>). Every wait is
/// bounded and fails with a message saying what was being waited for. Also records events in order.
/// </summary>
public sealed class TestProbe
{
    private static readonly TimeSpan s_waitLimit = TimeSpan.FromSeconds(20);

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _reached = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _releases = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _events = new();

    /// <summary>Events recorded so far, in order.</summary>
    public IReadOnlyList<string> Events => [.. _events];

    /// <summary>Records an event.</summary>
    public void Record(string text) => _events.Enqueue(text);

    /// <summary>Grain side: signals that the point <paramref name="name"/> was reached.</summary>
    public void Reached(string name) => Signal(_reached, name);

    /// <summary>Test side: completes when the point <paramref name="name"/> is reached (arm it before triggering).</summary>
    public Task WhenReached(string name) => WithLimit(Source(_reached, name).Task, $"grain code to reach '{name}'");

    /// <summary>Whether the point <paramref name="name"/> has been reached.</summary>
    public bool HasReached(string name) => Source(_reached, name).Task.IsCompleted;

    /// <summary>Grain side: waits until the test releases the point <paramref name="name"/>.</summary>
    public Task WaitForReleaseAsync(string name) => WithLimit(Source(_releases, name).Task, $"the test to release '{name}'");

    /// <summary>Test side: lets grain code waiting at <paramref name="name"/> continue.</summary>
    public void Release(string name) => Signal(_releases, name);

    /// <summary>Bounds <paramref name="task"/> with a contextual failure message.</summary>
    public static async Task WithLimit(Task task, string waitingFor)
    {
        try
        {
            await task.WaitAsync(s_waitLimit);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw new TimeoutException($"Timed out after {s_waitLimit.TotalSeconds} s waiting for {waitingFor}.");
        }
    }

    /// <summary>Bounds <paramref name="task"/> with a contextual failure message.</summary>
    public static async Task<T> WithLimit<T>(Task<T> task, string waitingFor)
    {
        await WithLimit((Task)task, waitingFor);
        return await task;
    }

    private static TaskCompletionSource Source(ConcurrentDictionary<string, TaskCompletionSource> map, string name)
        => map.GetOrAdd(name, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private static void Signal(ConcurrentDictionary<string, TaskCompletionSource> map, string name) => Source(map, name).TrySetResult();
}

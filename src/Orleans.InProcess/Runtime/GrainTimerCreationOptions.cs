using System.Diagnostics.CodeAnalysis;

namespace Orleans.Runtime;

/// <summary>How a grain timer behaves.</summary>
public readonly struct GrainTimerCreationOptions
{
    /// <summary>Creates options with the required due time and period.</summary>
    [SetsRequiredMembers]
    public GrainTimerCreationOptions(TimeSpan dueTime, TimeSpan period)
    {
        DueTime = dueTime;
        Period = period;
    }

    /// <summary>Delay before the first tick; <see cref="Timeout.InfiniteTimeSpan"/> means the timer starts disabled.</summary>
    public required TimeSpan DueTime { get; init; }

    /// <summary>Delay between the end of one tick and the start of the next; <see cref="Timeout.InfiniteTimeSpan"/> means one-shot.</summary>
    public required TimeSpan Period { get; init; }

    /// <summary>
    /// When <c>true</c> a tick interleaves with running requests (like an <c>[AlwaysInterleave]</c> method);
    /// when <c>false</c> (default) it is admitted like a request and obeys the grain's reentrancy.
    /// </summary>
    public bool Interleave { get; init; }

    /// <summary>When <c>true</c> each tick counts as activity and keeps the activation from being collected as idle.</summary>
    public bool KeepAlive { get; init; }
}

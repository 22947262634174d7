namespace OmniGraph.Grains.FailureInjection;

/// <summary>
/// One arming of a failpoint, returned by <see cref="FailpointRegistry.Arm"/>: tells when it fired and, for
/// <see cref="FailpointAction.PauseBefore"/>, lets the test release the paused operation.
/// </summary>
public sealed class FailpointHandle
{
    private readonly TaskCompletionSource _fired = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _hits;
    private int _fires;

    internal FailpointHandle(Failpoint failpoint, FailpointAction action, int hit, int times, string? scope)
    {
        Failpoint = failpoint;
        Action = action;
        Hit = hit;
        Times = times;
        Scope = scope;
    }

    /// <summary>The failpoint.</summary>
    public Failpoint Failpoint { get; }

    /// <summary>What it does.</summary>
    public FailpointAction Action { get; }

    /// <summary>The first hit (1-based) that fires.</summary>
    public int Hit { get; }

    /// <summary>How many hits fire, from <see cref="Hit"/> on.</summary>
    public int Times { get; }

    /// <summary>Only sites reporting this scope (a table key) count; <c>null</c> counts every site.</summary>
    public string? Scope { get; }

    /// <summary>Completes when the failpoint fires the first time.</summary>
    public Task Fired => _fired.Task;

    /// <summary>How many times it fired.</summary>
    public int FireCount => Volatile.Read(ref _fires);

    /// <summary>Lets a paused operation continue (and every later pause of this arming pass at once).</summary>
    public void Release() => _released.TrySetResult();

    internal Task Released => _released.Task;

    /// <summary>Counts a hit; <c>true</c> when this hit fires.</summary>
    internal bool CountHit()
    {
        var hit = Interlocked.Increment(ref _hits);
        if (hit < Hit || hit - Hit >= Times)
        {
            return false;
        }

        Interlocked.Increment(ref _fires);
        _fired.TrySetResult();
        return true;
    }

    internal bool Matches(Failpoint failpoint, string? scope) =>
        ReferenceEquals(failpoint, Failpoint) && (Scope is null || string.Equals(Scope, scope, StringComparison.Ordinal));
}

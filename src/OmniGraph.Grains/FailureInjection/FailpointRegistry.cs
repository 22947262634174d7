using System.Runtime.CompilerServices;

namespace OmniGraph.Grains.FailureInjection;

/// <summary>
/// The failpoints armed in one silo (a singleton of the silo's services, so tests running in parallel in one process do
/// not see each other's failpoints). Disarmed, a site costs one volatile read.
/// </summary>
public sealed class FailpointRegistry
{
    private readonly Lock _lock = new();
    private FailpointHandle[] _armed = [];

    /// <summary>Whether anything is armed.</summary>
    public bool IsArmed => Volatile.Read(ref _armed).Length > 0;

    /// <summary>
    /// Arms <paramref name="failpoint"/>: hit number <paramref name="hit"/> (1-based, counted per arming) and the
    /// <paramref name="times"/> - 1 hits after it fire with <paramref name="action"/>.
    /// </summary>
    /// <param name="failpoint">A field of <see cref="Failpoints"/>.</param>
    /// <param name="action">What to do.</param>
    /// <param name="hit">The first hit that fires.</param>
    /// <param name="times">How many hits fire (<see cref="int.MaxValue"/>: all from <paramref name="hit"/> on).</param>
    /// <param name="scope">Only count sites reporting this scope (a table key), or every site when <c>null</c>.</param>
    public FailpointHandle Arm(Failpoint failpoint, FailpointAction action, int hit = 1, int times = 1, string? scope = null)
    {
        ArgumentNullException.ThrowIfNull(failpoint);
        ArgumentOutOfRangeException.ThrowIfLessThan(hit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        var handle = new FailpointHandle(failpoint, action, hit, times, scope);
        lock (_lock)
        {
            _armed = [.. _armed, handle];
        }

        return handle;
    }

    /// <summary>Disarms one arming (releasing it if it paused something).</summary>
    public void Disarm(FailpointHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        handle.Release();
        lock (_lock)
        {
            _armed = Array.FindAll(_armed, h => !ReferenceEquals(h, handle));
        }
    }

    /// <summary>Disarms everything (releasing paused operations).</summary>
    public void DisarmAll()
    {
        FailpointHandle[] armed;
        lock (_lock)
        {
            armed = _armed;
            _armed = [];
        }

        foreach (var handle in armed)
        {
            handle.Release();
        }
    }

    /// <summary>The site before a durable step: may fail (injected I/O error) or pause.</summary>
    /// <exception cref="OmniGraphException">Code <c>failpoint_injected</c>: Armed with <see cref="FailpointAction.FailBefore"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ValueTask BeforeAsync(Failpoint failpoint, string? scope = null) =>
        Volatile.Read(ref _armed).Length == 0 ? ValueTask.CompletedTask : BeforeSlowAsync(failpoint, scope);

    /// <summary>The site after a durable step: may simulate a crash.</summary>
    /// <exception cref="SimulatedCrashException">Armed with <see cref="FailpointAction.CrashAfter"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void After(Failpoint failpoint, string? scope = null)
    {
        if (Volatile.Read(ref _armed).Length != 0)
        {
            AfterSlow(failpoint, scope);
        }
    }

    private async ValueTask BeforeSlowAsync(Failpoint failpoint, string? scope)
    {
        foreach (var handle in Volatile.Read(ref _armed))
        {
            if (handle.Action == FailpointAction.CrashAfter || !handle.Matches(failpoint, scope) || !handle.CountHit())
            {
                continue;
            }

            if (handle.Action == FailpointAction.FailBefore)
            {
                throw new OmniGraphException(
                    ErrorCodes.FailpointInjected,
                    $"injected failure at {failpoint.Name} ({failpoint.Step})",
                    ErrorDetails.Of(ErrorDetail.Failpoint.With(failpoint.Name)));
            }

            await handle.Released.ConfigureAwait(false);
        }
    }

    private void AfterSlow(Failpoint failpoint, string? scope)
    {
        foreach (var handle in Volatile.Read(ref _armed))
        {
            if (handle.Action == FailpointAction.CrashAfter && handle.Matches(failpoint, scope) && handle.CountHit())
            {
                throw new SimulatedCrashException(failpoint);
            }
        }
    }
}
